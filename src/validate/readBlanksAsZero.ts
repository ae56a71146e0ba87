import type { RuleDefinition } from '../templates/TemplateDefinition.ts';

/** Tolerance for amounts with decimals (万元 with six decimals). */
const EPSILON = 1e-6;

/**
 * What a hard `equal` rule says about its blank (null) cells when they are taken as 0.
 * - `forced-zero`: the rule holds with every blank as 0 and no other reading fits (the blanks all sit on one
 *   side, whose filled cells already balance the other side; counts are never negative, so each blank must be 0).
 * - `holds-unforced`: the rule holds with blanks as 0, but other readings fit too (blanks on both sides, or
 *   every cell blank): nothing to propose, nothing to flag.
 * - `contradicted`: the rule fails even with blanks as 0 (a blank total next to filled parts, or parts that
 *   cannot reach the printed total): the table is inconsistent as printed or misread.
 * - `not-applicable`: the rule has no blank, has an unread cell, or is not a hard `equal` rule.
 */
export interface BlankReading {
  readonly outcome: 'forced-zero' | 'holds-unforced' | 'contradicted' | 'not-applicable';
  /** Blank field ids of the rule (the ones proposed as 0 when `forced-zero`). */
  readonly blanks: readonly string[];
  /** Sums with blanks taken as 0 (null when not applicable). */
  readonly leftSum: number | null;
  readonly rightSum: number | null;
}

/**
 * Reads a hard sum rule with its blank cells taken as 0. `valueOf` returns a number, null for a cell printed
 * blank, or undefined for a cell the parser did not find (an unread cell is never taken as 0).
 */
export function readBlanksAsZero(rule: RuleDefinition, valueOf: (fieldId: string) => number | null | undefined): BlankReading {
  const notApplicable: BlankReading = { outcome: 'not-applicable', blanks: [], leftSum: null, rightSum: null };
  if (rule.kind !== 'equal' || rule.severity !== 'hard') return notApplicable;
  const side = (ids: readonly string[]) => {
    let sum = 0;
    let filled = 0;
    const blanks: string[] = [];
    let unread = false;
    for (const id of ids) {
      const value = valueOf(id);
      if (value === undefined) unread = true;
      else if (value === null) blanks.push(id);
      else {
        sum += value;
        filled++;
      }
    }
    return { sum, filled, blanks, unread };
  };
  const left = side(rule.left);
  const right = side(rule.right);
  const blanks = [...left.blanks, ...right.blanks];
  if (left.unread || right.unread || blanks.length === 0) return notApplicable;
  const holds = Math.abs(left.sum - right.sum) <= EPSILON;
  if (!holds) return { outcome: 'contradicted', blanks, leftSum: left.sum, rightSum: right.sum };
  const oneSided = left.blanks.length === 0 || right.blanks.length === 0;
  // With every cell blank there is nothing the blanks could be forced by: the block is simply not filled in.
  const anyFilled = left.filled + right.filled > 0;
  const outcome = oneSided && anyFilled ? 'forced-zero' : 'holds-unforced';
  return { outcome, blanks, leftSum: left.sum, rightSum: right.sum };
}
