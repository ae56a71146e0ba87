import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../eval/garble/random.ts';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import { gov2021 } from '../../templates/gov2021.ts';
import { renderSyntheticForm, sampleCells } from './testing/renderSyntheticForm.ts';

const PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
/** Section 四's header as a PDF prints it one cell per line (the order of the gov-2021 form). */
const HEADER = ['行政复议', '行政诉讼', '', ...PARTS, '未经复议直接起诉', '复议后起诉', '', ...PARTS, ...PARTS, ''];
const FIELD_IDS = gov2021.tables.flatMap((table) => table.rows.flatMap((row) => row.cells)).filter((cell): cell is string => cell !== null && /^(reconsideration|litigation)/u.test(cell));

/** Random 15 cells of 四: each group blank, all zero, or a few cases (its total their sum), single cells blanked. */
function randomAppeals(random: Random): string[] {
  const cells: string[] = [];
  for (let group = 0; group < 3; group++) {
    const shape = random();
    if (shape < 0.3) {
      cells.push('', '', '', '', '');
      continue;
    }
    const parts = Array.from({ length: 4 }, () => (shape < 0.5 ? 0 : Math.floor(random() * 4)));
    const printed: string[] = parts.map((part) => (random() < 0.3 ? '' : String(part)));
    printed.push(random() < 0.15 ? '' : String(parts.reduce((sum, part) => sum + part, 0)));
    cells.push(...printed);
  }
  return cells;
}

/** A gov-2021 report whose 四 prints its cells one per line, a blank cell as an empty line. */
function documentWith(appeals: readonly string[], lineEnding: string): string {
  const form = renderSyntheticForm(gov2021, sampleCells(gov2021), { layout: 'cell-per-line' });
  const start = form.indexOf('四、政府信息公开行政复议、行政诉讼情况');
  const four = ['四、政府信息公开行政复议、行政诉讼情况', '', ...HEADER, ...appeals, '', '', '五、存在的主要问题及改进情况', '', '本年度无。'].join('\n');
  return `${form.slice(0, start)}${four}\n`.replace(/\n/gu, lineEnding);
}

/** Mixed endings: LF lines, the empty lines among the values printed as a run of bare CRs. */
function withCrRuns(text: string): string {
  return text.replace(/\n(\n+)(?=\S)/gu, (_, run: string) => `\n${'\r'.repeat(run.length)}`);
}

function wrongAutos(text: string, truth: readonly string[]): string[] {
  const { record } = extractDocument({ name: 'four.txt', bytes: new TextEncoder().encode(text) });
  const byId = new Map(record.fields.map((field) => [field.id, field]));
  return FIELD_IDS.flatMap((fieldId, column) => {
    const field = byId.get(fieldId);
    const expected = truth[column] === '' ? null : Number(truth[column]);
    // A printed blank whose printed total proves it 0 (rules.md) reads as 0, method inferred, raw kept blank.
    // So is any blank of a group whose printed total is 0: its value is 0 whichever 0 of the group was quoted for it.
    const provenBlank = expected === null && field?.value === 0 && ((field.method === 'inferred' && field.raw === '') || truth[column - (column % 5) + 4] === '0');
    return field?.status === 'auto' && field.value !== expected && !provenBlank ? [`${fieldId}: auto ${String(field.value)}, printed "${truth[column]}"`] : [];
  });
}

