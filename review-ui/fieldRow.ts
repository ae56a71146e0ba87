import type { FieldRecord, TemplateId } from '../src/record/ExtractionRecord.ts';
import { fieldSection } from '../src/review/fieldSection.ts';
import { assessRuleImpact, rulesOfField } from '../src/review/ruleImpact.ts';
import type { TemplateDefinition } from '../src/templates/TemplateDefinition.ts';
import { evaluateRule, type RuleEvaluation } from '../src/validate/evaluateRule.ts';
import { h, key, type Child } from './dom.ts';
import { fieldReasons, proposesZero } from './fieldReasons.ts';
import { formatValue } from './format.ts';
import { t } from './i18n/locale.ts';

/** What a field's row needs of the document screen around it. */
export interface FieldRowContext {
  readonly template: TemplateDefinition | undefined;
  readonly selected: boolean;
  /** The value editor, when this field's value is being typed. */
  readonly editor: HTMLInputElement | undefined;
  /** The number typed in the editor (null for a blank, undefined while it is no number). */
  readonly editedValue: number | null | undefined;
  /** The document's values as the reviewer sees them (the one being typed included). */
  readonly valueOf: (fieldId: string) => number | null | undefined;
  readonly fieldById: (fieldId: string) => FieldRecord | undefined;
  readonly labelOf: (fieldId: string) => string;
  /** The field's full label path ("三、… / （一）予以公开 / 自然人"), shown on hover. */
  readonly pathOf: (fieldId: string) => string;
  readonly ruleLine: (evaluation: RuleEvaluation) => Child;
  /** The source line the evidence stands on (sourcePane.evidenceLine). */
  readonly evidenceLine: (evidence: { readonly start: number; readonly end: number }) => string;
  readonly select: (fieldId: string) => void;
}

/**
 * One field of the document screen: label, value (or the editor), status, raw text and confidence, the evidence of
 * the selected field, why it waits in review in words, and its rules as they stand (or as the typed value leaves
 * them). Document text only ever goes in as text (h's children), never as HTML.
 */
export function fieldRow(field: FieldRecord, context: FieldRowContext): HTMLElement {
  const { template, selected, editor } = context;
  const isEditing = editor !== undefined;
  const valueCell: Child = editor ?? h('span', { class: 'value' }, formatValue(field.value));
  const checks = selected && template
    ? (isEditing && context.editedValue !== undefined
      ? assessRuleImpact(template, field.id, (fieldId) => context.fieldById(fieldId)?.value, context.editedValue ?? null).after
      : rulesOfField(template, field.id).map((rule) => evaluateRule(rule, context.valueOf)))
    : [];
  const reasons = field.status === 'review' ? fieldReasons(template, field, context.valueOf) : [];
  return h(
    'div',
    { class: `field status-${field.status}${selected ? ' selected' : ''}`, dataset: { fieldId: field.id, status: field.status }, on: { click: () => context.select(field.id) } },
    h('div', { class: 'field-head', title: context.pathOf(field.id) }, h('span', { class: 'label' }, context.labelOf(field.id)), h('span', { class: 'field-id' }, field.id)),
    h('div', { class: 'field-value' }, valueCell, h('span', { class: 'unit' }, field.unit), h('span', { class: `badge status-${field.status}` }, t.fieldStatuses[field.status] ?? field.status)),
    h('div', { class: 'field-meta' }, `${t.fieldMeta(field.raw, field.confidence.toFixed(2), t.methods[field.method] ?? field.method)}${field.evidence ? '' : t.noEvidence}`),
    selected && field.evidence ? h('div', { class: 'field-meta evidence-quote' }, t.evidenceIn(field.evidence.text, context.evidenceLine(field.evidence))) : null,
    proposesZero(template, field) ? h('div', { class: 'proposal' }, t.proposedZero, key('a'), t.proposedZeroAccept, key('b'), t.proposedZeroBlank) : null,
    reasons.length > 0 ? h('div', { class: 'caption' }, field.status === 'review' ? t.whyReview : t.notesFromExtraction) : null,
    reasons.length > 0 ? h('ul', { class: 'issues reasons-in-words' }, ...reasons.map((reason) => h('li', {}, reason))) : null,
    selected && field.issues.length > 0 ? h('details', { class: 'notes' }, h('summary', {}, t.extractionNotes), h('ul', { class: 'issues' }, ...field.issues.map((issue) => h('li', {}, issue)))) : null,
    checks.length > 0 ? h('div', { class: 'caption' }, isEditing ? t.itsRulesTyping : t.itsRulesNow) : null,
    checks.length > 0 ? h('ul', { class: 'rule-checks' }, ...checks.map(context.ruleLine)) : null,
  );
}

/**
 * The fields shown, grouped by their section of the form, each section headed by its title and, when the section has
 * proven zeros (method inferred, auto), a button approving them at once.
 */
export function fieldSections(
  shown: readonly FieldRecord[],
  all: readonly FieldRecord[],
  template: TemplateId,
  row: (field: FieldRecord) => HTMLElement,
  approveAll: (fieldIds: readonly string[]) => void,
): HTMLElement[] {
  const groups = new Map<string, FieldRecord[]>();
  for (const field of shown) {
    const section = fieldSection(template, field.id).title;
    const group = groups.get(section) ?? [];
    group.push(field);
    groups.set(section, group);
  }
  const sectionHead = (title: string) => {
    const zeros = all.filter((field) => field.status === 'auto' && field.method === 'inferred' && fieldSection(template, field.id).title === title);
    return h('h3', {}, title, zeros.length > 0
      ? h('button', { class: 'bulk', dataset: { bulkZeros: title }, on: { click: () => approveAll(zeros.map((field) => field.id)) } }, t.bulkZeros(zeros.length, title))
      : null);
  };
  return [...groups].map(([title, group]) => h('section', { class: 'field-group' }, sectionHead(title), ...group.map(row)));
}
