import { shortLabelsOf } from '../src/export/templateLabels.ts';
import type { TemplateId } from '../src/record/ExtractionRecord.ts';
import { findTemplate, templates } from '../src/templates/registry.ts';
import type { RuleDefinition } from '../src/templates/TemplateDefinition.ts';
import type { RuleEvaluation } from '../src/validate/evaluateRule.ts';
import { formatValue } from './format.ts';
import { t } from './i18n/locale.ts';

/**
 * Rules and review reasons in words, in the reader's language, with the form's Chinese row and column labels:
 * "申请办结数(0) ≠ 按时办结数(2) + 延期办结数(0)". Built from the template's rule definitions and the field
 * values, never from the English issue sentences; the rule id stays available as secondary detail.
 */

/** The short Chinese label of a field ("申请办结数"), or its id when the template does not know it. */
export function fieldLabel(template: TemplateId | null | undefined, fieldId: string): string {
  if (!template || template === 'unknown') return fieldId;
  return shortLabelsOf(template).get(fieldId) ?? fieldId;
}

/** The relation between the two sides as the values stand: = / ≤ when it holds or cannot be told, ≠ / > when it fails. */
function relation(rule: RuleDefinition, outcome: RuleEvaluation['outcome'] | undefined): string {
  if (outcome === 'fail') return rule.kind === 'equal' ? '≠' : '>';
  return rule.kind === 'equal' ? '=' : '≤';
}

/** A rule as a formula of labels, with each field's value in brackets when values are given. */
export function ruleFormula(template: TemplateId, rule: RuleDefinition, valueOf?: (fieldId: string) => number | null | undefined, outcome?: RuleEvaluation['outcome']): string {
  const term = (fieldId: string) => (valueOf ? `${fieldLabel(template, fieldId)}(${formatValue(valueOf(fieldId))})` : fieldLabel(template, fieldId));
  return `${rule.left.map(term).join(' + ')} ${relation(rule, outcome)} ${rule.right.map(term).join(' + ')}`;
}

/** One evaluated rule in words: "勾稽关系：申请办结数(0) ≠ 按时办结数(2) + 延期办结数(0)", plus what could not be checked. */
export function evaluationText(template: TemplateId, evaluation: RuleEvaluation, valueOf: (fieldId: string) => number | null | undefined): string {
  const kind = evaluation.rule.severity === 'hard' ? t.ruleHard : t.ruleSoft;
  const formula = ruleFormula(template, evaluation.rule, valueOf, evaluation.outcome);
  const unchecked = evaluation.outcome === 'incomplete' ? t.parens(t.ruleCannotCheck(evaluation.missing.map((id) => fieldLabel(template, id)).join(t.andJoin))) : '';
  return `${kind}${t.colon}${formula}${unchecked}`;
}

/** A queue reason key in words: `rule:<id>` names the rule as a formula of labels; other keys from the catalogue. */
export function reasonText(reason: string, template: TemplateId | null | undefined): string {
  const [kind = reason, ruleId] = reason.split(':');
  const words = t.reasons[kind] ?? reason;
  if (!ruleId) return words;
  // The document's template, or (a filter over every template) the first template that has the rule.
  const owner = template && template !== 'unknown' ? findTemplate(template) : templates.find((candidate) => candidate.rules.some((rule) => rule.id === ruleId));
  const rule = owner?.rules.find((candidate) => candidate.id === ruleId);
  return rule && owner ? `${words}${t.colon}${ruleFormula(owner.id, rule)}` : `${words}${t.parens(ruleId)}`;
}