describe('readAppealsSection: 四 printed one cell per line', () => {
  it('reads the first run of values into 行政复议 when the empty lines count the 15 cells', () => {
    const appeals = ['1', '1', '1', '2', '5', '', '', '', '', '0', '', '', '', '', '0'];
    const { record } = extractDocument({ name: 'four.txt', bytes: new TextEncoder().encode(documentWith(appeals, '\n')) });
    const values = FIELD_IDS.map((fieldId) => record.fields.find((field) => field.id === fieldId)?.value ?? null);
    expect(values.slice(0, 5)).toEqual([1, 1, 1, 2, 5]);
    expect(values[9]).toBe(0);
    expect(values[14]).toBe(0);
    expect(wrongAutos(documentWith(appeals, '\n'), appeals)).toEqual([]);
  });

  for (const [name, encode] of [
    ['LF', (text: string) => text],
    ['bare CR', (text: string) => text.replace(/\n/gu, '\r')],
    ['CR runs among LF', withCrRuns],
  ] as const) {
    it(`never commits a wrong auto value over random values and blanks (${name}, seeded)`, () => {
      const random = createRandom(4242);
      const failures: string[] = [];
      for (let trial = 0; trial < 40; trial++) {
        const appeals = randomAppeals(random);
        const wrong = wrongAutos(encode(documentWith(appeals, '\n')), appeals);
        if (wrong.length > 0) failures.push(`[${appeals.join(',')}] ${wrong.join('; ')}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

/** A gov-2021 report whose 四 prints a header naming 行政复议 and 行政诉讼, then its 15 cells as one tab row. */
function tabRowDocument(lines: readonly string[], terminator = ''): string {
  const form = renderSyntheticForm(gov2021, sampleCells(gov2021), { layout: 'tab' });
  const start = form.indexOf('四、政府信息公开行政复议、行政诉讼情况');
  const header = ['行政复议\t\t\t\t\t行政诉讼', PARTS.join('\t'), `\t${PARTS.join('\t')}`, `\t${PARTS.join('\t')}`].map((line) => `${line}${terminator}`);
  return `${form.slice(0, start)}${['四、政府信息公开行政复议、行政诉讼情况', ...header, ...lines, '', '五、存在的主要问题及改进情况', '本年度无。'].join('\n')}\n`;
}

/** A line hard-wrapped at `width` characters, breaking before a tab where it can: the tab opens the next line. */
function hardWrap(line: string, width: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const tab = rest.lastIndexOf('\t', width);
    const cut = tab > 0 ? tab : width;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...out, rest];
}

describe('readAppealsSection: 四 as a tab row hard-wrapped', () => {
  it('reads ten cells and the wrap\'s rest (its tab opening the line) as the row of fifteen', () => {
    const appeals = ['', '', '', '', '', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'];
    const lines = ['\t\t\t\t\t0\t0\t0\t0\t0', '\t0\t0\t0\t0\t0'];
    const { record } = extractDocument({ name: 'four.txt', bytes: new TextEncoder().encode(tabRowDocument(lines)) });
    const values = FIELD_IDS.map((fieldId) => record.fields.find((field) => field.id === fieldId)?.value ?? null);
    expect(values.slice(5)).toEqual(Array.from({ length: 10 }, () => 0));
    expect(wrongAutos(tabRowDocument(lines), appeals)).toEqual([]);
  });

  it('never commits a wrong auto value over random values wrapped at random widths (seeded)', () => {
    const random = createRandom(6161);
    const failures: string[] = [];
    for (let trial = 0; trial < 60; trial++) {
      const appeals = randomAppeals(random);
      const width = 6 + Math.floor(random() * 20);
      const text = tabRowDocument(hardWrap(appeals.join('\t'), width));
      const wrong = wrongAutos(text, appeals);
      if (wrong.length > 0) failures.push(`width ${width} [${appeals.join(',')}] ${wrong.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('readAppealsSection: 四 as a row of closing tabs under a header that does not close with them', () => {
  it('never commits a wrong auto value when a break cuts the row anywhere (seeded)', () => {
    // "\t⏎\t\t\t\t0\t0…0\t" for five blanks then ten 0s: fifteen pieces with the last, empty one after the closing
    // tab, read _ _ _ _ 0 | 0 … (measureIndependentBreaks seed 383, tab-broken).
    const random = createRandom(383);
    const failures: string[] = [];
    for (let trial = 0; trial < 200; trial++) {
      const appeals = randomAppeals(random);
      const row = appeals.map((cell) => `${cell}\t`).join('');
      const at = 1 + Math.floor(random() * (row.length - 2));
      const text = tabRowDocument([row.slice(0, at), row.slice(at)]);
      const wrong = wrongAutos(text, appeals);
      if (wrong.length > 0) failures.push(`cut at ${at} [${appeals.join(',')}] ${wrong.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('readAppealsSection: 四 as tab rows that all end in a tab', () => {
  it('never counts the terminator as a cell of a row a break cut short (seeded)', () => {
    // The row "\t" + 15 cells + "\t" cut at one of its tabs, the tab lost to the line break ("\t" / "\t\t0\t0…\t"):
    // the second line's 14 cells and its terminator made 15 (measureIndependentBreaks seed 189, tab-broken).
    const random = createRandom(189);
    const failures: string[] = [];
    for (let trial = 0; trial < 80; trial++) {
      const appeals = randomAppeals(random);
      const row = `\t${appeals.join('\t')}\t`;
      const tabs = [...row.matchAll(/\t/gu)].map((match) => match.index).slice(1, -1);
      const cut = tabs[Math.floor(random() * tabs.length)]!;
      const text = tabRowDocument([row.slice(0, cut), row.slice(cut + 1)], '\t');
      const wrong = wrongAutos(text, appeals);
      if (wrong.length > 0) failures.push(`cut at ${cut} [${appeals.join(',')}] ${wrong.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('still reads the whole row', () => {
    const appeals = ['', '', '', '0', '0', '', '', '', '0', '0', '0', '0', '', '0', '0'];
    const text = tabRowDocument([`\t${appeals.join('\t')}\t`], '\t');
    expect(wrongAutos(text, appeals)).toEqual([]);
  });
});
