import { evaluateRule } from '../../validate/evaluateRule.ts';
import type { PlacedCell } from './placeRowValues.ts';
import { readValue } from './readValue.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';

/**
 * Whether a reading satisfies the row's rules. Blank parts add nothing (counts are non-negative, a blank is 0);
 * a blank total either is 0 too (`blankTotal` 'zero') or is one the report left out ('unknown'): a rule whose
 * total side is blank then cannot tell.
 */
export function satisfiesRules(reading: readonly PlacedCell[], row: SkeletonRow, unitOf: (fieldId: string) => string, blankTotal: 'zero' | 'unknown'): boolean {
  const values = new Map<string, number | null>();
  let unreadable = false;
  reading.forEach((cell, index) => {
    const fieldId = row.fieldIds[index]!;
    const printed = cell.kind === 'empty' ? null : readValue(cell.token.raw, unitOf(fieldId));
    if (printed === undefined) unreadable = true;
    values.set(fieldId, printed?.value ?? null);
  });
  if (unreadable) return false;
  return row.rules.every((rule) => {
    if (blankTotal === 'unknown' && rule.left.some((id) => values.get(id) === null)) return true;
    return evaluateRule(rule, (id) => values.get(id) ?? 0).outcome !== 'fail';
  });
}

/** A reading's values cell by cell, a blank as 0 (for the section's rules); undefined when a value does not read. */
export function readingValues(reading: readonly PlacedCell[], row: SkeletonRow, unitOf: (fieldId: string) => string): number[] | undefined {
  const values: number[] = [];
  for (const [index, cell] of reading.entries()) {
    if (cell.kind === 'empty') {
      values.push(0);
      continue;
    }
    const printed = readValue(cell.token.raw, unitOf(row.fieldIds[index]!));
    if (printed === undefined) return undefined;
    values.push(printed?.value ?? 0);
  }
  return values;
}
