import type { CrossYearRule, CrossYearTerm } from './crossYearRules.ts';

/** Why a term has no number: printed blank, unread (or unsettled), or rejected. */
export type MissingWhy = 'blank' | 'not-read' | 'rejected';

/** A term's value: a number, or why there is none. */
export type TermValue = { readonly value: number } | { readonly value: null; readonly why: MissingWhy };

/** The outcome of a cross-year rule on one pair of reports. */
export interface CrossYearEvaluation {
  readonly outcome: 'holds' | 'breaks' | 'unchecked';
  readonly leftSum: number | null;
  readonly rightSum: number | null;
  readonly missing: readonly { readonly year: 'earlier' | 'later'; readonly fieldId: string; readonly why: MissingWhy }[];
}

/** Tolerance for amounts with decimals. */
const EPSILON = 1e-6;

/**
 * Evaluates a cross-year rule on values looked up per term. A blank is never taken as 0: the rule is then
 * `unchecked` (a blank the rules proved 0 arrives as the number 0).
 */
export function evaluateCrossYearRule(rule: CrossYearRule, valueOf: (term: CrossYearTerm) => TermValue): CrossYearEvaluation {
  const missing: { year: 'earlier' | 'later'; fieldId: string; why: MissingWhy }[] = [];
  const sum = (terms: readonly CrossYearTerm[]): number => {
    let total = 0;
    for (const term of terms) {
      const found = valueOf(term);
      if (found.value === null) missing.push({ year: term.year, fieldId: term.fieldId, why: found.why });
      else total += term.sign * found.value;
    }
    return total;
  };
  const leftSum = sum(rule.left);
  const rightSum = sum(rule.right);
  if (missing.length > 0) return { outcome: 'unchecked', leftSum: null, rightSum: null, missing };
  return { outcome: Math.abs(leftSum - rightSum) <= EPSILON ? 'holds' : 'breaks', leftSum, rightSum, missing };
}
