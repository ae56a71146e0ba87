import type { CellReading } from '../parse/ParseResult.ts';
import type { RuleDefinition } from '../templates/TemplateDefinition.ts';

/** A span of the decoded text. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** Most digits cut from a value's edge: a page number of one or two digits. */
const MAX_CUT_DIGITS = 2;

/**
 * Digits at the edge of one value whose cutting makes a failing equality hold ("243" in a sum short by 219: 24 with
 * page 3 run into it, "…告知作出更改补充数件243 8.告知…"): a page number run into a value, perhaps. Each such cut is
 * returned as the span of the digits cut off (for findPageNumbers: the pages around it may be run into values too,
 * where no rule shows it). Only values of two digits or more whose cut leaves a number; one rule may give several
 * spans (any cell's cut that holds it).
 */
export function digitsExplainingFailures(
  failedRules: readonly RuleDefinition[],
  valueOf: (fieldId: string) => number | null | undefined,
  cells: ReadonlyMap<string, CellReading>,
  decodedText: string,
): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const rule of failedRules) {
    if (rule.kind !== 'equal') continue;
    const sum = (fieldIds: readonly string[]) => fieldIds.reduce((total, fieldId) => total + (valueOf(fieldId) ?? 0), 0);
    const difference = sum(rule.left) - sum(rule.right);
    for (const [side, fieldIds] of [[1, rule.left], [-1, rule.right]] as const) {
      for (const fieldId of fieldIds) {
        const cell = cells.get(fieldId);
        const value = valueOf(fieldId);
        if (!cell || value === null || value === undefined || !Number.isInteger(value)) continue;
        const digitAt = digitPositions(decodedText, cell.start, cell.end);
        const digits = digitAt.map((at) => foldDigit(decodedText[at]!)).join('');
        if (digits.length < 2 || Number(digits) !== value) continue;
        for (let cut = 1; cut <= Math.min(MAX_CUT_DIGITS, digits.length - 1); cut++) {
          // The rule holds with the value cut to `rest` when the difference is what the cut takes away on its side.
          const holdsWith = (rest: number) => difference - side * (value - rest) === 0;
          if (holdsWith(Number(digits.slice(cut)))) spans.push({ start: digitAt[0]!, end: digitAt[cut - 1]! + 1 });
          if (holdsWith(Number(digits.slice(0, -cut)))) spans.push({ start: digitAt[digits.length - cut]!, end: digitAt[digits.length - 1]! + 1 });
        }
      }
    }
  }
  return spans;
}

/** A full-width digit as ASCII. */
function foldDigit(character: string): string {
  const code = character.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String(code - 0xff10) : character;
}

/** The positions of the digits (ASCII or full-width) in text[start, end). */
function digitPositions(text: string, start: number, end: number): number[] {
  const positions: number[] = [];
  for (let at = start; at < end; at++) if (/[0-9０-９]/u.test(text[at]!)) positions.push(at);
  return positions;
}
