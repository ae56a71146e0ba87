import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applicationRows, applicantColumns, appealGroups } from '../../../templates/newFormatRules.ts';
import { gov2019 } from '../../../templates/gov2019.ts';
import { gov2021 } from '../../../templates/gov2021.ts';
import type { TemplateDefinition } from '../../../templates/TemplateDefinition.ts';
import { MappedText } from '../../../text/MappedText.ts';
import type { ParseResult } from '../../ParseResult.ts';
import { parseGluedSection } from './parseGluedSection.ts';
import { readSeedGold } from '../../../../test/support/goldParse.ts';
import { appealFields, applicationRow, read, valuesOf, wild } from '../testing/sectionCells.ts';

const fixtures = new URL('../../../../test/fixtures/', import.meta.url);
const gold002 = readSeedGold('002');

/** Row labels as the forms print them, with the headings printed before some rows. */
const PRINTED: Readonly<Record<string, string>> = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  granted: '三、本年度办理结果（一）予以公开',
  partiallyGranted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  deniedStateSecret: '（三）不予公开1.属于国家秘密',
  deniedLawForbidden: '2.其他法律行政法规禁止公开',
  deniedSafetyStability: '3.危及“三安全一稳定”',
  deniedThirdParty: '4.保护第三方合法权益',
  deniedInternalAffairs: '5.属于三类内部事务信息',
  deniedProcessInfo: '6.属于四类过程性信息',
  deniedEnforcementFile: '7.属于行政执法案卷',
  deniedQuery: '8.属于行政查询事项',
  unableNotHeld: '（四）无法提供1.本机关不掌握相关政府信息',
  unableNeedsCreation: '2.没有现成信息需要另行制作',
  unableUnclear: '3.补正后申请内容仍不明确',
  notProcessedComplaint: '（五）不予处理1.信访举报投诉类申请',
  notProcessedDuplicate: '2.重复申请',
  notProcessedPublication: '3.要求提供公开出版物',
  notProcessedMassRepeated: '4.无正当理由大量反复申请',
  notProcessedConfirmation: '5.要求行政机关确认或重新出具已获取信息',
  otherHandling2019: '（六）其他处理',
  otherOverdueAmendment: '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  otherOverdueFee: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  otherHandling2021: '3.其他',
  resultTotal: '（七）总计',
  carriedForward: '四、结转下年度继续办理',
};

const HEADER_三 = '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他';
const HEADER_四 = '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计';

type Values = Readonly<Record<string, number | null>>;

function otherRowsOf(template: TemplateDefinition): string[] {
  return template.id === 'gov-2019' ? ['otherHandling'] : ['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling'];
}

/** Section 三 printed as running text, every row's seven cells glued (blank cells leave nothing). */
function gluedApplications(template: TemplateDefinition, values: Values, labels: Readonly<Record<string, string>> = {}): string {
  const parts = [HEADER_三];
  for (const row of applicationRows(otherRowsOf(template))) {
    const key = row === 'otherHandling' ? `otherHandling${template.id === 'gov-2019' ? '2019' : '2021'}` : row;
    parts.push(labels[row] ?? PRINTED[key]!);
    parts.push(applicantColumns.map((column) => printed(values[`applications.${row}.${column}`])).join(''));
  }
  return parts.join('');
}

/** Section 四: 15 cells glued after the column headings. */
function gluedAppeals(values: Values, header = HEADER_四): string {
  const cells = appealGroups.flatMap((group) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((part) => printed(values[`${group}.${part}`])));
  return `${header}${cells.join('')}五、存在的主要问题及改进情况下一步我们将继续努力。`;
}

