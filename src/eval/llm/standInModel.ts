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
export function answerAsStandIn(body: StandInRequest, oracle: StandInOracle, options: StandInOptions = {}): StandInCompletion {
  const request = [...body.messages].reverse().find((message) => message.role === 'user' && message.content.includes('<document>'));
  const { fields, text } = request ? parseRequest(request.content) : { fields: [], text: '' };
  // Each printed number is one cell: an honest reader points different fields at different cells.
  const used = new Set<number>();
  const answers = fields.map((field) => {
    const honest = answerField(field, text, oracle, used);
    return options.errorRate && errorDraw(field.id) < options.errorRate ? makeMistake(field, honest, text) : honest;
  });
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

/** How the stand-in behaves. */
export interface StandInOptions {
  /**
   * Share of fields (0..1, chosen by a hash of the field id, so runs repeat) answered with a scripted mistake
   * of the kinds real models make: the neighbouring cell's number quoted (a column shift), a number off by one
   * with the true quote (a "balanced" value), or a quote that is not in the document.
   */
  readonly errorRate?: number;
}

/** A fetch that answers chat completion requests as the stand-in (no network). */
export function createStandInFetch(oracle: StandInOracle, options: StandInOptions = {}): FetchFunction {
  return async (_input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as StandInRequest;
    return new Response(JSON.stringify(answerAsStandIn(body, oracle, options)), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

/** A deterministic draw in [0, 1) per field id. */
function errorDraw(fieldId: string): number {
  return createHash('sha256').update(fieldId).digest().readUInt32BE(0) / 2 ** 32;
}

/** One of three realistic mistakes, chosen by the field id. */
function makeMistake(field: RequestedField, honest: { id: string; value: number | null; evidence: string }, text: string): { id: string; value: number | null; evidence: string } {
  const kind = createHash('sha256').update(`kind:${field.id}`).digest().readUInt8(0) % 3;
  const value = honest.value ?? 0;
  if (kind === 1) return { ...honest, value: value + 1 };
  if (kind === 2) return { ...honest, value: value + 1, evidence: `${field.label.slice(-12)}${value + 1}件` };
  // A column shift: the next printed number after the true cell, quoted faithfully.
  const at = text.indexOf(honest.evidence);
  const numbers = findPrintedNumbers(text, field.unit);
  const next = numbers.find((number) => number.start >= at + honest.evidence.length);
  return next ? { id: field.id, value: next.value, evidence: quoteAround(text, next) } : { ...honest, value: value + 1 };
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

function answerField(field: RequestedField, text: string, oracle: StandInOracle, used: Set<number>): { id: string; value: number | null; evidence: string } {
  const truth = oracle.valueOf(field.id);
  const labelAt = findLabel(text, field.label);
  const labelQuote = labelAt ? text.slice(labelAt.start, Math.min(labelAt.end, labelAt.start + MAX_EVIDENCE_LENGTH)) : text.slice(0, 20);
  if (truth === null || truth === undefined) return { id: field.id, value: null, evidence: labelQuote };
  const candidates = findPrintedNumbers(text, field.unit).filter((number) => Math.abs(number.value - truth) < 1e-9);
  if (candidates.length === 0) return { id: field.id, value: null, evidence: labelQuote };
  const known = oracle.locate?.(field.id, text);
  const unused = candidates.filter((number) => !used.has(number.start));
  const chosen = known !== undefined ? pick(candidates, known) : pick(unused.length > 0 ? unused : candidates, labelAt?.end);
  used.add(chosen.start);
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
