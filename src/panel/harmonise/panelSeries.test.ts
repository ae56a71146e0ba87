import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWildGold, recordFromGold } from '../../../test/support/goldRecord.ts';
import { readGoldFile } from '../../eval/goldFile.ts';
import { resolveAgencyKey } from '../agency/resolveAgencyKey.ts';
import { harmonise } from './harmonise.ts';
import { panelSeries } from './panelSeries.ts';

const seedDirectory = new URL('../../../test/fixtures/gold/', import.meta.url);
const seeds = readdirSync(seedDirectory).filter((name) => name.endsWith('.json')).map((name) => readGoldFile(new URL(name, seedDirectory)));
const records = [...readWildGold(), ...seeds].map(recordFromGold);
const panel = harmonise(records, { agencyKeyOf: (record) => resolveAgencyKey(record.meta.agency, []).key });

describe('the panel of the wild set and the seeds (gold values)', () => {
  it('places every document with a form, a year and an agency', () => {
    const placed = new Set(panel.rows.map((row) => row.provenance.sha256));
    for (const record of records) {
      const placeable = record.template !== 'unknown' && record.meta.year !== null && resolveAgencyKey(record.meta.agency, []).key !== null;
      expect(placed.has(record.sha256), record.document).toBe(placeable);
    }
    expect(panel.unplaced.length + placed.size).toBe(records.length);
  });

  it('gives every value as the sum of its settled source fields', () => {
    for (const row of panel.rows) {
      if (row.value === null) continue;
      const sum = row.provenance.fields.reduce((total, field) => total + field.value!, 0);
      expect(row.value, `${row.provenance.document} ${row.indicatorId}`).toBeCloseTo(sum, 6);
      expect(row.provenance.fields.map((field) => field.id)).toEqual(row.sourceFields);
    }
  });
});

describe('panelSeries', () => {
  it('draws 平潭综合实验区 applications received 2019–2025 across the change of form', () => {
    const [series, ...others] = panelSeries(panel.rows, 'applications.received', '平潭综合实验区');
    expect(others).toEqual([]);
    expect(series!.points.map((point) => [point.year, point.value, point.form])).toEqual([
      [2019, 23, 'gov-2019'], [2020, 21, 'gov-2019'], [2021, 70, 'gov-2021'], [2022, 74, 'gov-2021'],
      [2023, 81, 'gov-2021'], [2024, 218, 'gov-2021'], [2025, 154, 'gov-2021'],
    ]);
  });

  it('gives one series per agency, keeps blanks as gaps with their reason', () => {
    const all = panelSeries(panel.rows, 'applications.carriedOver');
    expect(new Set(all.map((series) => series.agencyKey)).size).toBe(all.length);
    const hebei = all.find((series) => series.agencyKey === '河北省教育厅')!;
    expect(hebei.points.map((point) => [point.year, point.value, point.blankReason?.kind ?? null])).toEqual([
      [2019, 0, null], [2021, null, 'printed-blank'], [2023, 0, null],
    ]);
  });
});