function printed(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function document(...sections: string[]): MappedText {
  return MappedText.identity(`某区人民政府2020年政府信息公开工作年度报告。本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等。一、总体情况全年公开信息120条。${sections.join('')}`);
}

/** Every cell read (not ambiguous) has the gold value, and its evidence is its own digits. */
function expectNothingWrong(result: ParseResult, text: MappedText, truth: Values): void {
  for (const cell of result.cells.values()) {
    if (cell.ambiguous) {
      expect(cell.value, cell.fieldId).toBeNull();
      continue;
    }
    expect(cell.value, cell.fieldId).toBe(truth[cell.fieldId]);
    expect(text.text.slice(cell.start, cell.end), cell.fieldId).toBe(cell.raw);
  }
}

describe('parseGluedSection on section 三 rendered from the gold values of seed 002', () => {
  const text = document(gluedApplications(gov2019, gold002.fields), gluedAppeals(gold002.fields));
  const result = parseGluedSection(text, gov2019, '三')!;

  it('solves the table as a whole: every cell as in the gold file, with its own digits as evidence', () => {
    expect(result).not.toBeNull();
    const fieldIds = applicationRows(['otherHandling']).flatMap((row) => applicantColumns.map((column) => `applications.${row}.${column}`));
    for (const fieldId of fieldIds) {
      const cell = read(result, fieldId);
      expect(cell.ambiguous, fieldId).toBe(false);
      expect(cell.value, fieldId).toBe(gold002.fields[fieldId]);
      expect(cell.layout).toBe('glued-digits');
      expect(cell.method).toBe('table');
    }
    expectNothingWrong(result, text, gold002.fields);
    expect(result.sections[0]).toMatchObject({ id: 'gov-2019/三', resolved: true });
  });

  it('needs the column rules where the row sum alone allows two splits (本机关不掌握 "101006017")', () => {
    const cell = read(result, 'applications.unableNotHeld.naturalPerson');
    expect(cell.value).toBe(10);
    expect(cell.raw).toBe('10');
    expect(cell.notes.join(' ')).toContain('split solved against the rules (unique)');
  });
});

describe('parseGluedSection on section 四', () => {
  it('cannot read a glued run with blank cells, and asserts nothing (seed 002: 行政复议 blank)', () => {
    const text = document(gluedApplications(gov2019, gold002.fields), gluedAppeals(gold002.fields));
    const result = parseGluedSection(text, gov2019, '四')!;
    expect(result.cells.size).toBe(15);
    for (const cell of result.cells.values()) {
      expect(cell.value).toBeNull();
      expect(cell.ambiguous).toBe(true);
    }
    expect(result.sections[0]!.resolved).toBe(false);
    expect(result.notes.join(' ')).toMatch(/no split/u);
  });

  it('splits 17 glued digits into the three groups by their sums', () => {
    const values: Values = {
      'reconsideration.upheld': 12, 'reconsideration.corrected': 3, 'reconsideration.other': 0, 'reconsideration.pending': 1, 'reconsideration.total': 16,
      'litigationDirect.upheld': 0, 'litigationDirect.corrected': 0, 'litigationDirect.other': 0, 'litigationDirect.pending': 0, 'litigationDirect.total': 0,
      'litigationAfterReconsideration.upheld': 4, 'litigationAfterReconsideration.corrected': 0, 'litigationAfterReconsideration.other': 1,
      'litigationAfterReconsideration.pending': 0, 'litigationAfterReconsideration.total': 5,
    };
    // The heading carries the typo 行政法复议 seen in the wild.
    const text = document(gluedApplications(gov2019, gold002.fields), gluedAppeals(values, HEADER_四.replace('行政复议、', '行政法复议、')));
    const result = parseGluedSection(text, gov2019, '四')!;
    for (const [fieldId, value] of Object.entries(values)) expect(read(result, fieldId).value, fieldId).toBe(value);
    expectNothingWrong(result, text, values);
    expect(result.sections[0]!.resolved).toBe(true);
  });
});

describe('parseGluedSection on section 二 (no rules: only runs with one split are read)', () => {
  const two = '二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件222'
    + '第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可142+5440其他对外管理服务事项469-324328'
    + '第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚253+46637行政强制6-42'
    + '第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费50第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购719114.72万元';
  const text = document(two, gluedApplications(gov2019, gold002.fields));
  const result = parseGluedSection(text, gov2019, '二')!;

  it('reads the runs that split one way only, signs included, and nothing it cannot tell', () => {
    expectNothingWrong(result, text, gold002.fields);
    for (const fieldId of ['disclosure.rules.newlyMade', 'disclosure.normativeDocs.totalPublic', 'disclosure.fees.prevYearItems', 'disclosure.fees.change']) {
      expect(read(result, fieldId).value, fieldId).toBe(gold002.fields[fieldId]);
    }
    expect(read(result, 'disclosure.enforcement.change')).toMatchObject({ value: -4, raw: '-4', ambiguous: false });
    expect(read(result, 'disclosure.licensing.prevYearItems')).toMatchObject({ value: 142, ambiguous: false });
    expect(read(result, 'disclosure.otherServices.change')).toMatchObject({ value: null, ambiguous: true });
    // Section 二 has no rule: of "6-42" (6 | -4 | 2 or 6 | -42 | blank …) the plainest split is offered.
    expect(read(result, 'disclosure.enforcement.decisions').proposal ?? read(result, 'disclosure.enforcement.decisions').value).toBe(2);
    expect(read(result, 'disclosure.licensing.decisions').notes.join(' ')).toContain('440');
    expect(read(result, 'disclosure.procurement.amount')).toMatchObject({ value: null, ambiguous: true });
    expect(result.sections[0]!.resolved).toBe(false);
  });

  it('marks a split one digit per cell of a run that also reads as fewer numbers ("222"), not of one only 0s open ("000")', () => {
    expect(read(result, 'disclosure.normativeDocs.totalPublic')).toMatchObject({ value: 2, digitPerCell: true });
    expect(read(result, 'disclosure.rules.newlyMade').digitPerCell).toBeUndefined();
  });

  it('marks in doubt the splits that rest on more than the digits\' order: a number after a 0, a thousands comma, an OCR letter', () => {
    const doubtful = '二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件3346'
      + '第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可142+5440其他对外管理服务事项469-324328'
      + '第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚31315,443行政强制6-42'
      + '第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费020第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购719114.72万元';
    const marked = parseGluedSection(document(doubtful, gluedApplications(gov2019, gold002.fields)), gov2019, '二')!;
    // "020": 0 | 20 only because no number opens with 0; "0" "2" "0" with page 2 between two zeros reads the same.
    expect(read(marked, 'disclosure.fees.change')).toMatchObject({ value: 20, support: { splitInDoubt: true } });
    // "31315,443": the comma's groups, not the digits' order, chose the decisions.
    expect(read(marked, 'disclosure.penalties.decisions').support?.splitInDoubt).toBe(true);
    // "000" and "6-42" split one way on their digits alone.
    expect(read(marked, 'disclosure.rules.newlyMade').support?.splitInDoubt).toBeUndefined();
    expect(read(marked, 'disclosure.enforcement.change')).toMatchObject({ value: -4 });
    expect(read(marked, 'disclosure.enforcement.change').support?.splitInDoubt).toBeUndefined();
  });

  it('marks in doubt a run a space sets apart from its label where the others run on from theirs, unless it opens with 0', () => {
    // As page 2 run into the 0 of "行政事业性收费 0" ("… 20 万元", seed 4839, variant 2373); "规章 000" as a real report
    // prints it.
    const apart = two.replace('规范性文件222', '规范性文件 222').replace('规章000', '规章 000');
    const marked = parseGluedSection(document(apart, gluedApplications(gov2019, gold002.fields)), gov2019, '二')!;
    expect(read(marked, 'disclosure.normativeDocs.totalPublic').support).toMatchObject({ splitInDoubt: true, setApart: true });
    expect(read(marked, 'disclosure.rules.newlyMade').support?.setApart).toBeUndefined();
    expect(read(result, 'disclosure.normativeDocs.totalPublic').support?.setApart).toBeUndefined();
  });
});

describe('parseGluedSection on gov-2021 forms', () => {
  const values: Record<string, number | null> = {};
  for (const row of applicationRows(['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling'])) {
    for (const column of applicantColumns) {
      const from2019 = gold002.fields[`applications.${row}.${column}`];
      values[`applications.${row}.${column}`] = from2019 ?? 0;
    }
  }

  it('cuts the next row’s glued ordinal ("…数量2810060352、上年结转…") and reads the three (六) rows', () => {
    const text = document(gluedApplications(gov2021, values, { carriedOver: '2、上年结转政府信息公开申请数量' }));
    const result = parseGluedSection(text, gov2021, '三')!;
    expect(read(result, 'applications.newReceived.total')).toMatchObject({ value: 35, raw: '35' });
    expect(read(result, 'applications.otherHandling.naturalPerson').value).toBe(3);
    expect(read(result, 'applications.otherOverdueFee.total').value).toBe(0);
    expectNothingWrong(result, text, values);
    expect(result.sections[0]!.resolved).toBe(true);
  });

  it('uses a single printed (六)其他处理 row for the rules without reading its three sub-rows', () => {
    const labels = { otherOverdueAmendment: '（六）其他处理', otherOverdueFee: '', otherHandling: '' };
    const combined = { ...values };
    for (const column of applicantColumns) {
      combined[`applications.otherOverdueAmendment.${column}`] = values[`applications.otherHandling.${column}`]!;
      combined[`applications.otherOverdueFee.${column}`] = null;
      combined[`applications.otherHandling.${column}`] = null;
    }
    const text = document(gluedApplications(gov2021, combined, labels));
    const result = parseGluedSection(text, gov2021, '三')!;
    expect(result.cells.has('applications.otherHandling.total')).toBe(false);
    expect(result.cells.has('applications.otherOverdueAmendment.total')).toBe(false);
    expect(read(result, 'applications.unableNotHeld.naturalPerson').value).toBe(10);
    expect(result.notes.join(' ')).toContain('(六)其他处理 printed as one row');
    expect(result.sections[0]!.resolved).toBe(false);
  });

  it('leaves cells that two readings satisfying every rule disagree on ambiguous, with the alternatives', () => {
    const ambiguous: Record<string, number> = {};
    for (const row of applicationRows(['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling'])) {
      for (const column of applicantColumns) ambiguous[`applications.${row}.${column}`] = 0;
    }
    // "110000011" is 11|0|0|0|0|0|11 or 1|10|0|0|0|0|11 in all three rows; the rules hold either way.
    for (const row of ['newReceived', 'granted', 'resultTotal']) {
      ambiguous[`applications.${row}.naturalPerson`] = 11;
      ambiguous[`applications.${row}.total`] = 11;
    }
    const text = document(gluedApplications(gov2021, ambiguous));
    const result = parseGluedSection(text, gov2021, '三')!;
    for (const row of ['newReceived', 'granted', 'resultTotal']) {
      const naturalPerson = read(result, `applications.${row}.naturalPerson`);
      expect(naturalPerson).toMatchObject({ value: null, ambiguous: true, raw: '110000011' });
      expect(naturalPerson.notes.join(' ')).toMatch(/could be 1 or 11/u);
      // The plainer split (11 | 0, not 1 | 10) is offered to the reviewer, never read as the value.
      expect(naturalPerson.proposal).toBe(11);
      expect(read(result, `applications.${row}.commercial`).proposal).toBe(0);
      expect(read(result, `applications.${row}.commercial`)).toMatchObject({ value: null, ambiguous: true });
      expect(read(result, `applications.${row}.total`)).toMatchObject({ value: 11, ambiguous: false });
      expect(read(result, `applications.${row}.research`)).toMatchObject({ value: 0, ambiguous: false });
    }
    expect(result.sections[0]!.resolved).toBe(false);
  });

  it('reports a row no split of which satisfies its row sum, and reads the rest', () => {
    const text = document(gluedApplications(gov2021, values).replace('（七）总计281006035', '（七）总计20000011'));
    const result = parseGluedSection(text, gov2021, '三')!;
    for (const column of applicantColumns) {
      expect(read(result, `applications.resultTotal.${column}`)).toMatchObject({ value: null, ambiguous: true });
    }
    expect(read(result, 'applications.resultTotal.total').notes.join(' ')).toContain('printed inconsistency');
    // No split holds the row sum; the plainest split of the digits is still offered: 2 | 0 | 0 | 0 | 0 | 0 | 11
    // (not 20 | 0 | 0 | 0 | 0 | 1 | 1).
    expect(read(result, 'applications.resultTotal.naturalPerson').proposal).toBe(2);
    expect(read(result, 'applications.resultTotal.total').proposal).toBe(11);
    expect(result.notes.join(' ')).toContain('no split of row applications.resultTotal');
    expect(read(result, 'applications.granted.naturalPerson').value).toBe(13);
    expect(result.sections[0]!.resolved).toBe(false);
  });
});

describe('parseGluedSection on tables that are not glued', () => {
  it('returns null for tab-separated rows (seed 002)', () => {
    const seed = MappedText.identity(readFileSync(new URL('corpus/002_2520afaa29647670.txt', fixtures), 'utf8'));
    for (const section of ['二', '三', '四'] as const) expect(parseGluedSection(seed, gov2019, section)).toBeNull();
  });

  it('returns null for a section 二 separated by ideographic spaces and a spaced section 四 (wild/45, wild/05)', () => {
    expect(parseGluedSection(wild('45_hebei-kjt_2022_gov2021.txt'), gov2021, '二')).toBeNull();
    expect(parseGluedSection(wild('05_pingtan_2022_flat.txt'), gov2021, '四')).toBeNull();
  });
});

describe('parseGluedSection on the glued reports of the wild', () => {
  it('wild/04: "640020470" is 64|0|0|2|0|4|70, and the 15 cells of 四 are split by their sums', () => {
    const text = wild('04_pingtan_2021_flat.txt');
    const three = parseGluedSection(text, gov2021, '三');
    expect(valuesOf(three, applicationRow('newReceived'))).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(valuesOf(three, applicationRow('unableNotHeld'))).toEqual([22, 0, 0, 0, 0, 3, 25]);
    expect(valuesOf(three, applicationRow('resultTotal'))).toEqual([63, 0, 0, 2, 0, 4, 69]);
    expect(valuesOf(three, applicationRow('carriedForward'))).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(three!.sections[0]!.resolved).toBe(true);
    expect(valuesOf(parseGluedSection(text, gov2021, '四'), appealFields)).toEqual([1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
    const two = parseGluedSection(text, gov2021, '二');
    expect(valuesOf(two, ['disclosure.rules.issued', 'disclosure.rules.repealed', 'disclosure.rules.inForce'])).toEqual([0, 0, 0]);
    expect(valuesOf(two, ['disclosure.normativeDocs.issued', 'disclosure.licensing.decisions', 'disclosure.fees.amount'])).toEqual(['?', 2293, 24252.311082]);
  });

  it('wild/02: stray spaces inside the runs do not matter; all-zero rows', () => {
    const text = wild('02_pingtan_2019_flat.txt');
    const three = parseGluedSection(text, gov2019, '三');
    expect(valuesOf(three, applicationRow('newReceived'))).toEqual([23, 0, 0, 0, 0, 0, 23]);
    expect(valuesOf(three, applicationRow('otherHandling'))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(valuesOf(three, applicationRow('carriedForward'))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(three!.sections[0]!.resolved).toBe(true);
    expect(valuesOf(parseGluedSection(text, gov2019, '四'), appealFields)).toEqual(new Array(15).fill(0));
    const two = parseGluedSection(text, gov2019, '二');
    expect(valuesOf(two, ['disclosure.rules.newlyMade', 'disclosure.normativeDocs.newlyMade', 'disclosure.fees.change'])).toEqual([0, '?', '?']);
  });

  it('wild/03: a negative change inside a run; a table whose outcome rows do not add up is left unresolved', () => {
    const text = wild('03_pingtan_2020_flat.txt');
    const two = parseGluedSection(text, gov2019, '二');
    expect(valuesOf(two, ['disclosure.fees.prevYearItems', 'disclosure.fees.change', 'disclosure.penalties.prevYearItems', 'disclosure.penalties.change'])).toEqual([35, -15, 2648, '?']);
    const three = parseGluedSection(text, gov2019, '三');
    expect(valuesOf(three, applicationRow('newReceived'))).toEqual([20, 0, 0, 0, 0, 1, 21]);
    expect(three!.notes.join(' ')).toContain('does not add up');
    expect(three!.sections[0]!.resolved).toBe(false);
  });

  it('wild/43: the rules decide "121010014"; the 二 run "5426" stays ambiguous', () => {
    const text = wild('43_hebei-gxt_2022_gov2021.txt');
    const three = parseGluedSection(text, gov2021, '三');
    expect(valuesOf(three, applicationRow('newReceived'))).toEqual([12, 1, 0, 1, 0, 0, 14]);
    expect(valuesOf(three, applicationRow('resultTotal'))).toEqual([12, 1, 0, 1, 0, 0, 14]);
    const two = parseGluedSection(text, gov2021, '二');
    expect(valuesOf(two, ['disclosure.normativeDocs.issued', 'disclosure.normativeDocs.repealed', 'disclosure.normativeDocs.inForce'])).toEqual(['?', '?', '?']);
    expect(valuesOf(two, ['disclosure.licensing.decisions', 'disclosure.fees.amount'])).toEqual([194, 650.6]);
    expect(valuesOf(parseGluedSection(text, gov2021, '四'), appealFields)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('wild/44, 06, 11, 12: amounts with six decimals, non-zero 四 and carry-forward', () => {
    expect(valuesOf(parseGluedSection(wild('44_hebei-gxt_2023_gov2021.txt'), gov2021, '二'), ['disclosure.fees.amount'])).toEqual([670.376375]);
    expect(valuesOf(parseGluedSection(wild('44_hebei-gxt_2023_gov2021.txt'), gov2021, '四'), appealFields)).toEqual([0, 0, 0, 1, 1, 3, 0, 0, 0, 3, 0, 0, 0, 1, 1]);
    expect(valuesOf(parseGluedSection(wild('06_pingtan_2023_flat.txt'), gov2021, '二'), ['disclosure.fees.amount'])).toEqual([5949.088667]);
    expect(valuesOf(parseGluedSection(wild('06_pingtan_2023_flat.txt'), gov2021, '四'), appealFields)).toEqual([1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]);
    expect(valuesOf(parseGluedSection(wild('11_pingtan_2024_flat.txt'), gov2021, '四'), appealFields)).toEqual([2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]);
    const twelve = parseGluedSection(wild('12_pingtan_2025_flat.txt'), gov2021, '三');
    expect(valuesOf(twelve, applicationRow('carriedForward'))).toEqual([4, 2, 0, 0, 0, 0, 6]);
    expect(valuesOf(twelve, applicationRow('newReceived'))).toEqual([151, 3, 0, 0, 0, 0, 154]);
  });

  it('wild/45: the (七)总计 run admits no split; nothing is guessed', () => {
    const three = parseGluedSection(wild('45_hebei-kjt_2022_gov2021.txt'), gov2021, '三');
    expect(valuesOf(three, applicationRow('resultTotal'))).toEqual(new Array(7).fill('?'));
    expect(valuesOf(three, applicationRow('newReceived'))).toEqual(['?', '?', 0, 0, 0, 0, 11]);
    expect(valuesOf(three, applicationRow('granted'))).toEqual([10, 0, 0, 0, 0, 0, 10]);
    expect(three!.sections[0]!.resolved).toBe(false);
  });

  it('every glued wild report: no throw, evidence is the cell’s own digits', () => {
    const files = ['02_pingtan_2019_flat.txt', '03_pingtan_2020_flat.txt', '04_pingtan_2021_flat.txt', '05_pingtan_2022_flat.txt', '06_pingtan_2023_flat.txt',
      '11_pingtan_2024_flat.txt', '12_pingtan_2025_flat.txt', '43_hebei-gxt_2022_gov2021.txt', '44_hebei-gxt_2023_gov2021.txt', '45_hebei-kjt_2022_gov2021.txt'];
    for (const file of files) {
      const text = wild(file);
      const template = /2019|2020/u.test(file) ? gov2019 : gov2021;
      for (const section of ['二', '三', '四'] as const) {
        const result = parseGluedSection(text, template, section);
        for (const cell of result?.cells.values() ?? []) {
          if (cell.ambiguous) continue;
          expect(text.text.slice(cell.start, cell.end).replace(/万元|元/u, ''), `${file} ${cell.fieldId}`).toBe(cell.raw.replace(/万元|元/u, ''));
        }
      }
    }
  });
});
