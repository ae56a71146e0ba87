import { evaluateRule, type RuleEvaluation } from '../validate/evaluateRule.ts';
import type { RuleDefinition, TemplateDefinition } from '../templates/TemplateDefinition.ts';

/** Values looked up by field id (null: blank; undefined: no such field). */
export type ValueLookup = (fieldId: string) => number | null | undefined;

/** The rules of a template that mention a field. */
export function rulesOfField(template: TemplateDefinition, fieldId: string): RuleDefinition[] {
  return template.rules.filter((rule) => rule.left.includes(fieldId) || rule.right.includes(fieldId));
}

/** What changing one field's value does to the rules that mention it. */
export interface RuleImpact {
  /** Every rule mentioning the field, evaluated with the new value. */
  readonly after: readonly RuleEvaluation[];
  /** Rules that did not fail before and fail now: the change breaks them (needs confirmation). */
  readonly broken: readonly RuleEvaluation[];
  /** Rules that failed before and hold now. */
  readonly fixed: readonly RuleEvaluation[];
  /** Rules that failed before and still fail. */
  readonly stillFailing: readonly RuleEvaluation[];
}

/**
 * Re-checks the rules mentioning `fieldId` when its value changes from what `before` says to `newValue`.
 * The same code runs in the server (decisions) and in the browser (live re-check while editing).
 */
export function assessRuleImpact(template: TemplateDefinition, fieldId: string, before: ValueLookup, newValue: number | null): RuleImpact {
  const after: ValueLookup = (id) => (id === fieldId ? newValue : before(id));
  const evaluationsAfter: RuleEvaluation[] = [];
  const broken: RuleEvaluation[] = [];
  const fixed: RuleEvaluation[] = [];
  const stillFailing: RuleEvaluation[] = [];
  for (const rule of rulesOfField(template, fieldId)) {
    const was = evaluateRule(rule, before);
    const now = evaluateRule(rule, after);
    evaluationsAfter.push(now);
    if (now.outcome === 'fail' && was.outcome !== 'fail') broken.push(now);
    else if (now.outcome === 'fail') stillFailing.push(now);
    else if (was.outcome === 'fail' && now.outcome === 'pass') fixed.push(now);
  }
  return { after: evaluationsAfter, broken, fixed, stillFailing };
}
