import type { ExtractionRecord, FieldRecord } from '../../record/ExtractionRecord.ts';
import { valueRead } from '../../record/FieldFinding.ts';
import { crossYearRules as projectRules, ruleApplies, type CrossYearRule, type CrossYearTerm } from './crossYearRules.ts';
import { evaluateCrossYearRule, type CrossYearEvaluation, type TermValue } from './evaluateCrossYearRule.ts';

/** One report of a pair: its year and document. */
export interface YearDocument {
  readonly year: number;
  readonly document: string;
  readonly sha256: string;
}

/** A cross-year rule on one pair of consecutive reports of one agency. */
export interface CrossYearFinding extends CrossYearEvaluation {
  readonly ruleId: string;
  readonly description: string;
  readonly earlier: YearDocument;
  readonly later: YearDocument;
  /** Every term with the value it had (null when missing). */
  readonly terms: readonly (CrossYearTerm & { readonly value: number | null })[];
}

/**
 * Runs the cross-year rules on the reports of ONE agency (the caller groups by agency key): every pair whose years
 * are N and N+1, every rule their forms share. Values as the records hold them, whatever their status (a warning
 * helps a reviewer most while fields are still in review), except rejected ones; a blank is not 0.
 */
export function checkCrossYear(records: readonly ExtractionRecord[], rules: readonly CrossYearRule[] = projectRules): CrossYearFinding[] {
  const dated = records
    .filter((record) => record.meta.year !== null && record.template !== 'unknown')
    .sort((left, right) => left.meta.year! - right.meta.year! || (left.sha256 < right.sha256 ? -1 : 1));
  const findings: CrossYearFinding[] = [];
  for (const earlier of dated) {
    for (const later of dated) {
      if (later.meta.year !== earlier.meta.year! + 1) continue;
      const byYear = { earlier: fieldMap(earlier), later: fieldMap(later) };
      const valueOf = (term: CrossYearTerm): TermValue => termValue(byYear[term.year].get(term.fieldId));
      for (const rule of rules) {
        if (!ruleApplies(rule, earlier.template, later.template)) continue;
        const evaluation = evaluateCrossYearRule(rule, valueOf);
        findings.push({
          ruleId: rule.id,
          description: rule.description,
          ...evaluation,
          earlier: yearDocument(earlier),
          later: yearDocument(later),
          terms: [...rule.left, ...rule.right].map((term) => {
            const found = valueOf(term);
            return { ...term, value: found.value };
          }),
        });
      }
    }
  }
  return findings;
}

function termValue(field: FieldRecord | undefined): TermValue {
  if (!field) return { value: null, why: 'not-read' };
  if (field.status === 'rejected') return { value: null, why: 'rejected' };
  const value = valueRead(field);
  if (value === null) return { value: null, why: field.status === 'review' ? 'not-read' : 'blank' };
  return { value };
}

function fieldMap(record: ExtractionRecord): Map<string, FieldRecord> {
  return new Map(record.fields.map((field) => [field.id, field]));
}

function yearDocument(record: ExtractionRecord): YearDocument {
  return { year: record.meta.year!, document: record.document, sha256: record.sha256 };
}
