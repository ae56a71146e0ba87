import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gov2019 } from '../../../templates/gov2019.ts';
import { gov2021 } from '../../../templates/gov2021.ts';
import { applicantColumns, applicationRows } from '../../../templates/newFormatRules.ts';
import { MappedText } from '../../../text/MappedText.ts';
import { parseColumnOrderSection } from './parseColumnOrderSection.ts';
import { readSeedGold } from '../../../../test/support/goldParse.ts';
import { appealFields, applicationRow, read, valuesOf, wild } from '../testing/sectionCells.ts';

const fixtures = new URL('../../../../test/fixtures/', import.meta.url);
const gold002 = readSeedGold('002');

/** Row labels as a PDF prints them, wrapped over lines the way pdfminer gives them. */
const LABELS: Readonly<Record<string, string>> = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  granted: '（一）予以公开',
  partiallyGranted: '（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）',
  deniedStateSecret: '（三）不\n予公开\n1.属于国家秘密',
  deniedLawForbidden: '2.其他法律行政法规禁止公开',
  deniedSafetyStability: '3.危及“三安全一稳定”',
  deniedThirdParty: '4.保护第三方合法权益',
  deniedInternalAffairs: '5.属于三类内部事务信息',
  deniedProcessInfo: '6.属于四类过程性信息',
  deniedEnforcementFile: '7.属于行政执法案卷',
  deniedQuery: '8.属于行政查询事项',
  unableNotHeld: '（四）无\n1.本机关不掌握相关政府信息',
  unableNeedsCreation: '法提供\n2.没有现成信息需要另行制作',
  unableUnclear: '3.补正后申请内容仍不明确',
  notProcessedComplaint: '1.信访举报投诉类申请',
  notProcessedDuplicate: '2.重复申请',
  notProcessedPublication: '（五）不\n3.要求提供公开出版物\n予处理',
  notProcessedMassRepeated: '4.无正当理由大量反复 申请',
  notProcessedConfirmation: '5.要求行政机关确认或重新出\n具已获取信息',
  otherHandling: '（六）其他处理',
  resultTotal: '（七）总计',
  carriedForward: '四、结转下年度继续办理',
};

const HEADER = ['三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为：第一项加第二项之和，', '法人或其他组织', '申请人情况', '等于第三项加第四项之和）'];
const COLUMN_HEADER = ['自然人', '商 业 企', '科研机', '社 会 公 益', '法 律 服 务', '业', '构', '组织', '机构', '总计', '其他'];

/**
 * Section 三 of the 2019 form as pdfminer prints it: the labels of a page, then its numbers column by column,
 * `totalBlock` giving where the 总计 column's block comes on each page.
 */
function columnOrderApplications(values: Readonly<Record<string, number | null>>, pages: readonly (readonly string[])[], totalBlocks: readonly number[]): string {
  const lines = [...HEADER];
  pages.forEach((rows, page) => {
    lines.push(...rows.map((row) => LABELS[row]!));
    if (page === 0) lines.push('三\n、\n本\n年\n度\n办\n理\n结\n果', `- ${page + 3} -`, ...COLUMN_HEADER);
    const parts = applicantColumns.filter((column) => column !== 'total');
    const order: string[] = [...parts];
    order.splice(totalBlocks[page]!, 0, 'total');
    for (const column of order) for (const row of rows) lines.push(String(values[`applications.${row}.${column}`]));
    if (page > 0) lines.push(`- ${page + 3} -`);
  });
  return lines.join('\n\n');
}

const APPEALS_HEADER = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果\n维持', '结果\n纠正', '其他\n结果', '尚未\n审结', '总 计'];

function columnOrderAppeals(numbers: readonly number[]): string {
  return [...APPEALS_HEADER, ...numbers.map(String), '五、存在的主要问题及改进情况', '下一步，我们将继续改进。'].join('\n\n');
}

function document(...sections: string[]): MappedText {
  return MappedText.identity(['某区人民政府', '2020 年政府信息公开工作年度报告', '一、总体情况', '全年主动公开政府信息 120 条。', ...sections].join('\n\n'));
}

const rows2019 = applicationRows(['otherHandling']);
const pageOne = rows2019.slice(0, 13);
const pageTwo = rows2019.slice(13);

