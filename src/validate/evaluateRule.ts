import type { RuleDefinition } from '../templates/TemplateDefinition.ts';

/** The outcome of one rule on one set of values. */
export interface RuleEvaluation {
  readonly rule: RuleDefinition;
  /** `pass`, `fail`, or `incomplete` when a value the rule needs is missing (null or unread). */
  readonly outcome: 'pass' | 'fail' | 'incomplete';
  readonly leftSum: number | null;
  readonly rightSum: number | null;
  /** Field ids whose value is null or unread. */
  readonly missing: readonly string[];
}

/** Tolerance for amounts with decimals (万元 with six decimals). */
const EPSILON = 1e-6;

/**
 * Evaluates a rule on values looked up by field id. A null value is never taken as 0 here: the rule is then
 * `incomplete`, and the caller decides what a blank means.
 */
export function evaluateRule(rule: RuleDefinition, valueOf: (fieldId: string) => number | null | undefined): RuleEvaluation {
  const missing: string[] = [];
  const sum = (ids: readonly string[]): number => {
    let total = 0;
    for (const id of ids) {
      const value = valueOf(id);
      if (value === null || value === undefined) missing.push(id);
      else total += value;
    }
    return total;
  };
  const leftSum = sum(rule.left);
  const rightSum = sum(rule.right);
  if (missing.length > 0) return { rule, outcome: 'incomplete', leftSum: null, rightSum: null, missing };
  const holds = rule.kind === 'equal' ? Math.abs(leftSum - rightSum) <= EPSILON : leftSum <= rightSum + EPSILON;
  return { rule, outcome: holds ? 'pass' : 'fail', leftSum, rightSum, missing };
}

/** Formats a failed or incomplete rule as a sentence a reviewer can act on. */
export function describeRuleEvaluation(evaluation: RuleEvaluation): string {
  const prefix = evaluation.rule.severity === 'hard' ? 'rule' : 'warning';
  const relation = evaluation.rule.kind === 'equal' ? '≠' : '>';
  if (evaluation.outcome === 'incomplete') {
    return `${prefix}: ${evaluation.rule.description} (cannot check: ${evaluation.missing.join(', ')} blank or unread)`;
  }
  return `${prefix}: ${evaluation.rule.description} (${formatRuleNumber(evaluation.leftSum)} ${relation} ${formatRuleNumber(evaluation.rightSum)})`;
}

/** Prints a rule sum the way a reviewer reads it: integers as such, amounts with at most six decimals, '?' for none. */
export function formatRuleNumber(value: number | null): string {
  if (value === null) return '?';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}
