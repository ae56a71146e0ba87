import { assessFields, type AssessmentInput } from '../../src/score/assessFields.ts';
import type { CalibrationLookup } from '../../src/score/CalibrationTable.ts';
import type { FieldRecord } from '../../src/record/ExtractionRecord.ts';

/**
 * A calibration for the tests of later stages (the LLM path, the review service): table cells read cleanly are
 * measured perfect (auto when nothing blocks them), every other bucket (LLM readings, doubtful readings, cells placed
 * by position in an unresolved section, blocked fields) is unmeasured (review). Close to what `npm run calibrate`
 * measures, and stable whatever it writes.
 */
export const testCalibration: CalibrationLookup = (bucket) => (/^(?:cell|count|position|split)\/clean\//u.test(bucket) && !bucket.includes('/unresolved-') ? { fields: 1_000_000, wrong: 0 } : undefined);

/** assessFields with testCalibration. */
export function assessForTests(input: AssessmentInput): FieldRecord[] {
  return assessFields({ ...input, calibration: testCalibration });
}