describe('parseColumnOrderSection on section 三 rendered in column order from the gold values of seed 002', () => {
  it('finds where 总计 was printed on each page and reads every cell, with its own number as evidence', () => {
    const text = document(columnOrderApplications(gold002.fields, [pageOne, pageTwo], [5, 6]));
    const result = parseColumnOrderSection(text, gov2019, '三')!;
    expect(result).not.toBeNull();
    for (const key of rows2019) {
      for (const fieldId of applicationRow(key)) {
        const cell = read(result, fieldId);
        expect(cell.ambiguous, fieldId).toBe(false);
        expect(cell.value, fieldId).toBe(gold002.fields[fieldId]);
        expect(text.text.slice(cell.start, cell.end), fieldId).toBe(cell.raw);
        expect(cell.layout).toBe('column-order');
      }
    }
    expect(read(result, 'applications.newReceived.legalService').notes.join(' ')).toContain('总计 printed as column 6');
    expect(result.sections[0]).toMatchObject({ id: 'gov-2019/三', resolved: true });
  });

  it('reads labels wrapped in narrow cells ("一、本年新" / "收政府信息") and zeros OCR printed as letters', () => {
    const text = columnOrderApplications(gold002.fields, [pageOne, pageTwo], [5, 6]);
    let zeros = 0;
    const garbled = text.split('\n\n').map((line) => {
      if (line === '0') return ['0', 'o', 'O'][zeros++ % 3]!;
      // Row labels wrapped every five characters, as a narrow label column prints them.
      if (Object.values(LABELS).includes(line)) return line.replace(/\n/gu, '').match(/.{1,5}/gu)!.join('\n');
      return line;
    }).join('\n\n');
    expect(garbled).toContain('\no\n');
    const result = parseColumnOrderSection(document(garbled), gov2019, '三')!;
    expect(result).not.toBeNull();
    for (const key of rows2019) {
      for (const fieldId of applicationRow(key)) expect(read(result, fieldId).value, fieldId).toBe(gold002.fields[fieldId]);
    }
  });

  it('reads a column cut by page breaks: bare page numbers and the table header repeated at the top of each page', () => {
    // One page of labels, then the numbers column by column; every 30 lines a page ends with its number and the next
    // page repeats the table's header, which also cuts a label ("（二）部分公开…") in two.
    const lines = columnOrderApplications(gold002.fields, [rows2019], [6]).split('\n\n').flatMap((line) => line.split('\n'));
    const paged: string[] = [];
    let page = 3;
    lines.forEach((line, index) => {
      paged.push(line);
      if (index > 0 && index % 30 === 0) paged.push('', String(page++), '\f' + HEADER[1]!, HEADER[2]!, HEADER[3]!, HEADER[4]!, ...COLUMN_HEADER);
    });
    const text = document(paged.join('\n'));
    expect(text.text).toMatch(/\n\d\n\f/u);
    const result = parseColumnOrderSection(text, gov2019, '三')!;
    expect(result).not.toBeNull();
    for (const key of rows2019) {
      for (const fieldId of applicationRow(key)) expect(valuesOf(result, [fieldId])[0], fieldId).toBe(gold002.fields[fieldId]);
    }
  });

  it('places rows whose labels were not found between the rows found around them when the numbers fit only so', () => {
    const text = columnOrderApplications(gold002.fields, [rows2019], [6])
      .replace(LABELS.deniedQuery!, '8.屈干彳亍政杳洵亊项')
      .replace(LABELS.unableUnclear!, '3.朴正后串清内容扔不眀确');
    const result = parseColumnOrderSection(document(text), gov2019, '三')!;
    expect(result.notes.join(' ')).toMatch(/rows deniedQuery, unableUnclear placed between the rows found around them/u);
    for (const key of rows2019) {
      for (const fieldId of applicationRow(key)) expect(valuesOf(result, [fieldId])[0], fieldId).toBe(gold002.fields[fieldId]);
    }
    expect(read(result, 'applications.deniedQuery.total').labelScore).toBe(0);
  });

  it('reads a lone "I" or "l" between a column\'s numbers as the OCR\'d 1 it stands for', () => {
    let ones = 0;
    const text = columnOrderApplications(gold002.fields, [rows2019], [6]).split('\n\n')
      .map((line) => (line === '1' ? ['I', 'l'][ones++ % 2]! : line)).join('\n\n');
    expect(ones).toBeGreaterThan(1);
    const result = parseColumnOrderSection(document(text), gov2019, '三')!;
    for (const key of rows2019) {
      for (const fieldId of applicationRow(key)) expect(valuesOf(result, [fieldId])[0], fieldId).toBe(gold002.fields[fieldId]);
    }
  });

  it('leaves cells ambiguous when two placements of 总计 satisfy every rule', () => {
    // Only the 自然人 column has numbers: 总计 printed first or sixth cannot be told apart on a single page.
    const values: Record<string, number> = {};
    for (const key of rows2019) for (const column of applicantColumns) values[`applications.${key}.${column}`] = 0;
    for (const key of ['newReceived', 'granted', 'resultTotal']) {
      values[`applications.${key}.naturalPerson`] = 5;
      values[`applications.${key}.total`] = 5;
    }
    const text = document(columnOrderApplications(values, [rows2019], [5]));
    const result = parseColumnOrderSection(text, gov2019, '三')!;
    expect(read(result, 'applications.newReceived.naturalPerson')).toMatchObject({ value: null, ambiguous: true });
    expect(read(result, 'applications.newReceived.legalService')).toMatchObject({ value: null, ambiguous: true });
    expect(read(result, 'applications.newReceived.total')).toMatchObject({ value: 5, ambiguous: false });
    expect(read(result, 'applications.newReceived.commercial')).toMatchObject({ value: 0, ambiguous: false });
    expect(read(result, 'applications.granted.naturalPerson').notes.join(' ')).toMatch(/could be/u);
    expect(result.sections[0]!.resolved).toBe(false);
  });

  it('reads a block one printed total of which does not add up by the one reading that holds every other row sum', () => {
    // The report's own slip: 予以公开's 总计 one more than its parts.
    const slipped = 'applications.granted.total';
    const values: Record<string, number | null> = { ...gold002.fields, [slipped]: (gold002.fields[slipped] ?? 0) + 1 };
    const text = document(columnOrderApplications(values, [rows2019], [6]));
    const result = parseColumnOrderSection(text, gov2019, '三')!;
    expect(result.notes.join(' ')).toMatch(/printed inconsistency: .*fails only the sums of granted/u);
    for (const key of rows2019) {
      for (const fieldId of applicationRow(key)) {
        const cell = read(result, fieldId);
        expect(cell.value, fieldId).toBe(values[fieldId]);
        expect(cell.support, fieldId).toMatchObject({ placement: 'position', bestFit: true });
      }
    }
    expect(result.sections[0]!.resolved).toBe(false);
  });

  it('reads no block by its best fit when other readings fit it about as well', () => {
    // Only two rows print anything: every reading holds the rows of zeros, and a slip leaves nothing to tell by.
    const values: Record<string, number> = {};
    for (const key of rows2019) for (const column of applicantColumns) values[`applications.${key}.${column}`] = 0;
    values['applications.newReceived.naturalPerson'] = 5;
    values['applications.newReceived.total'] = 6;
    values['applications.granted.naturalPerson'] = 3;
    values['applications.granted.total'] = 3;
    const result = parseColumnOrderSection(document(columnOrderApplications(values, [rows2019], [6])), gov2019, '三')!;
    expect(result.notes.join(' ')).not.toContain('printed inconsistency');
    expect([...result.cells.values()].every((cell) => cell.support?.bestFit !== true)).toBe(true);
  });

  it('reads what the readings that fit a slipped block equally well agree on, and leaves the rest ambiguous', () => {
    // Only the 自然人 column prints numbers, as in many small agencies' reports: 总计 printed last or in 其他's place
    // cannot be told apart, and both fail only the slipped row's sum.
    const values: Record<string, number> = {};
    for (const key of rows2019) for (const column of applicantColumns) values[`applications.${key}.${column}`] = 0;
    for (const [key, value] of [['newReceived', 57], ['granted', 17], ['unableNotHeld', 6], ['notProcessedDuplicate', 23], ['otherHandling', 11], ['resultTotal', 57]] as const) {
      values[`applications.${key}.naturalPerson`] = value;
      values[`applications.${key}.total`] = value;
    }
    values['applications.resultTotal.total'] = 58;
    const result = parseColumnOrderSection(document(columnOrderApplications(values, [rows2019], [6])), gov2019, '三')!;
    expect(result.notes.join(' ')).toMatch(/printed inconsistency: .*agree, the readings that fail only the sums of resultTotal/u);
    const certain = [...result.cells.values()].filter((cell) => !cell.ambiguous);
    expect(certain.length).toBeGreaterThan(100);
    for (const cell of certain) {
      expect(cell.value, cell.fieldId).toBe(values[cell.fieldId]);
      expect(cell.support, cell.fieldId).toMatchObject({ bestFit: true });
    }
    expect(read(result, 'applications.resultTotal.total')).toMatchObject({ value: null, ambiguous: true });
  });

  it('reads only what the row sums fix when the column rules fail for every reading', () => {
    const values: Record<string, number | null> = { ...gold002.fields, 'applications.carriedForward.naturalPerson': 2, 'applications.carriedForward.total': 2 };
    const text = document(columnOrderApplications(values, [pageOne, pageTwo], [6, 6]));
    const result = parseColumnOrderSection(text, gov2019, '三')!;
    expect(result.notes.join(' ')).toContain('no reading of the blocks satisfies the column rules');
    expect(read(result, 'applications.carriedForward.total').notes.join(' ')).toContain('column rules fail');
    const certain = [...result.cells.values()].filter((cell) => !cell.ambiguous);
    expect(certain.length).toBeGreaterThan(100);
    for (const cell of certain) expect(cell.value, cell.fieldId).toBe(values[cell.fieldId]);
    expect(result.sections[0]!.resolved).toBe(false);
  });
});

