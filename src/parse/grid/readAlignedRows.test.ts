import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../normalise/normaliseText.ts';
import { gov2021 } from '../../templates/gov2021.ts';
import { MappedText } from '../../text/MappedText.ts';
import type { ParseResult } from '../ParseResult.ts';
import { zoneOf, zonesFromHeaders } from './ColumnZones.ts';
import { DisplayColumns } from './displayColumn.ts';
import { parseGridTables } from './parseGridTables.ts';

/** Monospace display width, CJK two columns (as pdftotext -layout lays a page out). */
function width(text: string): number {
  let total = 0;
  for (const character of text) total += character.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return total;
}

/** A line with each piece written at its display column. */
function line(...pieces: [number, string][]): string {
  let result = '';
  for (const [x, text] of pieces) {
    const at = width(result);
    if (at > x) throw new Error(`"${text}" at ${x} overlaps "${result}"`);
    result += ' '.repeat(x - at) + text;
  }
  return result;
}

// Section 三's columns: header cells centred, numbers right-aligned at the header's right edge.
const HEADERS: [number, string][] = [[60, '商业企业'], [72, '科研机构'], [84, '社会公益组织'], [100, '法律服务机构'], [116, '其他']];
const NATURAL: [number, string] = [40, '自然人'];
const TOTAL: [number, string] = [126, '总计'];
/** The right edge of each of the seven columns, in form order. */
const RIGHT = [NATURAL, ...HEADERS, TOTAL].map(([x, text]) => x + width(text));

/** A row of 三: label at 0, the numbers right-aligned under their columns; null leaves the cell blank. */
function row(label: string, values: readonly (string | null)[], shift: readonly number[] = []): string {
  const pieces: [number, string][] = [[0, label]];
  values.forEach((value, column) => {
    if (value !== null) pieces.push([RIGHT[column]! - width(value) + (shift[column] ?? 0), value]);
  });
  return line(...pieces);
}

function sectionThree(rows: readonly string[]): string {
  return [
    '三、收到和处理政府信息公开申请情况',
    line([0, '（本列数据的勾稽关系为：第一项加第二项'], [80, '申请人情况']),
    line([0, '之和，等于第三项加第四项之和）'], NATURAL, [82, '法人或其他组织'], TOTAL),
    line(...HEADERS),
    ...rows,
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
  ].join('\n');
}

function parse(text: string): ParseResult {
  const view = normaliseText(MappedText.identity(text));
  return parseGridTables(view, gov2021, text);
}

function cell(result: ParseResult, fieldId: string) {
  const reading = result.cells.get(fieldId);
  return reading ? { value: reading.value, raw: reading.raw, layout: reading.layout } : undefined;
}

describe('column zones', () => {
  it('puts boundaries midway between headers and takes only numbers clearly inside one zone', () => {
    const zones = zonesFromHeaders([{ x: 10, xEnd: 16 }, { x: 20, xEnd: 28 }, { x: 32, xEnd: 36 }])!;
    expect(zones.starts).toEqual([8, 18, 30]);
    expect(zones.ends).toEqual([18, 30, 38]);
    expect(zoneOf({ x: 15, xEnd: 16 }, zones)).toBe(0);
    expect(zoneOf({ x: 26, xEnd: 28 }, zones)).toBe(1);
    expect(zoneOf({ x: 17, xEnd: 19 }, zones)).toBeUndefined(); // straddles the boundary at 18
    expect(zoneOf({ x: 17, xEnd: 18 }, zones)).toBeUndefined(); // touches it
    expect(zoneOf({ x: 40, xEnd: 41 }, zones)).toBeUndefined(); // right of every column
  });

  it('gives no zones when a header is missing or headers overlap', () => {
    expect(zonesFromHeaders([{ x: 10, xEnd: 16 }, undefined])).toBeUndefined();
    expect(zonesFromHeaders([{ x: 10, xEnd: 16 }, { x: 14, xEnd: 20 }])).toBeUndefined();
  });

  it('measures CJK characters as two columns, in the decoded text when given', () => {
    const decoded = '（一）  12';
    const view = normaliseText(MappedText.identity(decoded));
    expect(view.text.startsWith('(一)')).toBe(true);
    const at = view.text.indexOf('12');
    expect(new DisplayColumns(view, decoded).extent(at, at + 2)).toEqual({ x: 8, xEnd: 10 });
    expect(new DisplayColumns(view).extent(at, at + 2)).toEqual({ x: 6, xEnd: 8 });
  });
});

