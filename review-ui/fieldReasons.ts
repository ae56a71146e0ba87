import type { FieldRecord } from '../src/record/ExtractionRecord.ts';
import { reasonsOfField } from '../src/review/reviewReasons.ts';
import { assessRuleImpact, rulesOfField } from '../src/review/ruleImpact.ts';
import type { TemplateDefinition } from '../src/templates/TemplateDefinition.ts';
import { evaluateRule } from '../src/validate/evaluateRule.ts';
import { t } from './i18n/locale.ts';
import { evaluationText, reasonText, ruleFormula } from './ruleText.ts';

/** A decision the document page sends (the server's decision body, version added when sent). */
export type DecisionBody =
  | { action: 'approve' | 'blank'; fieldId: string; confirm?: boolean }
  | { action: 'correct'; fieldId: string; value: number; confirm?: boolean }
  | { action: 'approve-auto' }
  | { action: 'reject'; reason: string }
  | { action: 'meta'; agency: string | null; year: number | null };

type ValueOf = (fieldId: string) => number | null | undefined;

/**
 * Why a field waits, in words: its rules that fail with the values as shown (an edit in progress counted), with
 * labels and values, then its other reasons by kind (a reason naming a rule already written out is not repeated).
 */
export function fieldReasons(template: TemplateDefinition | undefined, field: FieldRecord, valueOf: ValueOf): string[] {
  if (!template) return field.issues;
  const failing = rulesOfField(template, field.id).map((rule) => evaluateRule(rule, valueOf)).filter((evaluation) => evaluation.outcome === 'fail');
  const words = failing.map((evaluation) => evaluationText(template.id, evaluation, valueOf));
  for (const reason of reasonsOfField(template, field)) {
    const ruleId = reason.split(':')[1];
    if (ruleId && failing.some((evaluation) => evaluation.rule.id === ruleId)) continue;
    words.push(reasonText(reason, template.id));
  }
  return [...new Set(words)];
}

/**
 * The rules a decision the server refused would break, in words, computed with the value it would set (a proposed
 * 0 approved sets 0); `fallback` (the server's message) when there is no field or none breaks.
 */
export function brokenRulesText(
  template: TemplateDefinition | undefined,
  body: DecisionBody,
  fieldById: (fieldId: string) => FieldRecord | undefined,
  fallback: string,
): string {
  if (!template || !('fieldId' in body)) return fallback;
  const field = fieldById(body.fieldId);
  const newValue = body.action === 'correct' ? body.value : body.action === 'blank' ? null : field && proposesZero(template, field) ? 0 : field?.value ?? null;
  const impact = assessRuleImpact(template, body.fieldId, (fieldId) => fieldById(fieldId)?.value, newValue);
  const after = (fieldId: string) => (fieldId === body.fieldId ? newValue : fieldById(fieldId)?.value);
  return impact.broken.map((evaluation) => ruleFormula(template.id, evaluation.rule, after, evaluation.outcome)).join(t.listSeparator) || fallback;
}

/** True when the record proposes 0 for a blank cell (approving accepts it; the server applies the same test). */
export function proposesZero(template: TemplateDefinition | undefined, field: FieldRecord): boolean {
  return field.value === null && field.status === 'review' && reasonsOfField(template, field).includes('proposed-zero');
}