describe('parseColumnOrderSection on sections 二 and 四', () => {
  it('section 二: reads the cells on which row and column order agree, the others are ambiguous', () => {
    const two = ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容', '本年新制作数量 本年新公开数量 对外公开总数量', '规章', '规范性文件', '0', '2', '0', '2', '0', '2',
      '第二十条第（五）项', '信息内容', '上一年项目数量 本年增/减 处理决定数量', '行政许可', '- 2 -', '142', '+5', '440'].join('\n\n');
    const text = document(two, columnOrderApplications(gold002.fields, [pageOne, pageTwo], [6, 6]));
    const result = parseColumnOrderSection(text, gov2019, '二')!;
    expect(valuesOf(result, ['disclosure.rules.newlyMade', 'disclosure.rules.newlyPublished', 'disclosure.normativeDocs.newlyPublished', 'disclosure.normativeDocs.totalPublic'])).toEqual([0, '?', '?', 2]);
    expect(valuesOf(result, ['disclosure.licensing.prevYearItems', 'disclosure.licensing.change', 'disclosure.licensing.decisions'])).toEqual([142, 5, 440]);
    expect(read(result, 'disclosure.rules.newlyPublished').notes.join(' ')).toContain('section 二 has no rule');
    expect(result.sections[0]!.resolved).toBe(false);
  });

  it('section 四: read when the three group sums hold, not read when they fail', () => {
    const numbers = [12, 3, 0, 1, 16, 0, 0, 0, 0, 0, 4, 0, 1, 0, 5];
    const good = parseColumnOrderSection(document(columnOrderApplications(gold002.fields, [pageOne, pageTwo], [6, 6]), columnOrderAppeals(numbers)), gov2019, '四');
    expect(valuesOf(good, appealFields)).toEqual(numbers);
    expect(good!.sections[0]!.resolved).toBe(true);
    const bad = parseColumnOrderSection(document(columnOrderApplications(gold002.fields, [pageOne, pageTwo], [6, 6]), columnOrderAppeals([10, 1, 0, 0, 0, ...numbers.slice(5)])), gov2019, '四');
    expect(bad!.cells.size).toBe(0);
    expect(bad!.notes.join(' ')).toContain('appeals.reconsideration');
    expect(bad!.sections[0]!.resolved).toBe(false);
  });

  it('section 四: reads the 行政诉讼 groups a PDF printed after the sections that follow, under their own header', () => {
    const numbers = [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3];
    const later = (tail: readonly number[]) => [
      '四、政府信息公开行政复议、行政诉讼情况', '行政复议', '行政诉讼', '结果维\n持', '结果纠\n正', '其他结\n果', '尚未审\n结', '总\n计',
      ...numbers.slice(0, 5).map(String), '五、存在的主要问题及改进情况', '政务公开工作仍存在一些不足。', '六、其他需要报告的事项', '本年度未收取信息处理费。',
      '未经复议直接起诉', '复议后起诉', ...Array.from({ length: 2 }, () => ['结果维\n持', '结果纠\n正', '其他结\n果', '尚未审\n结', '总\n计']).flat(), ...tail.map(String),
    ].join('\n\n');
    const text = document(columnOrderApplications(gold002.fields, [pageOne, pageTwo], [6, 6]), later(numbers.slice(5)));
    const result = parseColumnOrderSection(text, gov2019, '四')!;
    expect(valuesOf(result, appealFields)).toEqual(numbers);
    expect(read(result, 'litigationDirect.upheld').support?.displaced).toBe(true);
    // Nine numbers there are not the two groups: nothing is read.
    const short = parseColumnOrderSection(document(columnOrderApplications(gold002.fields, [pageOne, pageTwo], [6, 6]), later(numbers.slice(5, 14))), gov2019, '四')!;
    expect(short.cells.size).toBe(0);
  });

  it('returns null for tables not printed one cell per line in column order (seed 002, wild/04)', () => {
    const seed = MappedText.identity(readFileSync(new URL('corpus/002_2520afaa29647670.txt', fixtures), 'utf8'));
    const glued = MappedText.identity(readFileSync(new URL('wild/04_pingtan_2021_flat.txt', fixtures), 'utf8'));
    for (const section of ['二', '三', '四'] as const) {
      expect(parseColumnOrderSection(seed, gov2019, section)).toBeNull();
      expect(parseColumnOrderSection(glued, gov2021, section)).toBeNull();
    }
  });
});

