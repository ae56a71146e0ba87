import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import { gov2019 } from '../../templates/gov2019.ts';
import { gov2021 } from '../../templates/gov2021.ts';
import type { TemplateDefinition } from '../../templates/TemplateDefinition.ts';
import { MappedText } from '../../text/MappedText.ts';
import type { ParseResult } from '../ParseResult.ts';
import { parseGridTables } from './parseGridTables.ts';
import { expectedValue, renderSyntheticForm, sampleCells, type SyntheticLayout } from './testing/renderSyntheticForm.ts';
import { appealFields } from './testing/sectionCells.ts';

const fixture = (path: string) => readFileSync(new URL(`../../../test/fixtures/${path}`, import.meta.url));

function parse(text: string, template: TemplateDefinition): ParseResult {
  return parseGridTables(MappedText.identity(text), template);
}

/** Fields whose reading differs from what was printed (missing, ambiguous or another value). */
function mismatches(result: ParseResult, printed: Readonly<Record<string, string>>): string[] {
  return Object.entries(printed).flatMap(([fieldId, raw]) => {
    const cell = result.cells.get(fieldId);
    const expected = expectedValue(fieldId, raw);
    if (!cell) return [`${fieldId}: missing`];
    if (cell.ambiguous) return [`${fieldId}: ambiguous`];
    return cell.value === expected ? [] : [`${fieldId}: ${cell.value} (raw "${cell.raw}") instead of ${expected}`];
  });
}

/** Blanks some cells of a sample: every seventh field, and both ends of a few rows of 三. */
function withBlanks(template: TemplateDefinition, layout: SyntheticLayout): Record<string, string> {
  const cells = sampleCells(template);
  template.fields.forEach((field, index) => {
    if (index % 7 === 3) cells[field.id] = '';
  });
  for (const row of ['granted', 'deniedQuery', 'unableUnclear']) {
    cells[`applications.${row}.naturalPerson`] = '';
    cells[`applications.${row}.total`] = '';
  }
  for (const column of ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']) {
    cells[`applications.notProcessedDuplicate.${column}`] = '';
  }
  cells['reconsideration.upheld'] = '';
  cells['litigationAfterReconsideration.total'] = '';
  if (layout === 'cell-per-line') {
    // The last cell before a section heading: its blank merges with the heading's line-break run (see the
    // limitation test below), so keep it printed here.
    cells['applications.carriedForward.total'] = '7';
    if ('disclosure.procurement.amount' in cells) cells['disclosure.procurement.amount'] = '251000元';
    if ('disclosure.fees.amount' in cells) cells['disclosure.fees.amount'] = '1163.54';
  }
  return cells;
}

