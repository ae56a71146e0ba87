/** The unit of amounts (the only values with decimals). */
export const AMOUNT_UNIT = '万元';
/** Field ids of 本年增/减 (this year's increase or decrease): the only signed values. */
const SIGNED_FIELD = /\.change$/u;

/** Why a value cannot stand in a field of the forms: a count or amount below 0, a count with decimals. */
export type ImpossibleValue = 'negative' | 'fraction';

/** Whether the field takes signed values (only 本年增/减). */
export function isSignedField(fieldId: string): boolean {
  return SIGNED_FIELD.test(fieldId);
}

/**
 * What makes a value impossible in a field, or null: only 本年增/减 (`….change`) may be negative, and only amounts
 * (万元) take decimals. Such a value is wrong in any report (a sign read from a page marker's dash, say).
 */
export function impossibleValue(fieldId: string, unit: string, value: number): ImpossibleValue | null {
  if (unit !== AMOUNT_UNIT && !Number.isInteger(value)) return 'fraction';
  if (value < 0 && !isSignedField(fieldId)) return 'negative';
  return null;
}
