import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../templates/registry.ts';
import { buildPrintedForm, combinedRowGold } from './buildPrintedForm.ts';
import { amountsInYuan, ocrDigits, unitsInCells } from './cellTransforms.ts';
import { encodeDocument } from './encodeDocument.ts';
import { transformationKey } from './evaluateVariants.ts';
import { pageLayout } from './pageLayout.ts';
import { generateVariants } from './generateVariants.ts';
import { compareWithGold } from '../compareWithGold.ts';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import { htmlLayout } from './htmlLayout.ts';
import { GRID_STYLES, gridLayout, pipeLayout, tabLayout } from './lineLayouts.ts';
import { hardWrap, pageBreaks } from './lineTransforms.ts';
import type { FormCell, PrintedForm } from './PrintedForm.ts';
import { createRandom } from './random.ts';
import type { Rendered, RenderedLine } from './Rendered.ts';
import { loadSourceDocuments, type SourceDocument } from './sourceDocuments.ts';

const sources = loadSourceDocuments();

const valueCells = (form: PrintedForm): FormCell[] =>
  form.blocks.flatMap((block) => (block.kind === 'table' ? block.table.rows.flatMap((row) => row.cells.filter((cell) => cell.role === 'value')) : []));

describe('loadSourceDocuments', () => {
  it('takes every labelled document with a form: seeds, synthetic and hand-checked wild reports of all three templates', () => {
    const sets = new Set(sources.map((source) => source.name.split('/')[0]));
    expect([...sets].sort()).toEqual(['seeds', 'synthetic', 'wild']);
    expect(new Set(sources.map((source) => source.template))).toEqual(new Set(['gov-2014', 'gov-2019', 'gov-2021']));
    expect(sources.every((source) => Object.keys(source.fields).length > 0)).toBe(true);
  });
});

describe('buildPrintedForm', () => {
  it.each(['gov-2014', 'gov-2019', 'gov-2021'] as const)('prints every field of %s exactly once, its gold value as text (blank for null or unlisted)', (templateId) => {
    const source = sources.find((candidate) => candidate.template === templateId)!;
    const partial: SourceDocument = { ...source, fields: Object.fromEntries(Object.entries(source.fields).slice(0, 5)) };
    const cells = valueCells(buildPrintedForm(partial, createRandom(3)));
    const template = findTemplate(templateId)!;
    expect(cells.map((cell) => cell.field).sort()).toEqual(template.fields.map((field) => field.id).sort());
    for (const cell of cells) {
      const gold = partial.fields[cell.field!] ?? null;
      expect(cell.text).toBe(gold === null ? '' : String(gold));
    }
  });
});

describe('the printed forms', () => {
  // A check of the printer, not of the garbling: the plainest prints of every labelled document are read in full.
  it.each([
    ['tab rows', (form: PrintedForm) => tabLayout(form, 'empty')],
    ['pipe rows', (form: PrintedForm) => pipeLayout(form, 'drop')],
    ['HTML', (form: PrintedForm) => htmlLayout(form, { spacer: false, nbsp: true }, createRandom(1))],
  ])('in %s are read right cell for cell by the engine', (_, layout) => {
    const misses: string[] = [];
    for (const source of sources) {
      const rendered = layout(buildPrintedForm(source, createRandom(1)));
      const text = rendered.kind === 'text' ? rendered.text : rendered.lines.map((line) => line.text).join('\n');
      const record = extractDocument({ name: source.name, bytes: new TextEncoder().encode(text) }).record;
      const gold = { document: source.name, template: source.template, meta: { agency: null, agencyAliases: [], year: null }, fields: { ...source.fields }, expectFlags: [], notes: '' };
      misses.push(...compareWithGold(record, gold).misses.map((miss) => `${source.name} ${miss.field}`));
    }
    expect(misses).toEqual([]);
  }, 60_000);
});

