/**
 * Every failure the product reports to a user, with a code that the HTTP layer maps to a status in one
 * place (http/errorToResponse) and the CLI prints as a one-line message.
 */
export type GongkaiErrorCode =
  | 'empty-document'
  | 'binary-document'
  | 'undecodable-document'
  | 'document-too-large'
  | 'bad-request'
  | 'body-too-large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rule-violation-unconfirmed'
  | 'rate-limited'
  | 'store-corrupt'
  | 'llm-failed'
  | 'unavailable'
  | 'internal';

/** The product's single error type: a code, a plain message, and the context a reviewer or operator needs. */
export class GongkaiError extends Error {
  readonly code: GongkaiErrorCode;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(code: GongkaiErrorCode, message: string, context: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GongkaiError';
    this.code = code;
    this.context = context;
  }
}

/** True when `error` is a GongkaiError, optionally of the given code. */
export function isGongkaiError(error: unknown, code?: GongkaiErrorCode): error is GongkaiError {
  return error instanceof GongkaiError && (code === undefined || error.code === code);
}
