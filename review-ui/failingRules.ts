import type { RuleDefinition, TemplateDefinition } from '../src/templates/TemplateDefinition.ts';
import { evaluateRule, type RuleEvaluation } from '../src/validate/evaluateRule.ts';
import { h, type Child } from './dom.ts';
import { t } from './i18n/locale.ts';
import { evaluationText } from './ruleText.ts';

/** What the failing-rules panel needs of the page: the values now, which fields wait, and what a click does. */
export interface FailingRulesContext {
  /** A field's value now, a typed value included. */
  readonly valueOf: (fieldId: string) => number | null | undefined;
  readonly inReview: (fieldId: string) => boolean;
  /** A value is being typed: the rules are checked with it. */
  readonly editing: boolean;
  readonly select: (fieldId: string | null) => void;
  readonly approveEach: (fieldIds: string[]) => void;
}

/**
 * The rules of the form checked against the values now: a heading counting the failing ones (and those not yet
 * checkable), then each failing rule in words, hard rules first; a click selects its first field in review.
 */
export function failingRules(template: TemplateDefinition, context: FailingRulesContext): Child[] {
  const evaluations = template.rules.map((rule) => evaluateRule(rule, context.valueOf));
  const failing = evaluations.filter((evaluation) => evaluation.outcome === 'fail');
  const unchecked = evaluations.filter((evaluation) => evaluation.outcome === 'incomplete').length;
  failing.sort((a, b) => (a.rule.severity === b.rule.severity ? 0 : a.rule.severity === 'hard' ? -1 : 1));
  const pendingNote = unchecked > 0 ? t.rulesUnchecked(unchecked) : '';
  return [
    h('h3', {}, failing.length === 0 ? `${t.rulesNoneFailing}${pendingNote}` : `${t.rulesFailing(failing.length)}${context.editing ? t.rulesWithEdit : ''}${pendingNote}`),
    failing.length > 0 ? h('ul', { id: 'failing-rules' }, ...failing.map((evaluation) => {
      const line = ruleLine(template, evaluation, context);
      line.addEventListener('click', () => context.select(firstFieldOf(evaluation.rule, context)));
      return line;
    })) : null,
  ];
}

/** A rule in words with the form's labels and the values now (typed ones included); its id as a detail. */
export function ruleLine(template: TemplateDefinition, evaluation: RuleEvaluation, context: FailingRulesContext): HTMLElement {
  const reviewFields = [...evaluation.rule.left, ...evaluation.rule.right].filter((fieldId) => context.inReview(fieldId));
  // Approving a whole rule group is offered only where the rule holds: the group's values agree.
  const bulk = evaluation.outcome === 'pass' && reviewFields.length > 1
    ? h('button', { class: 'bulk', dataset: { bulkRule: evaluation.rule.id }, on: { click: (event) => { event.stopPropagation(); context.approveEach(reviewFields); } } }, t.bulkRule(reviewFields.length))
    : null;
  return h('li', { class: `rule rule-${evaluation.outcome} rule-${evaluation.rule.severity}`, dataset: { rule: evaluation.rule.id } },
    evaluation.outcome === 'pass' ? '✓ ' : evaluation.outcome === 'fail' ? '✗ ' : '? ',
    h('span', { class: 'rule-text' }, evaluationText(template.id, evaluation, context.valueOf)),
    h('span', { class: 'rule-id' }, evaluation.rule.id),
    bulk);
}

/** The rule's first field waiting for a person, else its first field. */
function firstFieldOf(rule: RuleDefinition, context: FailingRulesContext): string | null {
  return [...rule.left, ...rule.right].find((fieldId) => context.inReview(fieldId)) ?? rule.left[0] ?? null;
}