describe('parseColumnOrderSection on the PDF extractions of the wild', () => {
  it('wild/14 (淮安市 2024): both pages of 三 confirmed by the rules; 四 by its group sums', () => {
    const text = wild('14_huaian_2024_pdf_pdfminer.txt');
    const three = parseColumnOrderSection(text, gov2021, '三');
    expect(valuesOf(three, applicationRow('newReceived'))).toEqual([3001, 53, 0, 0, 61, 4, 3119]);
    expect(valuesOf(three, applicationRow('carriedOver'))).toEqual([34, 0, 0, 0, 0, 0, 34]);
    expect(valuesOf(three, applicationRow('resultTotal'))).toEqual([2932, 53, 0, 0, 61, 4, 3050]);
    expect(valuesOf(three, applicationRow('carriedForward'))).toEqual([103, 0, 0, 0, 0, 0, 103]);
    expect(valuesOf(three, applicationRow('otherOverdueAmendment'))).toEqual([67, 3, 0, 0, 1, 0, 71]);
    expect(three!.sections[0]!.resolved).toBe(true);
    expect(valuesOf(parseColumnOrderSection(text, gov2021, '四'), appealFields)).toEqual([72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
    const two = parseColumnOrderSection(text, gov2021, '二');
    expect(valuesOf(two, ['disclosure.rules.issued', 'disclosure.rules.repealed', 'disclosure.normativeDocs.inForce'])).toEqual([1, '?', 66]);
    expect(valuesOf(two, ['disclosure.licensing.decisions', 'disclosure.penalties.decisions', 'disclosure.enforcement.decisions', 'disclosure.fees.amount'])).toEqual([447228, 3985758, 88283, 96171.6]);
  });

  it('hongze_2023: 总计 printed sixth on page 1 and last on page 2; the one-row (六)其他处理 is not read; 四 does not add up', () => {
    const text = wild('hongze_2023.txt');
    const three = parseColumnOrderSection(text, gov2021, '三');
    expect(valuesOf(three, applicationRow('newReceived'))).toEqual([21, 0, 0, 0, 0, 0, 21]);
    expect(valuesOf(three, applicationRow('unableNotHeld'))).toEqual([10, 0, 0, 0, 0, 0, 10]);
    expect(valuesOf(three, applicationRow('resultTotal'))).toEqual([21, 0, 0, 0, 0, 0, 21]);
    expect(valuesOf(three, applicationRow('otherHandling'))).toEqual(new Array(7).fill(null));
    expect(three!.sections[0]!.resolved).toBe(false);
    const four = parseColumnOrderSection(text, gov2021, '四');
    expect(four!.cells.size).toBe(0);
    expect(four!.sections[0]!.resolved).toBe(false);
    const two = parseColumnOrderSection(text, gov2021, '二');
    expect(valuesOf(two, ['disclosure.rules.issued', 'disclosure.normativeDocs.issued', 'disclosure.normativeDocs.inForce', 'disclosure.fees.amount'])).toEqual([0, '?', 5, 7730.28]);
  });

  it('hongze_2024: 三 and 四 read', () => {
    const text = wild('hongze_2024.txt');
    const three = parseColumnOrderSection(text, gov2021, '三');
    expect(valuesOf(three, applicationRow('newReceived'))).toEqual([95, 0, 0, 0, 0, 0, 95]);
    expect(valuesOf(three, applicationRow('granted'))).toEqual([50, 0, 0, 0, 0, 0, 50]);
    expect(valuesOf(three, applicationRow('unableNotHeld'))).toEqual([31, 0, 0, 0, 0, 0, 31]);
    expect(valuesOf(parseColumnOrderSection(text, gov2021, '四'), appealFields)).toEqual([1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]);
  });
});
