import type { CalibrationTable } from './CalibrationTable.ts';

/** One labelled field: its calibration bucket, whether the value read was right, and the set it came from. */
export interface LabelledField {
  readonly bucket: string;
  readonly right: boolean;
  /** Index of its labelled set among the calibration's sources (0 when there is one). */
  readonly source?: number;
  /** Where a wrong one was found (document, field, value read and value due), to look the error up. */
  readonly example?: string;
}

/** Fields and wrong values of one bucket on one labelled set. */
export interface CalibrationPart {
  readonly fields: number;
  readonly wrong: number;
}

/** One row of the calibration table; with `parts`, the same per labelled set (by source index). */
export interface CalibrationRow {
  readonly bucket: string;
  readonly fields: number;
  readonly wrong: number;
  readonly parts?: readonly CalibrationPart[];
  /** The first wrong fields' examples (LabelledField.example), a few per bucket. */
  readonly examples?: readonly string[];
}

/** Wrong fields kept as examples per bucket: enough to see whether they share a cause. */
const EXAMPLES_PER_BUCKET = 5;

/**
 * Counts fields and wrong values per bucket, in bucket order (deterministic whatever the input order); with
 * `sourceCount` above 1, per labelled set too.
 */
export function countBuckets(fields: Iterable<LabelledField>, sourceCount = 1): CalibrationRow[] {
  const counts = new Map<string, { fields: number; wrong: number; parts: { fields: number; wrong: number }[]; examples: string[] }>();
  for (const field of fields) {
    let count = counts.get(field.bucket);
    if (!count) {
      count = { fields: 0, wrong: 0, parts: Array.from({ length: sourceCount }, () => ({ fields: 0, wrong: 0 })), examples: [] };
      counts.set(field.bucket, count);
    }
    const part = count.parts[field.source ?? 0];
    count.fields++;
    if (part) part.fields++;
    if (!field.right) {
      count.wrong++;
      if (part) part.wrong++;
      if (field.example !== undefined && count.examples.length < EXAMPLES_PER_BUCKET) count.examples.push(field.example);
    }
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([bucket, { fields, wrong, parts, examples }]) => ({
    bucket, fields, wrong, ...(sourceCount > 1 ? { parts } : {}), ...(examples.length > 0 ? { examples } : {}),
  }));
}

/** The calibration table of counted rows, naming what they were measured on (`parts` in the order of `sources`). */
export function calibrationTable(rows: readonly CalibrationRow[], sources: readonly string[]): CalibrationTable {
  const buckets: CalibrationTable['buckets'] = {};
  for (const row of rows) buckets[row.bucket] = { fields: row.fields, wrong: row.wrong, ...(row.parts ? { parts: row.parts.map((part) => ({ ...part })) } : {}) };
  return { sources: [...sources], buckets };
}

/** The calibration table of labelled fields, naming what they were measured on. */
export function measureCalibration(fields: Iterable<LabelledField>, sources: readonly string[]): CalibrationTable {
  return calibrationTable(countBuckets(fields, sources.length), sources);
}

/**
 * Adds up rows counted on disjoint shares of the labelled fields (one per calibration worker), in bucket order: the
 * sum is the count of the whole, whatever the shares.
 */
export function mergeRows(shares: readonly (readonly CalibrationRow[])[]): CalibrationRow[] {
  const merged = new Map<string, { fields: number; wrong: number; parts?: CalibrationPart[]; examples?: string[] }>();
  for (const rows of shares) {
    for (const row of rows) {
      const into = merged.get(row.bucket) ?? { fields: 0, wrong: 0, ...(row.parts ? { parts: row.parts.map(() => ({ fields: 0, wrong: 0 })) } : {}) };
      into.fields += row.fields;
      into.wrong += row.wrong;
      for (const example of row.examples ?? []) if ((into.examples ??= []).length < EXAMPLES_PER_BUCKET) into.examples.push(example);
      row.parts?.forEach((part, index) => {
        const total = into.parts?.[index];
        if (total) into.parts![index] = { fields: total.fields + part.fields, wrong: total.wrong + part.wrong };
      });
      merged.set(row.bucket, into);
    }
  }
  return [...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([bucket, row]) => ({ bucket, ...row }));
}
