import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWildGold } from '../../../test/support/goldRecord.ts';
import { compareWithGold } from '../../eval/compareWithGold.ts';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import type { ExtractionRecord } from '../../record/ExtractionRecord.ts';
import { resolveAgencyKey } from '../agency/resolveAgencyKey.ts';
import { crossYearPass } from './crossYearPass.ts';

// The wild agencies with consecutive years: 平潭 2019–2025, 河北省教育厅 2018–2023 (2018, 2019, 2021, 2023 held),
// 河北省工信厅 2022–2023. Extracted as the pipeline does today, then the cross-year pass as the product runs it.
const FILES = [
  '02_pingtan_2019_flat', '03_pingtan_2020_flat', '04_pingtan_2021_flat', '05_pingtan_2022_flat', '06_pingtan_2023_flat',
  '11_pingtan_2024_flat', '12_pingtan_2025_flat',
  '30_hebei-jyt_2018_gov2014', '40_hebei-jyt_2019_gov2019', '41_hebei-jyt_2021_gov2021', '42_hebei-jyt_2023_gov2021',
  '43_hebei-gxt_2022_gov2021', '44_hebei-gxt_2023_gov2021',
];
const gold = new Map(readWildGold().map((entry) => [entry.document, entry]));
const wildDirectory = new URL('../../../test/fixtures/wild/', import.meta.url);

/** Auto values the gold contradicts (as the evaluation counts them: a proven 0 over a printed blank is right), as `document field`. */
function wrongAutos(records: readonly ExtractionRecord[]): string[] {
  return records.flatMap((record) => compareWithGold(record, gold.get(record.document)!).wrongAuto.map((miss) => `${record.document} ${miss.field}`));
}

describe('cross-year pass on the wild agencies with consecutive years', () => {
  const records = FILES.map((file) => extractDocument({ name: `${file}.txt`, bytes: readFileSync(new URL(`${file}.txt`, wildDirectory)) }).record);
  const { records: after, figures } = crossYearPass(records, (record) => resolveAgencyKey(record.meta.agency, []).key);

  it('checks the chains, settles the runs only a neighbouring year settles, and makes no wrong auto value', () => {
    const settled = after.flatMap((record) => record.fields
      .filter((field) => field.findings?.some((finding) => finding.kind === 'cross-year-settled'))
      .map((field) => ({ record, field })));
    const confirmedByGold = settled.filter(({ record, field }) => gold.get(record.document)!.fields[field.id] === field.value).length;
    const broken = after.flatMap((record) => record.fields.flatMap((field) => (field.findings ?? []).filter((finding) => finding.kind === 'cross-year-broken')));
    // The figures of the closing note of issue 12.
    console.log(JSON.stringify({
      ...figures,
      settledAuto: settled.filter(({ field }) => field.status === 'auto').length,
      settledConfirmedByGold: confirmedByGold,
      brokenWarningsOnFields: broken.length,
      wrongAutoBefore: wrongAutos(records).length,
      wrongAutoAfter: wrongAutos(after).length,
    }));
    expect(wrongAutos(after)).toEqual([]);
    expect(figures.chainsChecked).toBeGreaterThan(20);
    expect(figures.rowsSettled).toBeGreaterThanOrEqual(6);
    for (const { field } of settled) expect(field.method).toBe('table');
    // Every settled value the gold knows is right.
    for (const { record, field } of settled) {
      const truth = gold.get(record.document)!.fields[field.id];
      if (truth !== undefined) expect(field.value, `${record.document} ${field.id}`).toBe(truth);
    }
  });

  it('shows a broken chain on both documents, as typed findings naming the other report', () => {
    // The wild chains all hold: break one (工信厅 2023's 上年结转 of natural persons one more than 2022 carried forward).
    const later = after.find((record) => record.document.startsWith('44_'))!;
    const carried = later.fields.find((field) => field.id === 'applications.carriedOver.naturalPerson')!;
    const tampered = after.map((record) => (record === later
      ? { ...record, fields: record.fields.map((field) => (field === carried ? { ...field, value: (field.value ?? 0) + 1 } : field)) }
      : record));
    const { records: warned, figures: tamperedFigures } = crossYearPass(tampered, (record) => resolveAgencyKey(record.meta.agency, []).key);
    expect(tamperedFigures.chainsBroken).toBeGreaterThanOrEqual(1);
    const broken = warned.flatMap((record) => record.fields.flatMap((field) => (field.findings ?? [])
      .filter((finding) => finding.kind === 'cross-year-broken').map((finding) => ({ record, field, finding }))));
    expect(broken.map(({ record, field }) => `${record.document.slice(0, 2)} ${field.id}`).sort()).toEqual(
      expect.arrayContaining(['43 applications.carriedForward.naturalPerson', '44 applications.carriedOver.naturalPerson']),
    );
    for (const { record, field, finding } of broken) {
      expect(finding).toMatchObject({ years: [2022, 2023] });
      expect(field.issues.some((issue) => issue.startsWith('cross-year warning: carry.'))).toBe(true);
      const other = warned.find((candidate) => candidate.sha256 === (finding as { otherSha256: string }).otherSha256)!;
      expect(other.fields.some((mirror) => mirror.findings?.some((candidate) => candidate.kind === 'cross-year-broken' && candidate.otherSha256 === record.sha256))).toBe(true);
    }
    // Warnings do not hold a field: its status is the one it had.
    const warnedCarried = warned.find((record) => record.sha256 === later.sha256)!.fields.find((field) => field.id === carried.id)!;
    expect(warnedCarried.status).toBe(carried.status);
  });

  it('is idempotent: a second pass changes nothing', () => {
    expect(crossYearPass(after, (record) => resolveAgencyKey(record.meta.agency, []).key).records).toEqual(after);
  });
});
