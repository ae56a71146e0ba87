import { readValue } from './readValue.ts';
import type { PlacedCell } from './placeRowValues.ts';
import { shortRowReadings } from './shortRowReadings.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { ValueToken } from './Token.ts';

/**
 * Whether one number alone in a row's run cannot be the row's: nonzero, and no placement of it (as printed, or split
 * when glued) satisfies the row's rules with the other cells blank.
 */
export function strayNumber(token: ValueToken, row: SkeletonRow, unitOf: (fieldId: string) => string, gluedReadings: readonly PlacedCell[][] | undefined): boolean {
  if (row.fieldIds.length < 3 || !/^\d{1,3}$/u.test(token.raw)) return false;
  const value = readValue(token.raw, unitOf(row.fieldIds[0]!))?.value;
  if (value === undefined || value === null || value === 0) return false;
  if (gluedReadings && gluedReadings.length > 0) return false;
  return shortRowReadings([{ ...token, glued: false }], row, unitOf).length === 0;
}
