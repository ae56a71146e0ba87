import type { ExtractionRecord, FieldRecord } from '../../record/ExtractionRecord.ts';
import { describeFinding, type FindingContext } from '../../record/describeFinding.ts';
import { findingBlocks, valueRead, type FieldFinding } from '../../record/FieldFinding.ts';
import { confidencePolicy } from '../../score/confidencePolicy.ts';
import { findTemplate } from '../../templates/registry.ts';
import { evaluateRule, ruleEvaluationFinding } from '../../validate/evaluateRule.ts';
import type { CrossYearWarning } from './crossYearWarnings.ts';
import type { RowSettlement } from './settleByNeighbour.ts';

/** What the cross-year pass changed on one record. */
export interface AppliedCrossYear {
  readonly record: ExtractionRecord;
  /** Fields given a value by a neighbouring year. */
  readonly settledFields: readonly string[];
  /** Fields carrying a broken-chain warning. */
  readonly warnedFields: readonly string[];
}

/** Findings a settled cell no longer has: the run is read now. */
const RESOLVED_BY_SETTLING = new Set<FieldFinding['kind']>(['value-not-read', 'ambiguous', 'likeliest-reading']);

/**
 * Puts the cross-year pass on a record (pure). Broken chains become `cross-year-broken` findings on this document's
 * fields of the rule (the previous pass's warnings are replaced, so running it again is idempotent). A row settled by
 * a neighbouring year (outcome `settled`: exactly one reading keeps the chain) gives its undecided cells — value
 * null, in review, read from the table — the chosen value; method stays `table`, the `cross-year-settled` finding
 * names the year(s) that decided, and the cell is `auto` only when nothing else holds it (a cell a reviewer already
 * decided on is never touched). The form's rules on the settled cells are checked again with the new values.
 */
export function applyCrossYear(record: ExtractionRecord, warnings: readonly CrossYearWarning[], settlements: readonly RowSettlement[], documentNameOf: (sha256: string) => string): AppliedCrossYear {
  const template = findTemplate(record.template);
  const context: FindingContext = { language: 'en', ...(template ? { rules: template.rules, fields: template.fields } : {}) };
  const fields = new Map<string, FieldRecord>(record.fields.map((field) => [field.id, { ...field, findings: [...(field.findings ?? [])], issues: [...field.issues] }]));
  const drop = (field: FieldRecord, remove: (finding: FieldFinding) => boolean) => {
    const removed = (field.findings ?? []).filter(remove);
    if (removed.length === 0) return field;
    const sentences = new Set(removed.map((finding) => describeFinding(finding, context)));
    return { ...field, findings: (field.findings ?? []).filter((finding) => !remove(finding)), issues: field.issues.filter((issue) => !sentences.has(issue)) };
  };
  const add = (field: FieldRecord, finding: FieldFinding): FieldRecord => {
    const sentence = describeFinding(finding, context);
    return { ...field, findings: [...(field.findings ?? []), finding], issues: field.issues.includes(sentence) ? field.issues : [...field.issues, sentence] };
  };

  for (const [id, field] of fields) fields.set(id, drop(field, (finding) => finding.kind === 'cross-year-broken'));
  const warnedFields = new Set<string>();
  for (const warning of warnings) {
    for (const fieldId of warning.fieldIds) {
      const field = fields.get(fieldId);
      if (!field) continue;
      fields.set(fieldId, add(field, {
        kind: 'cross-year-broken', ruleId: warning.ruleId, years: [warning.years[0], warning.years[1]],
        otherDocument: documentNameOf(warning.otherSha256), otherSha256: warning.otherSha256, leftSum: warning.leftSum, rightSum: warning.rightSum,
      }));
      warnedFields.add(fieldId);
    }
  }

  const settledFields: string[] = [];
  for (const settlement of settlements) {
    if (settlement.outcome !== 'settled' || settlement.chosen === null) continue;
    const finding: FieldFinding = {
      kind: 'cross-year-settled', printed: settlement.printed,
      decidedBy: settlement.decidedBy.map((by) => ({ year: by.year, document: by.document, sha256: by.sha256, ruleIds: [...by.ruleIds] })),
    };
    if (finding.decidedBy.length === 0) continue;
    settlement.fieldIds.forEach((fieldId, index) => {
      const field = fields.get(fieldId);
      if (!field || !isUndecided(field)) return;
      const read = add(drop(field, (candidate) => RESOLVED_BY_SETTLING.has(candidate.kind)), finding);
      fields.set(fieldId, { ...read, value: settlement.chosen![index]! });
      settledFields.push(fieldId);
    });
  }

  if (template && settledFields.length > 0) {
    // A likeliest reading offered for review is no value read: the rule sees the cell as before it was offered.
    const valueOf = (id: string) => { const field = fields.get(id); return field ? valueRead(field) : undefined; };
    for (const rule of template.rules) {
      const ids = [...rule.left, ...rule.right];
      if (!ids.some((id) => settledFields.includes(id))) continue;
      const finding = ruleEvaluationFinding(evaluateRule(rule, valueOf));
      for (const id of new Set(ids)) {
        const field = fields.get(id);
        if (!field) continue;
        const cleared = drop(field, (candidate) => (candidate.kind === 'rule-unchecked' || candidate.kind === 'rule-failed') && candidate.ruleId === rule.id);
        const checked = finding ? add(cleared, finding) : cleared;
        // A hard rule the settled values break (settleByNeighbour should never choose such a reading) holds every cell in it.
        fields.set(id, finding && findingBlocks(finding) ? { ...checked, status: checked.status === 'auto' ? 'review' : checked.status } : checked);
      }
    }
    for (const id of settledFields) {
      const field = fields.get(id)!;
      const held = (field.findings ?? []).some(findingBlocks);
      fields.set(id, held ? field : { ...field, status: 'auto', confidence: Math.max(field.confidence, confidencePolicy.autoThreshold) });
    }
  }

  return { record: { ...record, fields: record.fields.map((field) => fields.get(field.id)!) }, settledFields, warnedFields: [...warnedFields] };
}

/** A cell the glued reader left open: no value, in review, read from the table (a reviewer has not decided it). */
function isUndecided(field: FieldRecord): boolean {
  return valueRead(field) === null && field.status === 'review' && field.method === 'table';
}
