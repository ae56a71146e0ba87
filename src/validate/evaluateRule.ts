import type { FieldFinding } from '../record/FieldFinding.ts';
import { describeFinding, formatRuleNumber } from '../record/describeFinding.ts';
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

/** A failed or incomplete rule evaluation as a finding (a passing one has none). */
export function ruleEvaluationFinding(evaluation: RuleEvaluation): FieldFinding | null {
  const { rule } = evaluation;
  if (evaluation.outcome === 'incomplete') return { kind: 'rule-unchecked', ruleId: rule.id, severity: rule.severity, missing: [...evaluation.missing] };
  if (evaluation.outcome === 'pass') return null;
  return { kind: 'rule-failed', ruleId: rule.id, severity: rule.severity, leftSum: evaluation.leftSum ?? 0, rightSum: evaluation.rightSum ?? 0 };
}

/** Formats a failed or incomplete rule as a sentence a reviewer can act on (describeFinding of its finding). */
export function describeRuleEvaluation(evaluation: RuleEvaluation): string {
  const finding = ruleEvaluationFinding(evaluation);
  return finding ? describeFinding(finding, { language: 'en', rules: [evaluation.rule] }) : '';
}

export { formatRuleNumber };
