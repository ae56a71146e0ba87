import type { CellReading } from '../parse/ParseResult.ts';
import type { FieldRecord } from '../record/ExtractionRecord.ts';
import { describeFinding } from '../record/describeFinding.ts';
import type { FieldFinding } from '../record/FieldFinding.ts';
import { sameValue } from './answerValues.ts';
import type { LlmFieldVerdict } from './verifySectionAnswer.ts';

/** What adjustForLlm needs besides the scored fields. */
export interface LlmAdjustmentInput {
  /** The fields as assessFields scored them on the merged parse. */
  readonly fields: readonly FieldRecord[];
  /** What the parser read, before the merge. */
  readonly parserCells: ReadonlyMap<string, CellReading>;
  readonly verdicts: ReadonlyMap<string, LlmFieldVerdict>;
  /** Fields whose section was not read by the LLM, with the reason (failure, budget, section not found). */
  readonly notRead: ReadonlyMap<string, string>;
  readonly model: string;
  readonly promptVersion: string;
}

/** Share of the remaining doubt left when the parser and the LLM read the same value independently. */
export const AGREEMENT_FACTOR = 0.5;
/** Confidence kept by a field where the parser and the LLM disagree, or the LLM's answer was not believed. */
export const DISPUTED_CAP = 0.3;

/**
 * The LLM-specific part of scoring, applied after assessFields re-ran the rules on the merged parse:
 * - parser and LLM agree: confidence rises (the doubt is halved); the status stays, since agreement is not a
 *   measured calibration bucket (only a measured bucket makes a field `auto`);
 * - they disagree: `review`, with both values and the quote in `issues`; the parser's value stays;
 * - the LLM's answer was not believed (quote not found, number not in it, …): `review` with the reason;
 * - the model said "blank": `review` (a blank cannot be shown by a quote), unless the parser read it blank too;
 * - a section that could not be read (endpoint down, budget spent): `review` with the reason.
 * Values the parser read are never changed here.
 */
export function adjustForLlm(input: LlmAdjustmentInput): FieldRecord[] {
  const answer = { model: input.model, promptVersion: input.promptVersion };
  return input.fields.map((field) => {
    const reason = input.notRead.get(field.id);
    if (reason !== undefined) return toReview(field, { kind: 'llm-not-read', reason });
    const verdict = input.verdicts.get(field.id);
    if (!verdict) return field;
    const parserCell = input.parserCells.get(field.id);
    switch (verdict.kind) {
      case 'unanswered':
        return toReview(field, { kind: 'llm-unanswered', ...answer });
      case 'rejected':
        return toReview(field, { kind: 'llm-rejected', ...answer, value: verdict.value, reason: verdict.reason }, DISPUTED_CAP);
      case 'blank':
        if (parserCell) return readingOf(parserCell) === null ? agree(field, answer, verdict.quote) : disagree(field, parserCell, null, verdict.quote, answer);
        return toReview(field, { kind: 'llm-blank-unconfirmed', ...answer, quote: verdict.quote });
      case 'accepted':
        if (!parserCell) return field;
        return sameValue(readingOf(parserCell), verdict.value) ? agree(field, answer, verdict.quote) : disagree(field, parserCell, verdict.value, verdict.quote, answer);
    }
  });
}

type Answer = { readonly model: string; readonly promptVersion: string };

function agree(field: FieldRecord, answer: Answer, quote: string): FieldRecord {
  const confidence = round(1 - (1 - field.confidence) * AGREEMENT_FACTOR);
  // Agreement is not a measured bucket (the calibration runs without an LLM): it raises confidence for the
  // reviewer, but commits nothing the calibration would not (status unchanged).
  return { ...withFinding(field, { kind: 'llm-agrees', ...answer, quote }), confidence };
}

function disagree(field: FieldRecord, parserCell: CellReading, llmValue: number | null, quote: string, answer: Answer): FieldRecord {
  return toReview(field, {
    kind: 'llm-disagrees', ...answer, parserValue: readingOf(parserCell), parserRaw: parserCell.raw, llmValue, quote, shown: field.method === 'llm' ? 'llm' : 'parser',
  }, DISPUTED_CAP);
}

/** What the parser offers for the cell: its value, or the likeliest reading it offers where it read none for certain. */
function readingOf(parserCell: CellReading): number | null {
  return parserCell.value ?? parserCell.proposal ?? null;
}

function toReview(field: FieldRecord, finding: FieldFinding, cap?: number): FieldRecord {
  return {
    ...withFinding(field, finding),
    status: field.status === 'auto' ? 'review' : field.status,
    confidence: cap === undefined ? field.confidence : Math.min(field.confidence, cap),
  };
}

/** The field with one more finding, in data and in words. */
function withFinding(field: FieldRecord, finding: FieldFinding): FieldRecord {
  const sentence = describeFinding(finding, { language: 'en' });
  return {
    ...field,
    issues: field.issues.includes(sentence) ? field.issues : [...field.issues, sentence],
    findings: [...(field.findings ?? []), finding],
  };
}

function round(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 100000) / 100000;
}
