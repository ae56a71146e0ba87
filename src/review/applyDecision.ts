import { randomUUID } from 'node:crypto';
import { GongkaiError } from '../errors/GongkaiError.ts';
import type { FieldRecord, FieldStatus, FieldMethod } from '../record/ExtractionRecord.ts';
import type { Decision, FieldSnapshot, StoredDocument } from '../store/storeSchemas.ts';
import { findTemplate } from '../templates/registry.ts';
import type { RuleDefinition, TemplateDefinition } from '../templates/TemplateDefinition.ts';
import { describeFindings } from '../record/describeFinding.ts';
import { ruleIdOf, valueRead, type FieldFinding } from '../record/FieldFinding.ts';
import { describeRuleEvaluation, evaluateRule, ruleEvaluationFinding } from '../validate/evaluateRule.ts';
import type { DecisionRequest } from './decisionRequest.ts';
import { checkCorrectionBounds } from './correctionBounds.ts';
import { assessRuleImpact, rulesOfField } from './ruleImpact.ts';

/** Who decides and when. */
export interface DecisionContext {
  readonly reviewer: string;
  readonly now: Date;
  /** Audit entry ids (random by default; fixed in tests). */
  readonly newId?: () => string;
}

/** The document after a decision, and what the reviewer should be told. */
export interface DecisionOutcome {
  readonly document: StoredDocument;
  /** Fields that left review because the rule that held them now holds. */
  readonly cleared: readonly string[];
  /** Rules mentioning the decided field that still fail. */
  readonly stillFailing: readonly string[];
}

/**
 * Applies one reviewer decision to a stored document (pure: returns a new document with version + 1 and the
 * audit entries appended). Throws GongkaiError: `conflict` for a stale version or a rejected document,
 * `not-found` for an unknown field, `rule-violation-unconfirmed` for a change that makes a rule fail without
 * `confirm`, `bad-request` for a decision that does not apply.
 */
export function applyDecision(current: StoredDocument, request: DecisionRequest, context: DecisionContext): DecisionOutcome {
  if (request.version !== current.version) {
    const last = current.decisions.at(-1);
    throw new GongkaiError(
      'conflict',
      `the document changed since you loaded it (your version ${request.version}, now ${current.version}${last ? `, last change by ${last.by} at ${last.at}` : ''}); reload and decide again`,
      { currentVersion: current.version, yourVersion: request.version, lastChangeBy: last?.by ?? null },
    );
  }
  if (current.rejected) {
    throw new GongkaiError('conflict', `the document was rejected by ${current.rejected.by}: ${current.rejected.reason}`, { currentVersion: current.version });
  }
  const document = structuredClone(current);
  document.version = current.version + 1;
  const at = context.now.toISOString();
  const newId = context.newId ?? randomUUID;
  const audit = (entry: Omit<Decision, 'id' | 'at' | 'by' | 'version'>) =>
    document.decisions.push({ id: newId(), at, by: context.reviewer, version: request.version, ...entry });
  const template = findTemplate(document.record.template);

  switch (request.action) {
    case 'reject': {
      document.rejected = { by: context.reviewer, at, reason: request.reason };
      for (const field of document.record.fields) if (field.status === 'review') field.status = 'rejected';
      audit({ action: 'reject', fieldId: null, old: null, new: null, reasonShown: [], note: request.reason, confirmedRules: [] });
      return { document, cleared: [], stillFailing: [] };
    }
    case 'meta': {
      const old = { ...document.record.meta };
      document.record.meta = { agency: request.agency, year: request.year };
      audit({ action: 'meta', fieldId: null, old: null, new: null, reasonShown: [], note: request.note ?? '', confirmedRules: [], meta: { old, new: { ...document.record.meta } } });
      return { document, cleared: [], stillFailing: [] };
    }
    case 'approve-auto': {
      const auto = document.record.fields.filter((field) => field.status === 'auto');
      if (auto.length === 0) throw new GongkaiError('bad-request', 'the document has no auto fields left to approve');
      for (const field of auto) {
        const old = snapshot(field);
        field.status = 'approved';
        audit({ action: 'approve-auto', fieldId: field.id, old, new: snapshot(field), reasonShown: [...field.issues], note: request.note ?? '', confirmedRules: [] });
      }
      return { document, cleared: [], stillFailing: [] };
    }
    case 'approve':
    case 'correct':
    case 'blank':
      return decideField(document, template, request, audit);
  }
}

