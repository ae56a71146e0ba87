import { GongkaiError } from '../errors/GongkaiError.ts';
import { AMOUNT_UNIT, impossibleValue, isSignedField } from '../templates/valueBounds.ts';

/**
 * Refuses a corrected value the form cannot hold, with a message saying what it can: every value is finite and
 * at most Number.MAX_SAFE_INTEGER in size (beyond, a number no longer round-trips exactly); counts (every unit
 * but 万元) are whole numbers; only amounts (万元) take decimals; only 本年增/减 (`….change`) may be negative.
 * This is not a rule a reviewer can confirm away: such a value is wrong in any report. Throws
 * GongkaiError('bad-request').
 */
export function checkCorrectionBounds(fieldId: string, unit: string, value: number): void {
  const signed = isSignedField(fieldId);
  const amount = unit === AMOUNT_UNIT;
  const kind = `${signed ? 'a signed ' : 'a non-negative '}${amount ? 'amount (万元, decimals allowed)' : `whole number (${unit || 'count'})`}`;
  const refuse = (problem: string) =>
    new GongkaiError('bad-request', `${value} cannot be ${fieldId}: ${problem}; it takes ${kind} of at most ${Number.MAX_SAFE_INTEGER}`, {
      fieldId,
      value,
      unit,
      signed,
      decimals: amount,
      max: Number.MAX_SAFE_INTEGER,
    });
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) throw refuse('it is out of range');
  const impossible = impossibleValue(fieldId, unit, value);
  if (impossible === 'fraction') throw refuse('it is not a whole number');
  if (impossible === 'negative') throw refuse('it is negative');
}
