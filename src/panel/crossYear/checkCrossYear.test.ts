import { describe, expect, it } from 'vitest';
import { readWildGold, recordFromGold, withFields } from '../../../test/support/goldRecord.ts';
import type { ExtractionRecord } from '../../record/ExtractionRecord.ts';
import { resolveAgencyKey } from '../agency/resolveAgencyKey.ts';
import { checkCrossYear, type CrossYearFinding } from './checkCrossYear.ts';
import { crossYearWarnings } from './crossYearWarnings.ts';

const records = readWildGold().map(recordFromGold);
const byAgency = new Map<string, ExtractionRecord[]>();
for (const record of records) {
  const key = resolveAgencyKey(record.meta.agency, []).key;
  if (key !== null) byAgency.set(key, [...(byAgency.get(key) ?? []), record]);
}
const summary = (findings: readonly CrossYearFinding[]) =>
  findings.map((finding) => `${finding.earlier.year}→${finding.later.year} ${finding.ruleId} ${finding.outcome}`);

describe('checkCrossYear on the wild gold (per-document true values)', () => {
  it('平潭综合实验区 2019–2025: every chain that can be checked holds', () => {
    const findings = checkCrossYear(byAgency.get('平潭综合实验区')!);
    expect(findings.filter((finding) => finding.outcome === 'breaks')).toEqual([]);
    const pairs = [...new Set(findings.map((finding) => `${finding.earlier.year}→${finding.later.year}`))];
    expect(pairs).toEqual(['2019→2020', '2020→2021', '2021→2022', '2022→2023', '2023→2024', '2024→2025']);
    // 2019→2020 is within the 2019 form: carry-over and the item counts; 2020→2021 crosses forms: carry-over only.
    expect(summary(findings.filter((finding) => finding.earlier.year === 2019 && finding.ruleId.startsWith('prevYearItems')))).toEqual([
      '2019→2020 prevYearItems.licensing holds', '2019→2020 prevYearItems.otherServices holds', '2019→2020 prevYearItems.penalties holds',
      '2019→2020 prevYearItems.enforcement unchecked', '2019→2020 prevYearItems.fees holds',
    ]);
    expect(findings.filter((finding) => finding.earlier.year === 2020).map((finding) => finding.ruleId.split('.')[0])).toEqual(Array(7).fill('carry'));
    expect(summary(findings.filter((finding) => finding.ruleId === 'inForce.normativeDocs'))).toEqual([
      '2021→2022 inForce.normativeDocs holds', '2022→2023 inForce.normativeDocs unchecked',
      '2023→2024 inForce.normativeDocs unchecked', '2024→2025 inForce.normativeDocs unchecked',
    ]);
    expect(findings.find((finding) => finding.earlier.year === 2021 && finding.ruleId === 'inForce.normativeDocs')).toMatchObject({ leftSum: 698, rightSum: 698 });
  });

  it('河北省工业和信息化厅 2022–2023 and 洪泽区人民政府 2023–2024 hold; 河北省教育厅 has no consecutive pair', () => {
    for (const key of ['河北省工业和信息化厅', '洪泽区人民政府']) {
      const findings = checkCrossYear(byAgency.get(key)!);
      expect(findings).toHaveLength(9);
      expect(findings.every((finding) => finding.outcome === 'holds'), key).toBe(true);
    }
    expect(byAgency.get('河北省教育厅')!.map((record) => record.meta.year)).toEqual([2018, 2019, 2021, 2023]);
    expect(checkCrossYear(byAgency.get('河北省教育厅')!)).toEqual([]);
  });
});

describe('crossYearWarnings', () => {
  it('puts a broken chain on both documents with the rule, the years, each side’s fields and the numbers', () => {
    const [earlier, later] = byAgency.get('河北省工业和信息化厅')!;
    const broken = withFields(later!, { 'applications.carriedOver.total': { value: 3, raw: '3' } });
    const findings = checkCrossYear([earlier!, broken]);
    expect(findings.find((finding) => finding.ruleId === 'carry.total')).toMatchObject({ outcome: 'breaks', leftSum: 3, rightSum: 0 });
    const warnings = crossYearWarnings(findings);
    expect(warnings.get(earlier!.sha256)).toEqual([expect.objectContaining({
      ruleId: 'carry.total', years: [2022, 2023], fieldIds: ['applications.carriedForward.total'], otherSha256: broken.sha256, leftSum: 3, rightSum: 0,
    })]);
    expect(warnings.get(broken.sha256)![0]!.fieldIds).toEqual(['applications.carriedOver.total']);
    expect(warnings.get(broken.sha256)![0]!.message).toBe(
      'cross-year warning carry.total: applications.carriedOver.total (2023) = applications.carriedForward.total (2022) (3 ≠ 0)');
  });

  it('never takes a blank as 0, and gives no warning for an unchecked chain', () => {
    const [earlier, later] = byAgency.get('河北省工业和信息化厅')!;
    const blank = withFields(later!, { 'applications.carriedOver.total': { value: null, raw: '' } });
    const finding = checkCrossYear([earlier!, blank]).find((candidate) => candidate.ruleId === 'carry.total')!;
    expect(finding).toMatchObject({ outcome: 'unchecked', missing: [{ year: 'later', fieldId: 'applications.carriedOver.total', why: 'blank' }] });
    expect(crossYearWarnings([finding]).size).toBe(0);
  });
});