describe('combined （六）其他处理 row', () => {
  const source = sources.find((candidate) => candidate.template === 'gov-2021')!;
  const column = (row: string, name: string) => `applications.${row}.${name}`;

  it('prints one （六） row holding the sums of the three sub-rows, which are not printed', () => {
    const form = buildPrintedForm(source, createRandom(1), { combinedOtherRow: true });
    const cells = valueCells(form);
    expect(cells.some((cell) => cell.field?.startsWith('applications.otherOverdueAmendment.'))).toBe(false);
    const sum = ['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling'].reduce((total, row) => total + (source.fields[column(row, 'total')] ?? 0), 0);
    expect(cells.find((cell) => cell.field === column('otherHandling', 'total'))?.value).toBe(sum);
    expect(JSON.stringify(form)).toContain('（六）其他处理');
    expect(JSON.stringify(form)).not.toContain('逾期不补正');
  });

  it('keeps the gold of sub-rows a printed 0 or blank determines, and drops those a larger number hides', () => {
    const fields = {
      [column('otherOverdueAmendment', 'naturalPerson')]: 0, [column('otherOverdueFee', 'naturalPerson')]: null, [column('otherHandling', 'naturalPerson')]: 0,
      [column('otherOverdueAmendment', 'commercial')]: null, [column('otherOverdueFee', 'commercial')]: null, [column('otherHandling', 'commercial')]: null,
      [column('otherOverdueAmendment', 'total')]: 2, [column('otherOverdueFee', 'total')]: 0, [column('otherHandling', 'total')]: 1,
      [column('granted', 'total')]: 7,
    };
    expect(combinedRowGold(fields)).toEqual({
      [column('otherOverdueAmendment', 'naturalPerson')]: 0, [column('otherOverdueFee', 'naturalPerson')]: 0, [column('otherHandling', 'naturalPerson')]: 0,
      [column('otherOverdueAmendment', 'commercial')]: null, [column('otherOverdueFee', 'commercial')]: null, [column('otherHandling', 'commercial')]: null,
      [column('granted', 'total')]: 7,
    });
  });
});

describe('cell transformations', () => {
  const form = buildPrintedForm(sources.find((source) => source.template === 'gov-2021')!, createRandom(1));
  const amount = (printed: PrintedForm) => valueCells(printed).find((cell) => cell.field === 'disclosure.fees.amount')!;
  const withFee = (value: number): PrintedForm => ({
    ...form,
    blocks: form.blocks.map((block) => (block.kind !== 'table' ? block : {
      ...block,
      table: { ...block.table, rows: block.table.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => (cell.field === 'disclosure.fees.amount' ? { ...cell, value, text: String(value) } : cell)) })) },
    })),
  });

  it('prints 万元 amounts in 元 and says so in the header; units go inside the cell; the value stays', () => {
    const yuan = amountsInYuan.apply(withFee(9114.72), createRandom(1));
    expect(amount(yuan)).toMatchObject({ text: '91147200元', value: 9114.72 });
    expect(JSON.stringify(yuan)).toContain('本年收费金额（单位：元）');
    expect(amount(unitsInCells.apply(withFee(9114.72), createRandom(2))).text).toMatch(/^9114\.72 ?万元$/u);
  });

  it('OCR letters replace only 0 and 1 in value cells', () => {
    const garbled = valueCells(ocrDigits(1).apply(form, createRandom(5)));
    expect(garbled.every((cell) => !/[01]/u.test(cell.text))).toBe(true);
    expect(garbled.map((cell) => cell.text.replace(/[Oo]/gu, '0').replace(/[lI]/gu, '1'))).toEqual(valueCells(form).map((cell) => cell.text));
  });
});