describe('aligned rows (pdftotext -layout)', () => {
  it('reads blank cells as null by the position of the numbers under the header columns', () => {
    const result = parse(sectionThree([
      row('一、本年新收政府信息公开申请数量', ['12', null, null, null, '3', null, '15']),
      row('二、上年结转政府信息公开申请数量', ['0', '0', '0', '0', '0', '0', '0']),
      row('（七）总计', ['9', null, '1', null, null, null, '10']),
    ]));
    expect(cell(result, 'applications.newReceived.naturalPerson')).toEqual({ value: 12, raw: '12', layout: 'aligned-row' });
    expect(cell(result, 'applications.newReceived.commercial')).toEqual({ value: null, raw: '', layout: 'aligned-row' });
    expect(cell(result, 'applications.newReceived.legalService')).toEqual({ value: 3, raw: '3', layout: 'aligned-row' });
    expect(cell(result, 'applications.newReceived.total')).toEqual({ value: 15, raw: '15', layout: 'aligned-row' });
    expect(cell(result, 'applications.resultTotal.research')).toEqual({ value: 1, raw: '1', layout: 'aligned-row' });
    expect(cell(result, 'applications.resultTotal.otherOrg')?.value).toBeNull();
    // A full row is still read in order (and its positions agree).
    expect(cell(result, 'applications.carriedOver.total')).toEqual({ value: 0, raw: '0', layout: 'space-row' });
  });

  it('reads a row whose wrapped label continues on the next line', () => {
    const result = parse(sectionThree([
      row('（二）部分公开（区分处理的，只计这一情形，不', ['2', null, null, null, null, null, '2']),
      '不计其他情形）',
      row('（三）不予公开 1.属于国家秘密', [null, null, null, null, null, '1', '1']),
    ]));
    expect(cell(result, 'applications.partiallyGranted.naturalPerson')?.value).toBe(2);
    expect(cell(result, 'applications.partiallyGranted.commercial')?.value).toBeNull();
    expect(cell(result, 'applications.deniedStateSecret.otherOrg')?.value).toBe(1);
    expect(cell(result, 'applications.deniedStateSecret.naturalPerson')?.value).toBeNull();
  });

  it('reads a label that goes on below its numbers\' line, OCR\'d, joined; the lines below are not read again', () => {
    // A top-aligned label cell taller than its row: the numbers print on its first line.
    const result = parse(sectionThree([
      row('（六）其他处理 1.由请人无正', ['0', '0', '0', '0', '1', '0', '1']),
      '               当理由逾期不补',
      '               正、行政机关不',
      '               再处理其政府信',
      '               息公开申请',
      row('2.申请人逾期未按收费通知要求缴纳费', ['0', '0', '0', '0', '0', '0', '0']),
    ]));
    expect(cell(result, 'applications.otherOverdueAmendment.legalService')?.value).toBe(1);
    expect(cell(result, 'applications.otherOverdueAmendment.total')?.value).toBe(1);
    expect(cell(result, 'applications.otherOverdueFee.total')?.value).toBe(0);
  });

  it('leaves a row unread when a number straddles two columns', () => {
    // "15" under 科研机构 pushed three columns right: it stands across the boundary with 社会公益组织.
    const result = parse(sectionThree([row('一、本年新收政府信息公开申请数量', ['12', null, '15', null, null, null, '27'], [0, 0, 3])]));
    for (const column of ['naturalPerson', 'commercial', 'research', 'publicInterest', 'total']) {
      expect(result.cells.has(`applications.newReceived.${column}`)).toBe(false);
    }
  });

  it('trusts no position in a table where a full row does not stand under the header columns', () => {
    const crowded = line([0, '二、上年结转政府信息公开申请数量'], ...['1', '0', '0', '0', '0', '0', '1'].map((value, index): [number, string] => [40 + index * 3, value]));
    const result = parse(sectionThree([row('一、本年新收政府信息公开申请数量', ['12', null, null, null, '3', null, '15']), crowded]));
    // Only the row's own sum places anything: 15 is its total; which columns hold 12 and 3 is unknown.
    for (const column of ['naturalPerson', 'commercial']) {
      const placed = result.cells.get(`applications.newReceived.${column}`);
      expect(placed === undefined || placed.ambiguous, column).toBe(true);
    }
    // The full row itself is read in order, as before.
    expect(cell(result, 'applications.carriedOver.total')).toEqual({ value: 1, raw: '1', layout: 'space-row' });
  });

  it('leaves rows with blanks unread when the header does not name every column', () => {
    const text = sectionThree([row('一、本年新收政府信息公开申请数量', ['12', null, null, null, '3', null, '15'])]).replace('法律服务机构    其他', '法律服务机构');
    expect(text).not.toMatch(/其他\n/u);
    const result = parse(text);
    expect(result.cells.has('applications.newReceived.naturalPerson')).toBe(false);
    expect(result.cells.has('applications.newReceived.total')).toBe(false);
  });

  it('reads section 四 with blank cells under its fifteen part headers', () => {
    const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const xs = Array.from({ length: 15 }, (_, index) => 4 + index * 11);
    const partLine = (from: number, to: number): [number, string][] => xs.slice(from, to).map((x, index) => [x, parts[index % 5]!]);
    const values: (string | null)[] = ['1', null, null, null, '1', null, null, null, null, '0', '2', null, '1', null, '3'];
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      line([20, '行政复议'], [100, '行政诉讼']),
      line(...partLine(0, 5), [74, '未经复议直接起诉'], [130, '复议后起诉']),
      line(...partLine(5, 15)),
      line(...values.flatMap((value, index): [number, string][] => (value === null ? [] : [[xs[index]! + width(parts[index % 5]!) - value.length, value]]))),
      '五、存在的主要问题及改进情况',
      '',
    ].join('\n');
    const result = parse(text);
    expect(cell(result, 'reconsideration.upheld')).toEqual({ value: 1, raw: '1', layout: 'aligned-row' });
    expect(cell(result, 'reconsideration.corrected')?.value).toBeNull();
    expect(cell(result, 'litigationDirect.total')?.value).toBe(0);
    expect(cell(result, 'litigationAfterReconsideration.upheld')?.value).toBe(2);
    expect(cell(result, 'litigationAfterReconsideration.other')?.value).toBe(1);
    expect(cell(result, 'litigationAfterReconsideration.total')?.value).toBe(3);
  });
});

