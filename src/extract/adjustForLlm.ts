import type { CellReading } from '../parse/ParseResult.ts';
import type { FieldRecord } from '../record/ExtractionRecord.ts';
import { blockingIssuePattern, confidencePolicy } from '../score/confidencePolicy.ts';
import { clipQuote, sameValue, showValue } from './answerValues.ts';
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
 * - parser and LLM agree: confidence rises (the doubt is halved) and the field may become `auto` when nothing
 *   blocks it;
 * - they disagree: `review`, with both values and the quote in `issues`; the parser's value stays;
 * - the LLM's answer was not believed (quote not found, number not in it, …): `review` with the reason;
 * - the model said "blank": `review` (a blank cannot be shown by a quote), unless the parser read it blank too;
 * - a section that could not be read (endpoint down, budget spent): `review` with the reason.
 * Values the parser read are never changed here.
 */
export function adjustForLlm(input: LlmAdjustmentInput): FieldRecord[] {
  const who = `${input.model} (prompt ${input.promptVersion})`;
  return input.fields.map((field) => {
    const reason = input.notRead.get(field.id);
    if (reason !== undefined) return toReview(field, `llm: not read: ${reason}`);
    const verdict = input.verdicts.get(field.id);
    if (!verdict) return field;
    const parserCell = input.parserCells.get(field.id);
    switch (verdict.kind) {
      case 'unanswered':
        return toReview(field, `llm: ${who} gave no answer for this field`);
      case 'rejected':
        return toReview(field, `llm: answer not believed (${who} said ${showValue(verdict.value)}): ${verdict.reason}`, DISPUTED_CAP);
      case 'blank':
        if (parserCell) return parserCell.value === null ? agree(field, who, verdict.quote) : disagree(field, parserCell, null, verdict.quote, who);
        return toReview(field, `llm: ${who} reports this cell blank or not stated ("${clipQuote(verdict.quote)}"); a blank cannot be shown by a quote: confirm`);
      case 'accepted':
        if (!parserCell) return field;
        return sameValue(parserCell.value, verdict.value) ? agree(field, who, verdict.quote) : disagree(field, parserCell, verdict.value, verdict.quote, who);
    }
  });
}

function agree(field: FieldRecord, who: string, quote: string): FieldRecord {
  const confidence = round(1 - (1 - field.confidence) * AGREEMENT_FACTOR);
  const issues = unique([...field.issues, `llm: ${who} read the same value from "${clipQuote(quote)}"`]);
  const blocked = issues.some((issue) => blockingIssuePattern.test(issue));
  const status = field.status === 'auto' || (!blocked && confidence >= confidencePolicy.autoThreshold) ? 'auto' : field.status;
  return { ...field, confidence, status, issues };
}

function disagree(field: FieldRecord, parserCell: CellReading, llmValue: number | null, quote: string, who: string): FieldRecord {
  const kept = field.method === 'llm' ? `the LLM's value is shown (the parser's reading was weak)` : `the parser's value is shown`;
  return toReview(
    field,
    `llm: disagreement: the parser read ${showValue(parserCell.value)} ("${parserCell.raw}"), ${who} read ${showValue(llmValue)} from "${clipQuote(quote)}"; ${kept}: confirm which`,
    DISPUTED_CAP,
  );
}

function toReview(field: FieldRecord, issue: string, cap?: number): FieldRecord {
  return {
    ...field,
    status: field.status === 'auto' ? 'review' : field.status,
    confidence: cap === undefined ? field.confidence : Math.min(field.confidence, cap),
    issues: unique([...field.issues, issue]),
  };
}

function round(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