describe('line transformations', () => {
  const lines = (tabLayout(buildPrintedForm(sources.find((source) => source.template === 'gov-2019')!, createRandom(9)), 'empty') as Extract<Rendered, { kind: 'lines' }>).lines;

  it('a hard wrap never splits a number and keeps every character but the spaces it breaks at', () => {
    const wrapped = hardWrap(24).apply(lines, createRandom(1));
    const squeeze = (all: readonly RenderedLine[]) => all.map((line) => line.text).join('').replace(/\s/gu, '');
    expect(squeeze(wrapped)).toBe(squeeze(lines));
    const numbers = (all: readonly RenderedLine[]) => all.flatMap((line) => line.text.match(/\d+(?:\.\d+)?/gu) ?? []);
    expect(numbers(wrapped)).toEqual(numbers(lines));
  });

  it('a hard wrap that carries its tab keeps every tab: the rows\' cells count the same', () => {
    const closed = (tabLayout(buildPrintedForm(sources.find((source) => source.template === 'gov-2019')!, createRandom(9)), 'empty', undefined, undefined, true) as Extract<Rendered, { kind: 'lines' }>).lines;
    expect(closed.filter((line) => line.table !== undefined).every((line) => line.text.endsWith('\t'))).toBe(true);
    const wrapped = hardWrap(24, true).apply(closed, createRandom(1));
    const tabs = (all: readonly RenderedLine[]) => all.reduce((sum, line) => sum + (line.text.match(/\t/gu)?.length ?? 0), 0);
    expect(tabs(wrapped)).toBe(tabs(closed));
    expect(wrapped.length).toBeGreaterThan(closed.length);
    expect(wrapped.some((line) => line.text.startsWith('\t') && line.breakable === false)).toBe(true);
  });

  it('page breaks fall between rows, with a footer and the table header repeated', () => {
    const paged = pageBreaks(10, true).apply(lines, createRandom(2));
    const feeds = paged.flatMap((line, index) => (line.text === '\f' ? [index] : []));
    expect(feeds.length).toBeGreaterThan(3);
    for (const index of feeds) {
      const after = paged[index + 1]!;
      expect(after.breakable === true || after.header === true).toBe(true);
    }
  });
});

describe('encodeDocument', () => {
  it('writes GBK with bare CR, declaring the charset of an HTML page', () => {
    const bytes = encodeDocument('<meta charset="utf-8">\n统计数\n', { charset: 'gbk', lineEnding: 'cr' });
    expect(iconv.decode(Buffer.from(bytes), 'gb18030')).toBe('<meta charset="gbk">\r统计数\r');
  });
});