/** A line with each piece written at its character column (pdftotext -layout's grid: a CJK character one column). */
function charLine(...pieces: [number, string][]): string {
  let result = '';
  for (const [x, text] of pieces) {
    if (result.length > x) throw new Error(`"${text}" at ${x} overlaps "${result}"`);
    result += ' '.repeat(x - result.length) + text;
  }
  return result;
}

/**
 * Section 三 as pdftotext -layout prints a narrow table: the seven column headers one or two characters a line,
 * stacked over several lines with other columns' pieces between them; the numbers under them in character columns.
 */
function stackedSectionThree(rows: readonly string[]): string {
  const xs = [24, 28, 32, 36, 40, 44, 48];
  const stacked = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const pieceLines = Array.from({ length: 3 }, (_, lineIndex) => charLine(...stacked.flatMap((label, column): [number, string][] => {
    const size = Math.ceil(label.length / 3);
    const piece = label.slice(lineIndex * size, (lineIndex + 1) * size);
    return piece === '' ? [] : [[xs[column]!, piece]];
  })));
  return [
    '三、收到和处理政府信息公开申请情况',
    charLine([30, '申请人情况']),
    ...pieceLines,
    // A blank line between rows, as pdftotext leaves between table rows drawn apart.
    ...rows.flatMap((row) => [row, '']),
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
  ].join('\n');
}