type FieldRequest = Extract<DecisionRequest, { action: 'approve' | 'correct' | 'blank' }>;
type Audit = (entry: Omit<Decision, 'id' | 'at' | 'by' | 'version'>) => void;

function decideField(document: StoredDocument, template: TemplateDefinition | undefined, request: FieldRequest, audit: Audit): DecisionOutcome {
  const fields = document.record.fields;
  const field = fields.find((candidate) => candidate.id === request.fieldId);
  if (!field) throw new GongkaiError('not-found', `the document has no field ${request.fieldId}`, { fieldId: request.fieldId });
  if (request.action === 'correct') {
    checkCorrectionBounds(field.id, template?.fields.find((definition) => definition.id === field.id)?.unit ?? field.unit, request.value);
  }
  // A likeliest reading offered for review is no value read: the rules see other cells as read (valueRead).
  const valueBefore = new Map(fields.map((candidate) => [candidate.id, candidate === field ? candidate.value : valueRead(candidate)]));
  const offered = (field.findings ?? []).some((finding) => finding.kind === 'likeliest-reading');
  const before = (id: string) => valueBefore.get(id);

  // A blank still waiting for a person, for which the rules propose 0: approving it accepts the 0.
  const proposesZero = field.value === null && field.status === 'review' && (field.findings ?? []).some((finding) => finding.kind === 'proposed-zero');
  let newValue: number | null;
  let status: FieldStatus;
  let method: FieldMethod = field.method;
  if (request.action === 'approve') {
    newValue = proposesZero ? 0 : field.value;
    status = 'approved';
    if (proposesZero) method = 'inferred';
  } else {
    newValue = request.action === 'blank' ? null : request.value;
    // Saying the value is what it already is approves it; a changed value is a correction by the reviewer.
    status = newValue === field.value ? 'approved' : 'corrected';
    if (status === 'corrected') method = 'reviewer';
  }

  const impact = template ? assessRuleImpact(template, field.id, before, newValue) : { after: [], broken: [], fixed: [], stillFailing: [] };
  if (impact.broken.length > 0 && request.confirm !== true) {
    throw new GongkaiError(
      'rule-violation-unconfirmed',
      `${newValue === null ? 'blank' : newValue} for ${field.id} makes ${impact.broken.length === 1 ? 'a rule' : `${impact.broken.length} rules`} fail: ${impact.broken.map(describeRuleEvaluation).join('; ')}. Confirm to save it anyway.`,
      { fieldId: field.id, rules: impact.broken.map((evaluation) => ({ id: evaluation.rule.id, severity: evaluation.rule.severity, message: describeRuleEvaluation(evaluation) })) },
    );
  }

  const reasonShown = [...new Set([...field.issues, ...(template ? failingSentences(template, field.id, before) : [])])];
  const old = snapshot(field);
  field.value = newValue;
  field.status = status;
  field.method = method;
  if (status === 'corrected' || proposesZero) field.confidence = 1;
  if (proposesZero && request.action === 'approve') setFindings(field, template, (field.findings ?? []).filter((finding) => finding.kind !== 'proposed-zero'));
  // Decided by a person, the value offered is a value now.
  if (offered) setFindings(field, template, (field.findings ?? []).filter((finding) => finding.kind !== 'likeliest-reading'));
  audit({
    action: request.action,
    fieldId: field.id,
    old,
    new: snapshot(field),
    reasonShown,
    note: request.note ?? '',
    confirmedRules: request.confirm === true ? impact.broken.map((evaluation) => evaluation.rule.id) : [],
  });

  const cleared: string[] = [];
  if (template && (newValue !== old.value || offered)) {
    const touched = rulesOfField(template, field.id);
    const valueAfter = (id: string) => {
      const candidate = fields.find((other) => other.id === id);
      return candidate === undefined ? undefined : valueRead(candidate);
    };
    for (const other of fields) {
      if (!touched.some((rule) => rule.left.includes(other.id) || rule.right.includes(other.id))) continue;
      const heldBy = other !== field && other.status === 'review' ? rulesHoldingField(template, other.findings) : [];
      if (other.findings !== undefined) setFindings(other, template, rewriteRuleFindings(touched, other.id, other.findings, valueAfter));
      if (heldBy.length > 0 && heldBy.every((rule) => evaluateRule(rule, valueAfter).outcome === 'pass')) {
        const previous = snapshot(other);
        other.status = 'auto';
        cleared.push(other.id);
        audit({
          action: 'cleared',
          fieldId: other.id,
          old: previous,
          new: snapshot(other),
          reasonShown: heldBy.map((rule) => `rule: ${rule.description}`),
          note: `left review: the rule that held it holds now that ${field.id} is ${newValue === null ? 'blank' : newValue}`,
          confirmedRules: [],
        });
      }
    }
  }
  return { document, cleared, stillFailing: impact.stillFailing.map(describeRuleEvaluation) };
}

