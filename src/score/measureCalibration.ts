import type { CalibrationTable } from './CalibrationTable.ts';

/** One labelled field: its calibration bucket and whether the value read was right. */
export interface LabelledField {
  readonly bucket: string;
  readonly right: boolean;
}

/** One row of the calibration table. */
export interface CalibrationRow {
  readonly bucket: string;
  readonly fields: number;
  readonly wrong: number;
}

/** Counts fields and wrong values per bucket, in bucket order (deterministic whatever the input order). */
export function countBuckets(fields: Iterable<LabelledField>): CalibrationRow[] {
  const counts = new Map<string, { fields: number; wrong: number }>();
  for (const field of fields) {
    const count = counts.get(field.bucket) ?? { fields: 0, wrong: 0 };
    count.fields++;
    if (!field.right) count.wrong++;
    counts.set(field.bucket, count);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([bucket, count]) => ({ bucket, ...count }));
}

/** The calibration table of labelled fields, naming what they were measured on. */
export function measureCalibration(fields: Iterable<LabelledField>, sources: readonly string[]): CalibrationTable {
  const buckets: CalibrationTable['buckets'] = {};
  for (const row of countBuckets(fields)) buckets[row.bucket] = { fields: row.fields, wrong: row.wrong };
  return { sources: [...sources], buckets };
}
