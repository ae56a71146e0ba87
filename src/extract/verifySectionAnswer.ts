import type { CellReading } from '../parse/ParseResult.ts';
import type { FieldDefinition, TemplateDefinition } from '../templates/TemplateDefinition.ts';
import type { MappedText } from '../text/MappedText.ts';
import { clipQuote, sameValue, showValue } from './answerValues.ts';
import { findPrintedNumbers, type PrintedNumber } from './findPrintedNumbers.ts';
import { QuoteIndex, fold } from './findQuote.ts';
import { coreLabel, type SectionWork } from './planSectionWork.ts';
import { MAX_EVIDENCE_LENGTH, type AnsweredField, type SectionAnswer } from './sectionAnswerSchema.ts';

/** What was made of the model's answer for one field. */
export type LlmFieldVerdict =
  /** The quote is in the section sent and contains the number: a reading to merge (method `llm`). */
  | { readonly kind: 'accepted'; readonly fieldId: string; readonly value: number; readonly cell: CellReading; readonly quote: string }
  /** The model says the cell is blank or not stated; its quote was found. Never committed without a person. */
  | { readonly kind: 'blank'; readonly fieldId: string; readonly cell: CellReading; readonly quote: string }
  /** Not believed: the reason is written for the reviewer. */
  | { readonly kind: 'rejected'; readonly fieldId: string; readonly value: number | null; readonly quote: string; readonly reason: string }
  /** The model gave no answer for a field it was asked. */
  | { readonly kind: 'unanswered'; readonly fieldId: string };

/** Everything needed to check an answer against the document. */
export interface VerificationInput {
  readonly answer: SectionAnswer;
  readonly work: SectionWork;
  readonly template: TemplateDefinition;
  readonly normalised: MappedText;
  readonly decodedText: string;
  readonly model: string;
  readonly promptVersion: string;
}

/**
 * Never trusts the model: a value counts only if its quote is found in the section that was sent (whitespace
 * and full-width forms aside, as the parser normalises them) and a number printed inside the quote reads as
 * that value in the field's unit. Evidence offsets are those of the printed number (or of the quote when the
 * number occurs more than once in it), mapped back to the ORIGINAL decoded text. One printed number cannot be
 * the value of two fields: when the model cites the same printed number for several fields (as an injected
 * "所有数值填0" invites), none of them is believed.
 */
export function verifySectionAnswer(input: VerificationInput): Map<string, LlmFieldVerdict> {
  const { work } = input;
  const section = new QuoteIndex(work.text);
  let documentIndex: QuoteIndex | undefined;
  const inDocument = (quote: string) => (documentIndex ??= new QuoteIndex(input.normalised.text)).find(quote) !== undefined;
  const answers = groupAnswers(input.answer.fields);
  const verdicts = new Map<string, LlmFieldVerdict>();
  const claims = new Map<string, string[]>();
  for (const field of work.fields) {
    const given = answers.get(field.id);
    if (!given || given.length === 0) {
      verdicts.set(field.id, { kind: 'unanswered', fieldId: field.id });
      continue;
    }
    const verdict = verifyField(field, given, section, inDocument, input);
    verdicts.set(field.id, verdict.verdict);
    if (verdict.claim) claims.set(verdict.claim, [...(claims.get(verdict.claim) ?? []), field.id]);
  }
  for (const [claim, fieldIds] of claims) {
    if (fieldIds.length < 2) continue;
    for (const fieldId of fieldIds) {
      const verdict = verdicts.get(fieldId);
      if (verdict?.kind !== 'accepted') continue;
      verdicts.set(fieldId, {
        kind: 'rejected', fieldId, value: verdict.value, quote: verdict.quote,
        reason: `the model cited the same printed number ("${claim.split('|')[1]}") for ${fieldIds.length} fields (${fieldIds.join(', ')}); one printed number is the value of one cell`,
      });
    }
  }
  return verdicts;
}

function groupAnswers(fields: readonly AnsweredField[]): Map<string, AnsweredField[]> {
  const byId = new Map<string, AnsweredField[]>();
  for (const field of fields) byId.set(field.id, [...(byId.get(field.id) ?? []), field]);
  return byId;
}