function snapshot(field: FieldRecord): FieldSnapshot {
  return { value: field.value, status: field.status, method: field.method };
}

/** Sentences for the rules mentioning `fieldId` that fail (or cannot be checked) with the given values. */
function failingSentences(template: TemplateDefinition, fieldId: string, valueOf: (id: string) => number | null | undefined): string[] {
  return rulesOfField(template, fieldId)
    .map((rule) => evaluateRule(rule, valueOf))
    .filter((evaluation) => evaluation.outcome === 'fail')
    .map(describeRuleEvaluation);
}

/**
 * The hard rules holding a field in review, when rule findings are all that holds it (every finding names a
 * template rule, at least one of them hard); empty otherwise (then a person must look at it anyway), and for a
 * record stored before findings existed.
 */
function rulesHoldingField(template: TemplateDefinition, findings: readonly FieldFinding[] | undefined): RuleDefinition[] {
  if (findings === undefined) return [];
  const hard = new Set<RuleDefinition>();
  for (const finding of findings) {
    if (!RULE_FINDINGS.has(finding.kind)) return [];
    const rule = template.rules.find((candidate) => candidate.id === ruleIdOf(finding));
    if (!rule) return [];
    if (rule.severity === 'hard') hard.add(rule);
  }
  return [...hard];
}

/** Findings that say a rule fails or cannot be checked (rewritten when a value in the rule changes). */
const RULE_FINDINGS: ReadonlySet<FieldFinding['kind']> = new Set(['rule-failed', 'rule-unchecked', 'rule-blanks-contradict', 'rule-cannot-hold']);

/** Replaces a field's findings about the touched rules with their outcome now (kept only where a rule fails). */
function rewriteRuleFindings(
  touched: readonly RuleDefinition[],
  fieldId: string,
  findings: readonly FieldFinding[],
  valueOf: (id: string) => number | null | undefined,
): FieldFinding[] {
  const touchedIds = new Set(touched.map((rule) => rule.id));
  const kept = findings.filter((finding) => !RULE_FINDINGS.has(finding.kind) || !touchedIds.has(ruleIdOf(finding) ?? ''));
  for (const rule of touched) {
    if (!rule.left.includes(fieldId) && !rule.right.includes(fieldId)) continue;
    const evaluation = evaluateRule(rule, valueOf);
    if (evaluation.outcome === 'fail') kept.push(ruleEvaluationFinding(evaluation)!);
  }
  return kept;
}

/** Sets a field's findings and writes its issues from them (the one rendering, describeFinding). */
function setFindings(field: FieldRecord, template: TemplateDefinition | undefined, findings: FieldFinding[]): void {
  field.findings = findings;
  field.issues = describeFindings(findings, { language: 'en', rules: template?.rules ?? [], fields: template?.fields ?? [] });
}