/** A row of stackedSectionThree: label at 0, each number ending at its column's second character. */
function charRow(label: string, values: readonly (string | null)[]): string {
  const xs = [24, 28, 32, 36, 40, 44, 48];
  return charLine([0, label], ...values.flatMap((value, column): [number, string][] => (value === null ? [] : [[xs[column]! + 2 - value.length, value]])));
}

describe('aligned rows in pdftotext\'s character grid', () => {
  const rows = [
    charRow('一、本年新收政府信息公开申请数量', ['12', null, null, null, '3', null, '15']),
    charRow('二、上年结转政府信息公开申请数量', ['0', '0', '0', '0', '0', '0', '0']),
    charRow('（一）予以公开', ['9', null, '1', null, null, null, '10']),
  ];

  it('joins header cells printed a few characters a line and places blank cells by position', () => {
    const result = parse(stackedSectionThree(rows));
    expect(cell(result, 'applications.newReceived.naturalPerson')).toEqual({ value: 12, raw: '12', layout: 'aligned-row' });
    expect(cell(result, 'applications.newReceived.commercial')).toEqual({ value: null, raw: '', layout: 'aligned-row' });
    expect(cell(result, 'applications.newReceived.legalService')?.value).toBe(3);
    expect(cell(result, 'applications.granted.research')?.value).toBe(1);
    expect(cell(result, 'applications.granted.total')?.value).toBe(10);
  });

  it('reads the numbers of a row printed on a line of their own between the lines of its label', () => {
    const around = [
      ['一、本年新收政府信息公开申请', charRow('', ['12', null, null, null, '3', null, '15']), '       数量'].join('\n'),
      ...rows.slice(1),
    ];
    const result = parse(stackedSectionThree(around));
    expect(cell(result, 'applications.newReceived.naturalPerson')?.value).toBe(12);
    expect(cell(result, 'applications.newReceived.commercial')?.value).toBeNull();
    expect(cell(result, 'applications.newReceived.total')?.value).toBe(15);
    expect(cell(result, 'applications.carriedOver.total')?.value).toBe(0);
  });

  it('carries header positions over a page break only to a page whose numbers stand where the header\'s page had them', () => {
    const carried = parse(stackedSectionThree([rows[0]!, rows[1]!, '\f' + rows[2]!]));
    expect(cell(carried, 'applications.granted.research')).toEqual({ value: 1, raw: '1', layout: 'aligned-row' });
    expect(cell(carried, 'applications.granted.commercial')?.value).toBeNull();
    // pdftotext lays the next page out on a grid of its own: numbers two columns off every column of the header's page.
    const closedUp = charLine([0, '（一）予以公开'], [27, '9'], [35, '1'], [51, '10']);
    const result = parse(stackedSectionThree([rows[0]!, rows[1]!, '\f' + closedUp]));
    expect(result.cells.get('applications.granted.research')?.layout).not.toBe('aligned-row');
    expect(result.cells.get('applications.granted.total')?.layout).not.toBe('aligned-row');
  });

  it('places nothing by position where a header or the numbers stand one space after other text (pushed there)', () => {
    const pushedHeader = stackedSectionThree(rows).replace(/^( *)自/mu, (_, spaces: string) => `${'第四项之'.padEnd(spaces.length - 1, '和')} 自`);
    expect(pushedHeader).toMatch(/和 自/u);
    expect(parse(pushedHeader).cells.get('applications.newReceived.commercial')?.layout).not.toBe('aligned-row');
    const pushedRow = charLine([0, '一、本年新收政府信息公开申请数量和说明和说明'], [25, '12'], [50, '15']);
    const result = parse(stackedSectionThree([pushedRow, ...rows.slice(1)]));
    expect(result.cells.get('applications.newReceived.naturalPerson')?.layout).not.toBe('aligned-row');
  });
});