describe('generateVariants', () => {
  const variants = generateVariants({ seed: 11, count: 240, sources });

  it('is deterministic in (seed, index): the same run twice, and variant i alone', () => {
    const again = generateVariants({ seed: 11, count: 240, sources });
    expect(again.map((variant) => variant.name)).toEqual(variants.map((variant) => variant.name));
    expect(again.every((variant, index) => Buffer.from(variant.bytes).equals(Buffer.from(variants[index]!.bytes)))).toBe(true);
    const alone = generateVariants({ seed: 11, count: 1, first: 57, sources })[0]!;
    expect(Buffer.from(alone.bytes).equals(Buffer.from(variants[57]!.bytes))).toBe(true);
    expect(generateVariants({ seed: 12, count: 5, sources }).map((variant) => variant.name)).not.toEqual(variants.slice(0, 5).map((variant) => variant.name));
  });

  it('single mode applies a layout and at most one other transformation', () => {
    for (const variant of generateVariants({ seed: 11, count: 60, sources, mode: 'single' })) {
      const extra = variant.transformations.filter((name) => !/^(?:tab|pipe|pipe-broken|cell-per-line|html|spacer-cells|flat-spaces|flat-glued|glued-ordinals|page-debris|pdf-reading|pdf-columns|pdf-layout|split-labels|grid|csv|sentences)\b/u.test(name));
      expect(extra.length, variant.transformations.join(' | ')).toBeLessThanOrEqual(1);
    }
  });

  it('keeps the source gold whatever the garbling (but what a combined （六） row does not print), and records the chain', () => {
    for (const variant of variants) {
      const source = sources.find((candidate) => candidate.name === variant.source)!;
      const combined = variant.transformations.includes('combined-other-row');
      expect(variant.gold.fields).toEqual(combined ? combinedRowGold(source.fields) : source.fields);
      expect(variant.gold.template).toBe(source.template);
      expect(variant.gold.garbling).toEqual(variant.transformations);
      expect(variant.transformations.length).toBeGreaterThan(0);
    }
  });

  it('covers every template and every layout and transformation the issue asks for', () => {
    expect(new Set(variants.map((variant) => variant.gold.template))).toEqual(new Set(['gov-2014', 'gov-2019', 'gov-2021']));
    const seen = new Set(variants.flatMap((variant) => variant.transformations.map(transformationKey)));
    for (const name of [
      'tab', 'pipe', 'pipe-broken', 'cell-per-line', 'html', 'spacer-cells', 'flat-spaces', 'flat-glued', 'glued-ordinals', 'page-debris', 'combined-other-row',
      'pdf-reading', 'pdf-columns', 'pdf-layout', 'split-labels', 'hard-wrap', 'page-footers', 'ocr-digits', 'ocr-labels', 'full-width',
      'units-in-cells', 'amount-in-yuan', 'gbk', 'crlf', 'bare-cr', 'lost-labels', 'grid',
    ]) expect(seen, name).toContain(name);
    // Narrow number cells: a count printed over the lines around its row's line.
    expect(variants.some((variant) => variant.transformations.some((name) => name.includes('numbers wrap at')))).toBe(true);
  });

  it('stacks a number too wide for a narrow cell over the lines around its row, the row\'s other cells on the middle line', () => {
    const form = { blocks: [{ kind: 'table' as const, table: { id: 't', rows: [
      { cells: [{ role: 'label' as const, text: '一、本年新收' }, { role: 'value' as const, text: '2985' }, { role: 'value' as const, text: '0' }] },
    ] } }] };
    const rendered = pageLayout(form as never, { labelWidth: 20, values: 'right', valuesOn: 'first', pageWidth: 80, valueDigits: 1 });
    const lines = rendered.kind === 'lines' ? rendered.lines.map((line) => line.text).filter((text) => text.trim() !== '') : [];
    expect(lines.map((text) => text.trim().split(/\s+/u))).toEqual([['2'], ['9'], ['一、本年新收', '0'], ['8'], ['5']]);
  });

  it('draws a table\'s borders: a top border, rows between verticals padded to their column, a rule under the header (or every row), a bottom border', () => {
    const form = { blocks: [{ kind: 'table' as const, table: { id: 't', rows: [
      { header: true, cells: [{ role: 'label' as const, text: '信息内容' }, { role: 'label' as const, text: '本年制发件数' }] },
      { header: false, cells: [{ role: 'label' as const, text: '规章' }, { role: 'value' as const, text: '13' }] },
      { header: false, cells: [{ role: 'label' as const, text: '行政规范性文件' }, { role: 'value' as const, text: '0' }] },
    ] } }] };
    const lines = (style: number, everyRow: boolean) => {
      const rendered = gridLayout(form as never, 'empty', GRID_STYLES[style]!, everyRow);
      return rendered.kind === 'lines' ? rendered.lines.map((line) => line.text).filter((text) => text !== '') : [];
    };
    expect(lines(0, false)).toEqual([
      '┌────────────────┬──────────────┐',
      '│ 信息内容       │ 本年制发件数 │',
      '├────────────────┼──────────────┤',
      '│ 规章           │ 13           │',
      '│ 行政规范性文件 │ 0            │',
      '└────────────────┴──────────────┘',
    ]);
    expect(lines(3, true).filter((text) => text.startsWith('+'))).toHaveLength(4);
    // Labels wrapped at 4 inside their cells, each value on its row's middle line.
    const wrapped = gridLayout(form as never, 'empty', GRID_STYLES[0]!, true, { width: 4, valign: 'middle' });
    expect(wrapped.kind === 'lines' ? wrapped.lines.map((line) => line.text).filter((text) => text !== '') : []).toEqual([
      '┌──────┬──────┐',
      '│ 信息 │ 本年 │',
      '│ 内容 │ 制发 │',
      '│      │ 件数 │',
      '├──────┼──────┤',
      '│ 规章 │ 13   │',
      '├──────┼──────┤',
      '│ 行政 │      │',
      '│ 规范 │ 0    │',
      '│ 性文 │      │',
      '│ 件   │      │',
      '└──────┴──────┘',
    ]);
  });
});