describe('parseGridTables on corpus 002 (tab rows) through the full pipeline', () => {
  const bytes = fixture('corpus/002_2520afaa29647670.txt');
  const gold = JSON.parse(fixture('gold/002_2520afaa29647670.json').toString('utf8')) as { fields: Record<string, number | null> };
  const result = extractDocument({ name: '002', bytes });

  it('reads all 198 fields exactly as the gold', () => {
    expect(result.template?.id).toBe('gov-2019');
    const wrong = Object.entries(gold.fields).filter(([fieldId, value]) => {
      const cell = result.parse.cells.get(fieldId);
      return !cell || cell.ambiguous || cell.value !== value;
    });
    expect(Object.keys(gold.fields)).toHaveLength(198);
    expect(wrong).toEqual([]);
  });

  it('points every printed cell at its text in the decoded document, and blanks at an empty span', () => {
    for (const cell of result.parse.cells.values()) {
      if (cell.raw === '') {
        expect(cell.end).toBe(cell.start);
      } else {
        expect(result.decodedText.slice(cell.start, cell.end)).toBe(cell.raw);
      }
      expect(cell.method).toBe('table');
      expect(cell.layout).toBe('tab-row');
      expect(cell.labelScore).toBeGreaterThan(0.9);
    }
  });

  it('reads the blank 行政复议 cells as null with raw "" and the 诉讼 cells as 0', () => {
    const upheld = result.parse.cells.get('reconsideration.upheld')!;
    expect(upheld).toMatchObject({ value: null, raw: '' });
    expect(upheld.notes.join(' ')).toContain('blank');
    expect(result.parse.cells.get('litigationDirect.total')).toMatchObject({ value: 0, raw: '0' });
  });

  it('reads signed 本年增/减 and the amount with its unit', () => {
    expect(result.parse.cells.get('disclosure.licensing.change')).toMatchObject({ value: 5, raw: '+5' });
    expect(result.parse.cells.get('disclosure.otherServices.change')).toMatchObject({ value: -3, raw: '-3' });
    expect(result.parse.cells.get('disclosure.procurement.amount')).toMatchObject({ value: 9114.72 });
  });

  it('returns the three sections resolved, with their spans in the decoded text', () => {
    expect(result.parse.sections.map((section) => [section.id, section.resolved])).toEqual([
      ['gov-2019/二', true],
      ['gov-2019/三', true],
      ['gov-2019/四', true],
    ]);
    const [two, three, four] = result.parse.sections;
    expect(result.decodedText.slice(two!.start, two!.end)).toMatch(/^第二十条第（一）项/u);
    expect(result.decodedText.slice(three!.start, three!.end)).toMatch(/^\(本列数据的勾稽关系/u);
    expect(result.decodedText.slice(four!.start, four!.end)).toMatch(/^四、政府信息公开行政复议/u);
    expect(three!.fieldIds).toHaveLength(161);
  });
});

/** Section 四 printed with every group's total the sum of its parts. */
const consistentAppeals: Record<string, string> = Object.fromEntries(
  appealFields.map((fieldId, index) => [fieldId, String([3, 1, 0, 2, 6, 0, 0, 0, 0, 0, 4, 0, 1, 0, 5][index]!)]),
);

describe('parseGridTables on synthetic forms in every separated layout', () => {
  const layouts: SyntheticLayout[] = ['tab', 'pipe', 'space', 'cell-per-line', 'html'];
  for (const template of [gov2019, gov2021]) {
    for (const layout of layouts) {
      it(`${template.id}, ${layout}: every field read, all sections resolved`, () => {
        // Section 四's groups add up: one that does not, counted one value per line, holds every group (solveSection).
        const printed = { ...sampleCells(template), ...consistentAppeals };
        const result = parse(renderSyntheticForm(template, printed, { layout }), template);
        expect(mismatches(result, printed)).toEqual([]);
        expect(result.sections.every((section) => section.resolved)).toBe(true);
        const expectedLayout = { tab: 'tab-row', pipe: 'pipe-row', space: 'space-row', 'cell-per-line': 'cell-per-line', html: 'html' }[layout];
        expect([...new Set([...result.cells.values()].map((cell) => cell.layout))]).toEqual([expectedLayout]);
      });
    }
    for (const layout of ['tab', 'pipe', 'cell-per-line', 'html'] as const) {
      it(`${template.id}, ${layout}: blank cells read as null (raw ""), never as 0`, () => {
        const printed = withBlanks(template, layout);
        const result = parse(renderSyntheticForm(template, printed, { layout }), template);
        expect(mismatches(result, printed)).toEqual([]);
        const blank = result.cells.get('applications.notProcessedDuplicate.total')!;
        expect(blank).toMatchObject({ value: null, raw: '' });
        expect(blank.end).toBe(blank.start);
      });
    }
  }

  it('reads the 元 amount as 万元 and signed changes, with the repair written out', () => {
    const printed = sampleCells(gov2019);
    const result = parse(renderSyntheticForm(gov2019, printed, { layout: 'pipe' }), gov2019);
    const amount = result.cells.get('disclosure.procurement.amount')!;
    expect(amount).toMatchObject({ value: 25.1, raw: '251000元' });
    expect(amount.repairs.join(' ')).toContain('25.1');
    expect(result.cells.get('disclosure.licensing.change')!.value).toBeLessThan(0);
    expect(result.cells.get('disclosure.otherServices.change')!.value).toBeGreaterThan(0);
  });

  it('holds an amount printed without a unit, which leaves its section unresolved but every place in it certain', () => {
    for (const layout of ['pipe', 'cell-per-line', 'tab'] as const) {
      const printed = { ...sampleCells(gov2019), 'disclosure.procurement.amount': '3254.9942' };
      const result = parse(renderSyntheticForm(gov2019, printed, { layout }), gov2019);
      expect(result.cells.get('disclosure.procurement.amount')).toMatchObject({ ambiguous: true, unitInDoubt: true });
      expect(result.sections.find((section) => section.id === 'gov-2019/二')).toMatchObject({ resolved: false, placesResolved: true });
      expect(result.sections.find((section) => section.id === 'gov-2019/三')).toMatchObject({ resolved: true, placesResolved: true });
    }
  });

  it('places cells under the header columns when the header prints 社会组织 (HTML with rowspan/colspan)', () => {
    const printed = withBlanks(gov2019, 'html');
    const text = renderSyntheticForm(gov2019, printed, { layout: 'html', publicInterestHeader: '社会组织' });
    const result = parse(text, gov2019);
    expect(mismatches(result, printed)).toEqual([]);
    expect(result.cells.get('applications.granted.commercial')!.notes).toContain('cells placed under the header columns');
  });

  it('reads HTML and tab forms through the renderer and normaliser (full-width digits, 社会组织)', () => {
    const printed = withBlanks(gov2021, 'html');
    const html = `<html><body><p>某某局2021年政府信息公开工作年度报告</p>${renderSyntheticForm(gov2021, printed, { layout: 'html', publicInterestHeader: '社会组织' })}</body></html>`;
    const fromHtml = extractDocument({ name: 'synthetic.html', bytes: new TextEncoder().encode(html) });
    expect(fromHtml.template?.id).toBe('gov-2021');
    expect(mismatches(fromHtml.parse, printed)).toEqual([]);

    const tab = renderSyntheticForm(gov2021, sampleCells(gov2021), { layout: 'tab' }).replace(/[0-9]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
    const fromTab = extractDocument({ name: 'synthetic-fullwidth.txt', bytes: new TextEncoder().encode(tab) });
    expect(mismatches(fromTab.parse, sampleCells(gov2021))).toEqual([]);
  });

  it('reads abbreviated and wrapped row labels by meaning', () => {
    const printed = sampleCells(gov2021);
    const rowLabels = {
      newReceived: '本年新收',
      partiallyGranted: '(二)部分公开',
      deniedSafetyStability: '3.危及三安全一稳定',
      otherOverdueFee: '2.申请人逾期未按收费通知要求',
      carriedForward: '结转下年度',
      normativeDocs: '规范性文件',
    };
    const result = parse(renderSyntheticForm(gov2021, printed, { layout: 'tab', rowLabels }), gov2021);
    expect(mismatches(result, printed)).toEqual([]);
  });

  it('joins a row label wrapped onto the next row (the first line printed with blank cells)', () => {
    const printed = sampleCells(gov2019);
    const text = renderSyntheticForm(gov2019, printed, { layout: 'tab' }).replace(
      /（二）部分公开（区分处理的，只计这一情形，不计其他情形）/u,
      '(二) 部分公开(区分处理的, 只计这一情形,\t\t\t\t\t\t\t\n\t不计其他情形)',
    );
    const result = parse(text, gov2019);
    expect(mismatches(result, printed)).toEqual([]);
  });

  it('joins a blank row\'s label begun on the label-only line above (the second line printed with blank cells)', () => {
    const printed = sampleCells(gov2019);
    for (const column of ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']) {
      printed[`applications.partiallyGranted.${column}`] = '';
    }
    const text = renderSyntheticForm(gov2019, printed, { layout: 'tab' }).replace(
      /（二）部分公开（区分处理的，只计这一情形，不计其他情形）/u,
      '（二）部分公开（\n\t区分处理的，只计这一情形，不计其他情形）',
    );
    const result = parse(text, gov2019);
    expect(mismatches(result, printed)).toEqual([]);
    expect(result.cells.get('applications.partiallyGranted.total')).toMatchObject({ value: null, raw: '' });
  });

  it('reads a lone OCR "I" in a row of numbers as 1, with the repair noted', () => {
    const printed = sampleCells(gov2019);
    printed['applications.newReceived.commercial'] = '1';
    const text = renderSyntheticForm(gov2019, printed, { layout: 'tab' }).replace(/(一、本年新收政府信息公开申请数量\t\d+\t)1\t/u, '$1I\t');
    const cell = parse(text, gov2019).cells.get('applications.newReceived.commercial')!;
    expect(cell).toMatchObject({ value: 1, raw: 'I' });
    expect(cell.repairs.join(' ')).toContain("'I' read as 1");
  });

  it('reads the 15-cell 行政复议/行政诉讼 row flattened on one line with spaced header labels', () => {
    const text = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议 行政诉讼', '结 果 维 持 结 果 纠 正 其 他 结 果 尚 未 审 结 总 计', '1 2 0 0 3 0 0 0 1 1 2 0 0 0 2', '五、存在的主要问题及改进情况', ''].join('\n');
    const result = parse(text, gov2019);
    expect(result.cells.get('reconsideration.total')).toMatchObject({ value: 3, layout: 'space-row' });
    expect(result.cells.get('litigationDirect.pending')!.value).toBe(1);
    expect(result.cells.get('litigationAfterReconsideration.total')!.value).toBe(2);
    expect(result.sections.find((section) => section.id === 'gov-2019/四')!.resolved).toBe(true);
  });

  it('reads section 四 printed as three mini-tables of five under their group headings', () => {
    const text = [
      '## 四、政府信息公开行政复议、行政诉讼情况', '### 行政复议', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '|---|---|---|---|---|', '| 27 | 10 | 9 | 15 | 61 |',
      '### 行政诉讼（复议后起诉）', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '|---|---|---|---|---|', '| 8 | 0 | 1 | 1 | 10 |',
      '### 行政诉讼（未经复议直接起诉）', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '|---|---|---|---|---|', '| 3 | 0 | 0 | 0 | 3 |',
      '## 五、存在的主要问题', '',
    ].join('\n');
    const result = parse(text, gov2021);
    expect(result.cells.get('reconsideration.total')!.value).toBe(61);
    expect(result.cells.get('litigationDirect.total')!.value).toBe(3);
    expect(result.cells.get('litigationAfterReconsideration.total')!.value).toBe(10);
  });

  it('reads blank rows in one-cell-per-line text from the longer line-break runs', () => {
    const printed = sampleCells(gov2019);
    for (const column of ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']) {
      printed[`applications.deniedStateSecret.${column}`] = '';
      printed[`applications.otherHandling.${column}`] = '';
    }
    for (const fieldId of ['reconsideration.upheld', 'reconsideration.corrected', 'reconsideration.other', 'reconsideration.pending']) printed[fieldId] = '';
    const text = renderSyntheticForm(gov2019, printed, { layout: 'cell-per-line' });
    expect(text).toContain('\r'.repeat(26));
    const result = parse(text, gov2019);
    expect(mismatches(result, printed)).toEqual([]);
    expect(result.cells.get('applications.otherHandling.total')!.notes.join(' ')).toContain('line-break run');
  });
});

describe('parseGridTables never guesses', () => {
  it('leaves a row with six cells where seven are due unread, and the section unresolved', () => {
    const printed = sampleCells(gov2021);
    const text = renderSyntheticForm(gov2021, printed, { layout: 'pipe' }).replace(/(\| 2\.重复申请(?: \| \d+){6}) \| \d+ \|/u, '$1 |');
    const result = parse(text, gov2021);
    // Other readers (glued, column order) may still fill the fields from the rules; the row reader must not.
    expect(result.cells.get('applications.notProcessedDuplicate.naturalPerson')?.layout).not.toBe('pipe-row');
    expect(result.cells.get('applications.notProcessedDuplicate.total')?.layout).not.toBe('pipe-row');
    expect(result.cells.get('applications.notProcessedPublication.total')!.value).toBe(Number(printed['applications.notProcessedPublication.total']));
    expect(result.sections.find((section) => section.id === 'gov-2021/三')!.resolved).toBe(false);
    expect(result.notes.join('\n')).toContain('notProcessedDuplicate');
  });

  it('does not read a row whose blank padding could stand at either end (no header to place it)', () => {
    const text = ['第二十条第（一）项', '规章\t\t5\t5\t', '行政规范性文件\t1\t2\t3', '三、收到和处理政府信息公开申请情况', ''].join('\n');
    const result = parse(text, gov2021);
    expect(result.cells.get('disclosure.rules.issued')?.layout).not.toBe('tab-row');
    expect(result.notes.join('\n')).toContain('blank cells could belong to either end');
    expect(result.cells.get('disclosure.normativeDocs.inForce')!.value).toBe(3);
  });

  it('places the same padded row under its header columns when the header row is printed', () => {
    const text = ['第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t\t5\t5\t', '三、收到和处理政府信息公开申请情况', ''].join('\n');
    const result = parse(text, gov2021);
    expect(result.cells.get('disclosure.rules.issued')).toMatchObject({ value: null, raw: '', layout: 'tab-row' });
    expect(result.cells.get('disclosure.rules.inForce')!.value).toBe(5);
  });

  it('does not read prose in the table region, nor a label block printed before its values', () => {
    const text = [
      '第二十条第（一）项', '全年制发规章 3 件，废止 1 件', '信息内容', '本年制发件数', '规章', '行政规范性文件', '0', '0', '0', '5', '0', '5',
      '第二十条第（五）项', '行政许可', '550', '三、收到和处理政府信息公开申请情况', '',
    ].join('\n');
    const result = parse(text, gov2021);
    const rowBased = [...result.cells.values()].filter((cell) => cell.layout === 'cell-per-line' || cell.layout === 'space-row');
    expect(rowBased.map((cell) => cell.fieldId)).toEqual(['disclosure.licensing.decisions']);
    expect(result.cells.get('disclosure.licensing.decisions')).toMatchObject({ value: 550, layout: 'cell-per-line' });
    expect(result.notes.join('\n')).toContain('stand in a block before the values');
  });

  it('marks a field ambiguous when two rows read as it print different values', () => {
    const text = ['第二十条第（五）项', '信息内容\t本年处理决定数量', '行政许可\t12', '行政许可\t21', '三、收到和处理政府信息公开申请情况', ''].join('\n');
    const cell = parse(text, gov2021).cells.get('disclosure.licensing.decisions')!;
    expect(cell.ambiguous).toBe(true);
  });

  it('does not trust the last cell of a text that stops mid-row', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |', '一、本年新收政府信息公开申请数量 | 58 | 7 | 0 | 0 | 1 | 0 | 66 |', '二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 6'].join('\n');
    const result = parse(text, gov2021);
    expect(result.cells.get('applications.newReceived.total')!.value).toBe(66);
    expect(result.cells.get('applications.carriedOver.naturalPerson')?.layout).not.toBe('pipe-row');
  });

  it('limitation: a blank last cell before a section heading in one-cell-per-line text is left unread', () => {
    const printed = sampleCells(gov2019);
    printed['applications.carriedForward.total'] = '';
    const result = parse(renderSyntheticForm(gov2019, printed, { layout: 'cell-per-line' }), gov2019);
    expect(result.cells.get('applications.carriedForward.total')?.layout).not.toBe('cell-per-line');
    expect(result.cells.get('applications.resultTotal.total')!.value).toBe(Number(printed['applications.resultTotal.total']));
  });
});

describe('parseGridTables: a row printing every cell blank', () => {
  it('is complete: the next row, its label misread by OCR, is not read as its continuation', () => {
    const blanks = ' |  |  |  |  |  |  |';
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
      '|---|---|---|---|---|---|---|---|',
      `| （五）不予处理 | 1.信访举报投诉类申请 |${blanks}`,
      '| 2.重复由请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      `| 3.要求提供公开出版物 |${blanks}`,
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');
    const result = parse(text, gov2019);
    // The blank row stays blank; "重复由请" is not 信访举报投诉类申请's second line.
    expect(result.cells.get('applications.notProcessedComplaint.total')?.value ?? null).toBeNull();
    expect(result.cells.get('applications.notProcessedComplaint.naturalPerson')?.value ?? null).toBeNull();
  });
});

describe('parseGridTables: the number stream against the rows', () => {
  it("stands where the rows' reading breaks a rule once the cells it left in doubt take the stream's values", () => {
    // A Chromium print in reading order (test/fixtures/prints-found): a row's values drawn before its label are
    // read by the rows into the row above; the stream, every number in printed order, reads both rows right.
    const name = 'prints-found/fresh-print97535-0067_s03_2021_pdftotext-raw';
    const gold = JSON.parse(fixture(`${name}.json`).toString('utf8')) as { fields: Record<string, number | null> };
    const result = extractDocument({ name: `${name}.txt`, bytes: new Uint8Array(fixture(`${name}.txt`)) });
    const section = result.parse.sections.find((candidate) => candidate.id === 'gov-2021/三')!;
    expect(section.resolved).toBe(true);
    const misread = Object.entries(gold.fields).filter(([fieldId, value]) => {
      const cell = result.parse.cells.get(fieldId);
      return cell === undefined || cell.ambiguous || cell.value !== value;
    });
    expect(misread).toEqual([]);
  });
});

describe('parseGridTables: numbers a narrow cell wrapped over two lines, in a PDF\'s reading order', () => {
  it.each([
    ['prints-found/fresh-print97535-0126_s62_2021_pdftotext-raw', 'gov-2021/三', 5],
    ['prints-found/fresh-print97535-0032_wild03_2019_pdftotext-raw', 'gov-2019/三', 4],
  ])('reads %s with each wrapped number whole', (name, sectionId, wrapped) => {
    const gold = JSON.parse(fixture(`${name}.json`).toString('utf8')) as { fields: Record<string, number | null> };
    const result = extractDocument({ name: `${name}.txt`, bytes: new Uint8Array(fixture(`${name}.txt`)) });
    const section = result.parse.sections.find((candidate) => candidate.id === sectionId)!;
    expect(section.resolved).toBe(true);
    const misread = section.fieldIds.filter((fieldId) => {
      const cell = result.parse.cells.get(fieldId);
      return cell === undefined || cell.ambiguous || cell.value !== gold.fields[fieldId];
    });
    expect(misread).toEqual([]);
    // The joined numbers span the line break (the scoring measures them apart as stacked digits).
    const joined = section.fieldIds.filter((fieldId) => {
      const cell = result.parse.cells.get(fieldId)!;
      return result.decodedText.slice(cell.start, cell.end).includes('\n');
    });
    expect(joined).toHaveLength(wrapped);
  });
});

describe('parseGridTables: labels wrapped inside piped cells with no rule between the rows', () => {
  it('reads no blank as certain on a label\'s piece whose values stand on the line beside it', () => {
    // "（七）" over "总计": the piece 总计 matches the row alone, its cells empty; the values stand beside it.
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
      '| 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| （七） | 163 | 0 | 0 | 0 | 0 | 33 | 196 |',
      '| 总计 |  |  |  |  |  |  |  |',
      '| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');
    const cells = parse(text, gov2021).cells;
    for (const column of ['naturalPerson', 'otherOrg', 'total']) {
      const cell = cells.get(`applications.resultTotal.${column}`);
      expect(cell === undefined || cell.ambiguous, column).toBe(true);
    }
  });
});