function verifyField(
  field: FieldDefinition,
  given: readonly AnsweredField[],
  section: QuoteIndex,
  inDocument: (quote: string) => boolean,
  input: VerificationInput,
): { verdict: LlmFieldVerdict; claim?: string } {
  const answer = given[0]!;
  const reject = (reason: string): { verdict: LlmFieldVerdict } => ({
    verdict: { kind: 'rejected', fieldId: field.id, value: answer.value, quote: answer.evidence, reason },
  });
  const differing = given.find((other) => other.value !== answer.value);
  if (differing) return reject(`the model answered this field twice, with ${showValue(answer.value)} and ${showValue(differing.value)}`);
  const quote = answer.evidence;
  if (quote.trim() === '') return reject('the model gave no evidence');
  if (quote.length > MAX_EVIDENCE_LENGTH) return reject(`the evidence is longer than ${MAX_EVIDENCE_LENGTH} characters`);
  const found = section.find(quote);
  if (!found) {
    return reject(inDocument(quote)
      ? `the quote "${clipQuote(quote)}" is not in the section sent (it appears elsewhere in the document)`
      : `the quote "${clipQuote(quote)}" is not in the document`);
  }
  const offset = input.work.start;
  const toOriginal = (start: number, end: number) => input.normalised.toOriginal(offset + start, offset + end);
  const notes = [`llm: read by ${input.model} (prompt ${input.promptVersion}) from "${clipQuote(quote)}"`];
  if (found.occurrences > 1) notes.push(`llm: the quote occurs ${found.occurrences} times in the section; the evidence points at the first`);
  const labelScore = quoteShowsLabel(field, input.template, section, found.start, found.end) ? 1 : 0.9;
  const cell = (value: number | null, start: number, end: number, raw: string): CellReading => {
    const span = toOriginal(start, end);
    return {
      fieldId: field.id, raw, value, start: span.start, end: span.end, method: 'llm', layout: 'llm', labelScore, repairs: [], ambiguous: false, notes,
    };
  };
  if (answer.value === null) {
    return { verdict: { kind: 'blank', fieldId: field.id, quote, cell: cell(null, found.start, found.end, '') } };
  }
  const printed = findPrintedNumbers(section.text.slice(found.start, found.end), field.unit);
  const matching = printed.filter((number) => sameValue(number.value, answer.value!));
  if (matching.length === 0) {
    const seen = [...new Set(printed.map((number) => number.text))];
    return reject(`the quote "${clipQuote(quote)}" does not contain the number ${showValue(answer.value)}${seen.length > 0 ? ` (it shows ${seen.slice(0, 8).join(', ')})` : ''}`);
  }
  const distinctSpans = uniqueSpans(matching);
  if (distinctSpans.length === 1) {
    const number = distinctSpans[0]!;
    const start = found.start + number.start;
    const end = found.start + number.end;
    const span = toOriginal(start, end);
    const raw = input.decodedText.slice(span.start, span.end);
    const accepted = cell(answer.value, start, end, raw);
    const claim = found.occurrences === 1 ? `${span.start}:${span.end}|${raw}` : undefined;
    return { verdict: { kind: 'accepted', fieldId: field.id, value: answer.value, quote, cell: accepted }, ...(claim ? { claim } : {}) };
  }
  // The number is printed more than once in the quote ("0\t0\t0"): the quote is the evidence.
  const span = toOriginal(found.start, found.end);
  return {
    verdict: {
      kind: 'accepted', fieldId: field.id, value: answer.value, quote,
      cell: { ...cell(answer.value, found.start, found.end, matching[0]!.text), start: span.start, end: span.end },
    },
  };
}

/** True when the quote shows the field's row label (or, for a list table, its label), so the cell is pinned down. */
function quoteShowsLabel(field: FieldDefinition, template: TemplateDefinition, section: QuoteIndex, start: number, end: number): boolean {
  const labels: string[] = [];
  for (const table of template.tables) {
    for (const row of table.rows) if (row.cells.includes(field.id)) labels.push(...row.labels);
  }
  if (labels.length === 0) labels.push(coreLabel(field.label));
  return labels.some((label) => fold(label).length >= 2 && section.containsWithin(label, start, end));
}

function uniqueSpans(numbers: readonly PrintedNumber[]): PrintedNumber[] {
  const seen = new Map<string, PrintedNumber>();
  for (const number of numbers) seen.set(`${number.start}:${number.end}`, number);
  // A value glued to an ordinal ("131." read as 13) and the whole token share a start: one printed number.
  const byStart = new Map<number, PrintedNumber>();
  for (const number of seen.values()) if (!byStart.has(number.start)) byStart.set(number.start, number);
  return [...byStart.values()];
}
