import { readFileSync } from 'node:fs';
import { applicantColumns, appealGroups } from '../../../templates/newFormatRules.ts';
import { MappedText } from '../../../text/MappedText.ts';
import type { CellReading, ParseResult } from '../../ParseResult.ts';

/** Helpers shared by the tests of the section parsers (glued, column order). */

const wildDirectory = new URL('../../../../test/fixtures/wild/', import.meta.url);

/** Test helper: a report of test/fixtures/wild as an identity-mapped text. */
export function wild(name: string): MappedText {
  return MappedText.identity(readFileSync(new URL(name, wildDirectory), 'utf8'));
}

/** Test helper: the cell read for a field; throws when there is none. */
export function read(result: ParseResult | null, fieldId: string): CellReading {
  const cell = result?.cells.get(fieldId);
  if (!cell) throw new Error(`no cell for ${fieldId}`);
  return cell;
}

/** Test helper: the values read for the fields, null where no cell was read and '?' where the cell is ambiguous. */
export function valuesOf(result: ParseResult | null, fieldIds: readonly string[]): (number | null | '?')[] {
  return fieldIds.map((fieldId) => {
    const cell = result?.cells.get(fieldId);
    if (!cell) return null;
    return cell.ambiguous ? '?' : cell.value;
  });
}

/** Test helper: the field ids of one row of the applications table (section 三), by row key, in column order. */
export function applicationRow(key: string): string[] {
  return applicantColumns.map((column) => `applications.${key}.${column}`);
}

/** Test helper: the 15 field ids of section 四 (reconsideration, then the two litigation groups), in printed order. */
export const appealFields: readonly string[] = appealGroups.flatMap((group) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((part) => `${group}.${part}`),
);
