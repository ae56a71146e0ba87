import type { FieldSignals } from './FieldSignals.ts';
import { bucketKey } from './bucketKey.ts';
import { MAX_AUTO_ERROR, upperErrorBound, type CalibrationLookup } from './CalibrationTable.ts';

/** A field's calibrated confidence, its bucket, and whether it may be committed without a person. */
export interface FieldScore {
  readonly bucket: string;
  /** 1 − the bucket's measured upper error bound (0 for a bucket never measured). */
  readonly confidence: number;
  /** Nothing blocks the field and its bucket was measured below 1 wrong in 1,000 (upper bound). */
  readonly auto: boolean;
}

/**
 * Confidence from measurement, not from hand-set numbers: the field's signals give its bucket, the calibration
 * gives the bucket's error rate measured on labelled data, and confidence is 1 − the upper bound of that rate.
 */
export function scoreField(signals: FieldSignals, calibration: CalibrationLookup): FieldScore {
  const bucket = bucketKey(signals);
  const upper = upperErrorBound(calibration(bucket));
  return {
    bucket,
    confidence: Math.round((1 - upper) * 100000) / 100000,
    auto: signals.blockers.length === 0 && upper < MAX_AUTO_ERROR,
  };
}
