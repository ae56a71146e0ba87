import { z } from 'zod';
import committed from './calibration.json' with { type: 'json' };

/** Fields of one bucket measured on one labelled set, and how many of them were wrong. */
export const bucketPartSchema = z.object({
  fields: z.number().int().nonnegative(),
  wrong: z.number().int().nonnegative(),
});

/**
 * Fields measured in one bucket and how many of them were wrong; with `parts`, the same per labelled set, in the
 * order of the table's `sources`.
 */
export const bucketMeasureSchema = bucketPartSchema.extend({
  parts: z.array(bucketPartSchema).optional(),
});
/** Fields measured in one bucket and how many of them were wrong. */
export type BucketMeasure = z.infer<typeof bucketMeasureSchema>;

/** The committed calibration data: bucket → measure, and what it was measured on. */
export const calibrationTableSchema = z.object({
  /** What the measure was taken on (sets, seeds, variant counts), for the reader. */
  sources: z.array(z.string()),
  buckets: z.record(z.string(), bucketMeasureSchema),
});
/** The committed calibration data. */
export type CalibrationTable = z.infer<typeof calibrationTableSchema>;

/** Looks a bucket's measure up (undefined: never measured). */
export type CalibrationLookup = (bucket: string) => BucketMeasure | undefined;

/** The most a bucket's measured error rate (its upper confidence bound) may be for its fields to be `auto`. */
export const MAX_AUTO_ERROR = 0.001;

/** One-sided 95% normal quantile for the Wilson upper bound. */
const Z = 1.6448536269514722;

/**
 * Upper bound of a bucket's error rate: the one-sided 95% Wilson score bound. With 0 wrong it is z²/(n + z²),
 * so a bucket needs about 2,700 fields and none wrong to go below 1 in 1,000; an unmeasured bucket is 1.
 * Pooling hides a labelled set on which the bucket errs more: the calibration's simulated PDF reading order adds
 * tens of thousands of clean fields to a bucket whose cells real `pdftotext` output gets wrong one time in a hundred.
 * So the bound is never below the lower bound of any one set's rate: a set that shows the bucket worse than the bar,
 * beyond chance, keeps it from `auto` whatever the others add.
 */
export function upperErrorBound(measure: MeasureLike | undefined): number {
  if (!measure || measure.fields === 0) return 1;
  const pooled = wilsonBound(measure, 1);
  return Math.max(pooled, ...(measure.parts ?? []).map((part) => (part.fields === 0 ? 0 : wilsonBound(part, -1))));
}

/** A bucket's measure as the bound reads it (a BucketMeasure, or a row being counted). */
interface MeasureLike {
  readonly fields: number;
  readonly wrong: number;
  readonly parts?: readonly { readonly fields: number; readonly wrong: number }[] | undefined;
}

/** The one-sided 95% Wilson score bound of an error rate: upper (side 1) or lower (side −1). */
function wilsonBound(measure: { readonly fields: number; readonly wrong: number }, side: 1 | -1): number {
  const n = measure.fields;
  const p = Math.min(1, measure.wrong / n);
  const z2 = Z * Z;
  const centre = p + z2 / (2 * n);
  const spread = Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.min(1, Math.max(0, (centre + side * spread) / (1 + z2 / n)));
}

/** The calibration committed with the code (src/score/calibration.json, written by `npm run calibrate`). */
export const committedCalibration: CalibrationTable = calibrationTableSchema.parse(committed);

/** A lookup over a calibration table. */
export function lookupIn(table: CalibrationTable): CalibrationLookup {
  // A Map, not the parsed object: every field of every document asks, and a bucket name is never read as one of
  // Object.prototype's keys.
  const buckets = new Map(Object.entries(table.buckets));
  return (bucket) => buckets.get(bucket);
}
