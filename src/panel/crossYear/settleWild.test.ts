import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWildGold } from '../../../test/support/goldRecord.ts';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import type { ExtractionRecord } from '../../record/ExtractionRecord.ts';
import { resolveAgencyKey } from '../agency/resolveAgencyKey.ts';
import { ambiguousRowsOf } from './ambiguousRowsOf.ts';
import { settleByNeighbour, type RowSettlement } from './settleByNeighbour.ts';

// The wild reports of agencies with consecutive years on the new forms, extracted as the pipeline does today.
const FILES = [
  '02_pingtan_2019_flat', '03_pingtan_2020_flat', '04_pingtan_2021_flat', '05_pingtan_2022_flat', '06_pingtan_2023_flat',
  '11_pingtan_2024_flat', '12_pingtan_2025_flat', '43_hebei-gxt_2022_gov2021', '44_hebei-gxt_2023_gov2021',
];
const gold = new Map(readWildGold().map((entry) => [entry.document, entry]));
const wildDirectory = new URL('../../../test/fixtures/wild/', import.meta.url);

describe('settleByNeighbour on the extracted wild reports', () => {
  const records = FILES.map((file) => extractDocument({ name: `${file}.txt`, bytes: readFileSync(new URL(`${file}.txt`, wildDirectory)) }).record);
  const byAgency = new Map<string, ExtractionRecord[]>();
  for (const record of records) {
    const key = resolveAgencyKey(record.meta.agency, []).key!;
    byAgency.set(key, [...(byAgency.get(key) ?? []), record]);
  }
  const results: { record: ExtractionRecord; settlement: RowSettlement }[] = [];
  for (const group of byAgency.values()) {
    for (const record of group) {
      const neighbours = group.filter((other) => other !== record).map((other) => ({ record: other, rows: ambiguousRowsOf(other) }));
      for (const settlement of settleByNeighbour({ record, rows: ambiguousRowsOf(record) }, neighbours)) results.push({ record, settlement });
    }
  }
  const outcome = (year: number, agency: string, firstField: string) =>
    results.find(({ record, settlement }) => record.meta.year === year && record.meta.agency === agency && settlement.fieldIds[0] === firstField)?.settlement;

  it('groups the reports by agency: 平潭 2019–2025 and 河北省工信厅 2022–2023', () => {
    expect([...byAgency.keys()].sort()).toEqual(['平潭综合实验区', '河北省工业和信息化厅']);
  });

  it('never settles a value the gold contradicts', () => {
    let checked = 0;
    for (const { record, settlement } of results) {
      for (const { fieldId, value } of settlement.values) {
        const truth = gold.get(record.document)!.fields[fieldId];
        if (truth === undefined) continue;
        expect(value, `${record.document} ${fieldId}`).toBe(truth);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it('settles the glued runs only a neighbouring year can settle', () => {
    expect(outcome(2022, '河北省工业和信息化厅', 'disclosure.normativeDocs.issued')).toMatchObject({ outcome: 'settled', chosen: [5, 4, 26] });
    expect(outcome(2023, '河北省工业和信息化厅', 'disclosure.normativeDocs.issued')).toMatchObject({ outcome: 'settled', chosen: [1, 1, 26] });
    expect(outcome(2022, '平潭综合实验区', 'disclosure.normativeDocs.issued')).toMatchObject({ outcome: 'settled', chosen: [88, 55, 698] });
    expect(outcome(2021, '平潭综合实验区', 'disclosure.normativeDocs.issued')).toMatchObject({ outcome: 'partly-settled', values: [{ fieldId: 'disclosure.normativeDocs.inForce', value: 665 }] });
    for (const row of ['licensing', 'otherServices', 'penalties']) {
      expect(outcome(2019, '平潭综合实验区', `disclosure.${row}.prevYearItems`)!.outcome, row).toBe('settled');
    }
    for (const year of [2023, 2024, 2025]) expect(outcome(year, '平潭综合实验区', 'disclosure.normativeDocs.issued')!.outcome).toBe('contradicted');
  });
});
