import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument, type ExtractionResult } from '../../pipeline/extractDocument.ts';
import { applicantColumns, appealGroups } from '../../templates/newFormatRules.ts';

/**
 * The grid parser on real reports (test/fixtures/wild). Values asserted here were read off the documents by
 * eye; cells the row-based reader must not read are checked not to come from it (other readers may still
 * fill them from the rules).
 */
const wildDirectory = new URL('../../../test/fixtures/wild/', import.meta.url);
const ROW_BASED = new Set(['tab-row', 'pipe-row', 'html', 'space-row', 'cell-per-line']);
const results = new Map<string, ExtractionResult>();

function extract(file: string): ExtractionResult {
  let result = results.get(file);
  if (!result) {
    result = extractDocument({ name: file, bytes: readFileSync(new URL(file, wildDirectory)) });
    results.set(file, result);
  }
  return result;
}

/** The row-based reading of a field: value (null for blank), or undefined when the row reader did not read it. */
function rowValue(result: ExtractionResult, fieldId: string): number | null | undefined {
  const cell = result.parse.cells.get(fieldId);
  if (!cell || !ROW_BASED.has(cell.layout)) return undefined;
  expect(cell.ambiguous, fieldId).toBe(false);
  return cell.value;
}

/** The seven cells of a row of section 三 as the row reader read them. */
function applicationRow(result: ExtractionResult, row: string): (number | null | undefined)[] {
  return applicantColumns.map((column) => rowValue(result, `applications.${row}.${column}`));
}

/** The 15 cells of section 四 as the row reader read them. */
function appealsRow(result: ExtractionResult): (number | null | undefined)[] {
  return appealGroups.flatMap((group) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((part) => rowValue(result, `${group}.${part}`)));
}

function resolved(result: ExtractionResult): Record<string, boolean> {
  return Object.fromEntries(result.parse.sections.map((section) => [section.id, section.resolved]));
}

