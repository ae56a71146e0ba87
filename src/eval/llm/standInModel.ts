import { createHash } from 'node:crypto';
import { estimateMessageTokens, estimateTokens } from '../../extract/estimateTokens.ts';
import { findPrintedNumbers, type PrintedNumber } from '../../extract/findPrintedNumbers.ts';
import type { FetchFunction } from '../../extract/recordReplayFetch.ts';
import { MAX_EVIDENCE_LENGTH } from '../../extract/sectionAnswerSchema.ts';

/**
 * What the stand-in knows: the true value of each field (from a gold file) and, optionally, where a field's
 * cell is printed in a section text (generated documents know it). It knows nothing else.
 */
export interface StandInOracle {
  valueOf(fieldId: string): number | null | undefined;
  /** Index in `sectionText` where the field's value is printed, when known. */
  locate?(fieldId: string, sectionText: string): number | undefined;
}

/** A field line of a request ("id | label | unit"). */
interface RequestedField {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
}

/**
 * A DETERMINISTIC STAND-IN for a model, used where no real endpoint exists (the evaluation's replay fixtures,
 * the end-to-end tests). It reads the request exactly as a model would receive it (the last request in the
 * conversation: fields and the fenced section text) and answers honestly: for each field, the true value
 * ONLY if that number is printed in the section text, with a verbatim quote around a printed occurrence
 * (the known cell when the oracle can locate it, else the occurrence nearest after the row label, else the
 * first); null with the label as quote otherwise. Token usage is this side's estimate (estimateTokens), not a
 * tokenizer's. Figures obtained with it measure the machinery (calls, tokens, belief, merge), not a model.
 */
export function answerAsStandIn(body: StandInRequest, oracle: StandInOracle): StandInCompletion {
  const request = [...body.messages].reverse().find((message) => message.role === 'user' && message.content.includes('<document>'));
  const { fields, text } = request ? parseRequest(request.content) : { fields: [], text: '' };
  const answers = fields.map((field) => answerField(field, text, oracle));
  const content = JSON.stringify({ fields: answers });
  const promptTokens = estimateMessageTokens(body.messages) + estimateTokens(JSON.stringify(body.response_format ?? {}));
  return {
    id: `standin-${createHash('sha256').update(content).digest('hex').slice(0, 16)}`,
    object: 'chat.completion',
    created: 0,
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: promptTokens, completion_tokens: estimateTokens(content), total_tokens: promptTokens + estimateTokens(content) },
  };
}

/** A fetch that answers chat completion requests as the stand-in (no network). */
export function createStandInFetch(oracle: StandInOracle): FetchFunction {
  return async (_input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as StandInRequest;
    return new Response(JSON.stringify(answerAsStandIn(body, oracle)), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

/** The part of a chat completion request the stand-in reads. */
export interface StandInRequest {
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  readonly response_format?: unknown;
}

/** A chat completion as the endpoint returns it. */
export interface StandInCompletion {
  readonly id: string;
  readonly object: 'chat.completion';
  readonly created: number;
  readonly model: string;
  readonly choices: readonly {
    readonly index: number;
    readonly message: { readonly role: 'assistant'; readonly content: string; readonly refusal: null };
    readonly finish_reason: 'stop';
    readonly logprobs: null;
  }[];
  readonly usage: { readonly prompt_tokens: number; readonly completion_tokens: number; readonly total_tokens: number };
}

function parseRequest(content: string): { fields: RequestedField[]; text: string } {
  const open = content.indexOf('<document>\n');
  const close = content.lastIndexOf('\n</document>');
  const text = open >= 0 && close > open ? content.slice(open + '<document>\n'.length, close) : '';
  const fields: RequestedField[] = [];
  for (const line of content.slice(0, open >= 0 ? open : content.length).split('\n')) {
    const parts = line.split(' | ');
    if (parts.length !== 3 || !/^[\w.]+$/u.test(parts[0]!)) continue;
    fields.push({ id: parts[0]!, label: parts[1]!, unit: parts[2]! });
  }
  return { fields, text };
}

function answerField(field: RequestedField, text: string, oracle: StandInOracle): { id: string; value: number | null; evidence: string } {
  const truth = oracle.valueOf(field.id);
  const labelAt = findLabel(text, field.label);
  const labelQuote = labelAt ? text.slice(labelAt.start, Math.min(labelAt.end, labelAt.start + MAX_EVIDENCE_LENGTH)) : text.slice(0, 20);
  if (truth === null || truth === undefined) return { id: field.id, value: null, evidence: labelQuote };
  const candidates = findPrintedNumbers(text, field.unit).filter((number) => Math.abs(number.value - truth) < 1e-9);
  if (candidates.length === 0) return { id: field.id, value: null, evidence: labelQuote };
  const known = oracle.locate?.(field.id, text);
  const chosen = pick(candidates, known ?? labelAt?.end);
  return { id: field.id, value: truth, evidence: quoteAround(text, chosen) };
}

function pick(candidates: readonly PrintedNumber[], near: number | undefined): PrintedNumber {
  if (near === undefined) return candidates[0]!;
  const containing = candidates.find((number) => number.start <= near && near < number.end);
  if (containing) return containing;
  const after = candidates.filter((number) => number.start >= near);
  return after[0] ?? candidates[candidates.length - 1]!;
}

/** The shortest window around the number, growing left first (towards the label), that occurs once. */
function quoteAround(text: string, number: PrintedNumber): string {
  let best = text.slice(number.start, number.end);
  for (let left = 0; left <= MAX_EVIDENCE_LENGTH; left++) {
    const start = Math.max(0, number.start - left);
    const end = Math.min(text.length, number.end + Math.min(left, 8));
    if (end - start > MAX_EVIDENCE_LENGTH) break;
    const window = text.slice(start, end);
    best = window;
    if (text.indexOf(window) === text.lastIndexOf(window)) break;
  }
  return best;
}

/** Where the most specific part of a label is printed ("…/（一）予以公开 × 自然人" → "予以公开"). */
function findLabel(text: string, label: string): { start: number; end: number } | undefined {
  const row = label.split(' × ')[0]!;
  const last = row.slice(row.lastIndexOf('/') + 1).replace(/^(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[一二三四五六七八九十]+、|其中[:：])+/u, '');
  for (const candidate of [last, last.slice(0, 8), last.slice(0, 4)]) {
    if (candidate.length < 2) continue;
    const at = text.indexOf(candidate);
    if (at >= 0) return { start: at, end: at + candidate.length };
  }
  return undefined;
}
