import { GongkaiError } from '../errors/GongkaiError.ts';

/**
 * Why an LLM call for one section produced nothing usable. `retryable` kinds (the endpoint was down, slow or
 * rate-limited) leave the document's LLM work pending so it is tried again later; the others are final for
 * this section and its fields go to review with the reason.
 */
export type LlmFailureKind =
  | 'timeout'
  | 'rate-limited'
  | 'server-error'
  | 'connection'
  | 'request-rejected'
  | 'refusal'
  | 'empty-answer'
  | 'content-filter'
  | 'truncated'
  | 'invalid-answer'
  | 'budget-exhausted'
  | 'replay-missing';

const RETRYABLE: ReadonlySet<LlmFailureKind> = new Set(['timeout', 'rate-limited', 'server-error', 'connection']);

/** What the reviewer reads for each kind (the error message adds the specifics). */
const SUMMARY: Readonly<Record<LlmFailureKind, string>> = {
  'timeout': 'the LLM endpoint did not answer in time',
  'rate-limited': 'the LLM endpoint kept refusing with 429 (rate limit)',
  'server-error': 'the LLM endpoint kept failing (5xx)',
  'connection': 'the LLM endpoint could not be reached',
  'request-rejected': 'the LLM endpoint rejected the request',
  'refusal': 'the model refused to answer',
  'empty-answer': 'the model returned an empty answer',
  'content-filter': "the endpoint's content filter stopped the answer",
  'truncated': 'the answer was cut off at the output token limit',
  'invalid-answer': 'the answer did not match the schema, even after one repair attempt',
  'budget-exhausted': "the document's token budget would be exceeded",
  'replay-missing': 'no recorded response for this request (replay mode)',
};

/** Context carried by every LLM failure, for the operator and the reviewer. */
export interface LlmFailureContext {
  readonly section?: string;
  readonly model?: string;
  readonly promptVersion?: string;
  /** HTTP status, when the endpoint answered with one. */
  readonly status?: number;
  /** Validation errors of the first answer and of the repair, for `invalid-answer`. */
  readonly validationErrors?: readonly string[];
  /** The start of what the model returned, for `invalid-answer`, `refusal`. */
  readonly excerpt?: string;
  readonly [key: string]: unknown;
}

/**
 * The typed error of the LLM stage (vercel/ai style: parse → validate → one repair → typed error). A
 * GongkaiError with code `llm-failed`, a `kind`, whether trying later may help, and the context.
 */
export class LlmCallError extends GongkaiError {
  readonly kind: LlmFailureKind;
  readonly retryable: boolean;

  constructor(kind: LlmFailureKind, detail: string, context: LlmFailureContext = {}, options?: { cause?: unknown }) {
    super('llm-failed', detail ? `${SUMMARY[kind]}: ${detail}` : SUMMARY[kind], { kind, ...context }, options);
    this.name = 'LlmCallError';
    this.kind = kind;
    this.retryable = RETRYABLE.has(kind);
  }
}

/** True when `error` is an LlmCallError, optionally of the given kind. */
export function isLlmCallError(error: unknown, kind?: LlmFailureKind): error is LlmCallError {
  return error instanceof LlmCallError && (kind === undefined || error.kind === kind);
}