describe('grid parser on the wild reports', () => {
  it('parses every wild file without throwing', () => {
    const files = readdirSync(wildDirectory).filter((file) => file.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) expect(() => extract(file), file).not.toThrow();
  });

  it('13 (HTML in a JS string, rowspan/colspan, &nbsp; blanks, blank 总计)', () => {
    const result = extract('13_shanghai_bgt_2019_html_escaped.txt');
    expect(result.template?.id).toBe('gov-2019');
    expect(rowValue(result, 'disclosure.rules.newlyMade')).toBe(13);
    expect(rowValue(result, 'disclosure.rules.totalPublic')).toBe(524);
    expect(rowValue(result, 'disclosure.normativeDocs.totalPublic')).toBe(368);
    expect(rowValue(result, 'disclosure.procurement.projects')).toBe(6);
    expect(result.parse.cells.get('disclosure.procurement.amount')).toMatchObject({ value: 25.1, raw: '251000元', layout: 'html' });
    expect(applicationRow(result, 'newReceived')).toEqual([821, 35, null, null, 2, 1, 859]);
    expect(applicationRow(result, 'granted')).toEqual([258, 12, null, null, 1, 1, null]);
    expect(applicationRow(result, 'deniedProcessInfo')).toEqual([3, 1, null, null, null, null, null]);
    expect(applicationRow(result, 'resultTotal')).toEqual([767, 35, null, null, 2, 1, 805]);
    expect(applicationRow(result, 'carriedForward')).toEqual([72, null, null, null, null, null, 72]);
    expect(appealsRow(result)).toEqual([5, null, null, 2, 7, 8, null, null, 1, 9, null, null, null, null, null]);
    expect(resolved(result)).toEqual({ 'gov-2019/二': true, 'gov-2019/三': true, 'gov-2019/四': true });
  });

  it('40 (bare-CR cells, blank rows and blank 四 cells as longer runs, amount with no unit)', () => {
    const result = extract('40_hebei-jyt_2019_gov2019.txt');
    expect(rowValue(result, 'disclosure.normativeDocs.newlyPublished')).toBe(16);
    expect(rowValue(result, 'disclosure.licensing.prevYearItems')).toBe(9);
    expect(rowValue(result, 'disclosure.licensing.decisions')).toBe(16);
    expect(rowValue(result, 'disclosure.otherServices.prevYearItems')).toBe(17);
    expect(rowValue(result, 'disclosure.fees.prevYearItems')).toBe(21);
    expect(rowValue(result, 'disclosure.procurement.projects')).toBe(22);
    expect(result.parse.cells.get('disclosure.procurement.amount')).toMatchObject({ value: 256146, ambiguous: true });
    expect(applicationRow(result, 'newReceived')).toEqual([16, 0, 0, 0, 0, 0, 16]);
    expect(applicationRow(result, 'granted')).toEqual([9, 0, 0, 0, 0, 0, 9]);
    expect(applicationRow(result, 'partiallyGranted')).toEqual([null, null, null, null, null, null, null]);
    expect(applicationRow(result, 'unableNeedsCreation')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(applicationRow(result, 'otherHandling')).toEqual([null, null, null, null, null, null, null]);
    expect(applicationRow(result, 'resultTotal')).toEqual([16, 0, 0, 0, 0, 0, 16]);
    expect(appealsRow(result)).toEqual([null, null, null, null, 0, null, null, null, null, 0, null, null, null, null, 0]);
    expect(result.parse.cells.get('applications.partiallyGranted.total')!.layout).toBe('cell-per-line');
  });

  it('41 (bare-CR cells; a row of 三 printing six cells where seven are due)', () => {
    const result = extract('41_hebei-jyt_2021_gov2021.txt');
    expect(result.template?.id).toBe('gov-2021');
    expect([rowValue(result, 'disclosure.normativeDocs.issued'), rowValue(result, 'disclosure.normativeDocs.repealed'), rowValue(result, 'disclosure.normativeDocs.inForce')]).toEqual([7, 25, 181]);
    expect(rowValue(result, 'disclosure.licensing.decisions')).toBe(5658);
    expect(rowValue(result, 'disclosure.penalties.decisions')).toBe(19);
    expect(rowValue(result, 'disclosure.fees.amount')).toBe(1163.54);
    expect(applicationRow(result, 'newReceived')).toEqual([34, 1, 0, 0, 2, 0, 37]);
    // Six zeros, then a run one cell longer than a row end: the 总计 cell is blank, not 0.
    expect(applicationRow(result, 'carriedOver')).toEqual([0, 0, 0, 0, 0, 0, null]);
    expect(result.parse.cells.get('applications.carriedOver.total')!.notes.join(' ')).toContain('line-break run');
    expect(applicationRow(result, 'notProcessedComplaint')).toEqual([14, 1, 0, 0, 0, 0, 15]);
    expect(applicationRow(result, 'otherOverdueFee')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appealsRow(result)).toEqual([0, 0, 0, 0, 0, 6, 0, 0, 0, 6, 2, 0, 0, 0, 2]);
  });

  it('42 (bare-CR runs of several lengths)', () => {
    const result = extract('42_hebei-jyt_2023_gov2021.txt');
    expect(rowValue(result, 'disclosure.normativeDocs.inForce')).toBe(156);
    expect(rowValue(result, 'disclosure.licensing.decisions')).toBe(7417);
    expect(rowValue(result, 'disclosure.fees.amount')).toBe(397.619);
    expect(applicationRow(result, 'newReceived')).toEqual([18, 1, 0, 0, 0, 0, 19]);
    expect(applicationRow(result, 'deniedThirdParty')).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(applicationRow(result, 'resultTotal')).toEqual([18, 1, 0, 0, 0, 0, 19]);
    expect(appealsRow(result)).toEqual([6, 1, 0, 0, 7, 0, 0, 0, 0, 0, 6, 1, 0, 0, 7]);
    expect(Object.values(resolved(result))).toEqual([true, true, true]);
  });

  it('16 (pipe rows cut off mid-table: the cut row is not read)', () => {
    const result = extract('16_lggovcn_dept_2024_pipe_PARTIAL.txt');
    expect([rowValue(result, 'disclosure.normativeDocs.issued'), rowValue(result, 'disclosure.normativeDocs.repealed'), rowValue(result, 'disclosure.normativeDocs.inForce')]).toEqual([5, 1, 25]);
    expect(applicationRow(result, 'newReceived')).toEqual([58, 7, 0, 0, 1, 0, 66]);
    expect(applicationRow(result, 'partiallyGranted')).toEqual([16, 1, 0, 0, 0, 0, 17]);
    expect(applicationRow(result, 'deniedInternalAffairs')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(applicationRow(result, 'deniedEnforcementFile').every((value) => value === undefined)).toBe(true);
    expect(appealsRow(result).every((value) => value === undefined)).toBe(true);
    expect(resolved(result)['gov-2021/三']).toBe(false);
  });

  it('17 (2019 pipe table with a local extra row, cut off)', () => {
    const result = extract('17_xiaogan_bgs_2020_pipe_PARTIAL.txt');
    expect([rowValue(result, 'disclosure.rules.newlyMade'), rowValue(result, 'disclosure.rules.newlyPublished'), rowValue(result, 'disclosure.rules.totalPublic')]).toEqual([2, 2, 3]);
    expect(rowValue(result, 'disclosure.normativeDocs.totalPublic')).toBe(119);
    expect(rowValue(result, 'disclosure.licensing.decisions')).toBeUndefined();
  });

  it('18 (pipe rows with trailing padding cells; the 三 header is not a row of blanks)', () => {
    const result = extract('18_jxgc_changqiao_2019_pipe_PARTIAL.txt');
    expect(rowValue(result, 'disclosure.licensing.change')).toBe(0);
    expect(rowValue(result, 'disclosure.fees.change')).toBe(0);
    expect(rowValue(result, 'disclosure.procurement.amount')).toBe(0);
    expect(applicationRow(result, 'resultTotal').every((value) => value === undefined)).toBe(true);
  });

  it('19 (broken pipes: one cell per line, "|" for a blank cell)', () => {
    const result = extract('19_xian_tongjiju_2023_brokenpipe_PARTIAL.txt');
    expect(result.parse.cells.get('disclosure.rules.issued')).toMatchObject({ value: null, raw: '/' });
    expect(rowValue(result, 'disclosure.normativeDocs.inForce')).toBe(0);
    expect(rowValue(result, 'disclosure.fees.amount')).toBe(0);
    expect(applicationRow(result, 'newReceived')).toEqual([null, null, null, null, null, null, 0]);
    expect(applicationRow(result, 'carriedOver')).toEqual([null, null, null, null, null, null, 0]);
  });

  it('20 (one cell per line, blank lines between cells)', () => {
    const result = extract('20_huichang_zhongcun_2020_cellperline_PARTIAL.txt');
    expect([rowValue(result, 'disclosure.normativeDocs.newlyMade'), rowValue(result, 'disclosure.normativeDocs.totalPublic')]).toEqual([5, 5]);
    expect(rowValue(result, 'disclosure.procurement.projects')).toBe(1);
    // No unit printed anywhere: 8040 元 or 8040 万元 — a person decides.
    expect(result.parse.cells.get('disclosure.procurement.amount')).toMatchObject({ value: 8040, ambiguous: true });
  });

  it('21 (an empty table: labels without values) gives no row-based cell', () => {
    const result = extract('21_xiongxian_xiang_2019_emptytable_PARTIAL.txt');
    expect([...result.parse.cells.values()].filter((cell) => ROW_BASED.has(cell.layout))).toEqual([]);
  });

  it('23 (scraped pipe rows: blank applicant cells next to filled totals)', () => {
    const result = extract('23_xuwen_bureau_2021fmt_blankcells_PARTIAL.txt');
    expect(rowValue(result, 'disclosure.normativeDocs.inForce')).toBe(101);
    expect(applicationRow(result, 'newReceived')).toEqual([0, null, null, null, null, null, 0]);
    expect(applicationRow(result, 'carriedOver')).toEqual([null, null, null, null, null, null, 0]);
    expect(applicationRow(result, 'deniedInternalAffairs')).toEqual([null, null, null, null, null, null, 0]);
  });

  it('shuyang-fgj (markdown pipe rows, blank is not 0)', () => {
    const result = extract('shuyang-fgj_2023.txt');
    expect([rowValue(result, 'disclosure.normativeDocs.issued'), rowValue(result, 'disclosure.normativeDocs.inForce')]).toEqual([8, 18]);
    expect(applicationRow(result, 'newReceived')).toEqual([26, null, null, null, null, null, 26]);
    expect(applicationRow(result, 'granted')).toEqual([26, null, null, null, null, null, 26]);
    expect(applicationRow(result, 'otherHandling')).toEqual([0, null, null, null, null, null, 0]);
    expect(appealsRow(result)).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Object.values(resolved(result))).toEqual([true, true, true]);
  });

  it('shuyang_2025 (OCR markdown: one mini-table per row, placeholder and wrong headers, 四 in three tables)', () => {
    const result = extract('shuyang_2025.txt');
    expect(rowValue(result, 'disclosure.licensing.decisions')).toBe(517645);
    expect(rowValue(result, 'disclosure.fees.amount')).toBe(4068.208);
    expect(applicationRow(result, 'newReceived')).toEqual([705, 3, 0, 0, 5, 0, 713]);
    expect(applicationRow(result, 'otherOverdueFee')).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(applicationRow(result, 'otherHandling')).toEqual([142, 1, 0, 0, 0, 0, 143]);
    expect(appealsRow(result)).toEqual([27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]);
  });

  it('shanghai-kewei (PDF markdown fragments: labelled rows read, value-only rows left out)', () => {
    const result = extract('shanghai-kewei_2024.txt');
    expect(rowValue(result, 'disclosure.licensing.decisions')).toBe(97);
    expect(applicationRow(result, 'newReceived')).toEqual([32, 2, 0, 0, 0, 0, 34]);
    expect(applicationRow(result, 'deniedProcessInfo')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(applicationRow(result, 'otherHandling')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(applicationRow(result, 'unableNotHeld').every((value) => value === undefined)).toBe(true);
    expect(appealsRow(result)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('shanghai-office (a table-2 row that drops a column is not read; a label fragment two rows share is not read)', () => {
    const result = extract('shanghai-office_2025.txt');
    expect(rowValue(result, 'disclosure.rules.issued')).toBeUndefined();
    expect(rowValue(result, 'disclosure.normativeDocs.inForce')).toBeUndefined();
    expect(applicationRow(result, 'newReceived')).toEqual([1259, 36, 0, 0, 0, 0, 1295]);
    expect(applicationRow(result, 'unableNotHeld')).toEqual([484, 28, 0, 0, 1, 0, 513]);
    expect(applicationRow(result, 'otherOverdueAmendment').every((value) => value === undefined)).toBe(true);
    expect(appealsRow(result)).toEqual([40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22]);
  });

  it('45 (section 二 run onto one line, cells separated by ideographic spaces)', () => {
    const result = extract('45_hebei-kjt_2022_gov2021.txt');
    expect([rowValue(result, 'disclosure.normativeDocs.issued'), rowValue(result, 'disclosure.normativeDocs.repealed'), rowValue(result, 'disclosure.normativeDocs.inForce')]).toEqual([13, 8, 49]);
    expect(rowValue(result, 'disclosure.licensing.decisions')).toBe(1153);
    expect(result.parse.cells.get('disclosure.licensing.decisions')!.layout).toBe('space-row');
  });

  it('14 and hongze (PDF text): the 15-cell 四 row and lone labelled cells, label blocks left to the column-order reader', () => {
    const huaian = extract('14_huaian_2024_pdf_pdfminer.txt');
    expect(appealsRow(huaian)).toEqual([72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
    expect(rowValue(huaian, 'disclosure.fees.amount')).toBe(96171.6);
    const hongze = extract('hongze_2024.txt');
    expect(appealsRow(hongze)).toEqual([1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]);
    expect(rowValue(hongze, 'disclosure.rules.issued')).toBeUndefined();
  });
});
