import { GongkaiError, type GongkaiErrorCode } from '../errors/GongkaiError.ts';

/** HTTP status of every error code: the one place where codes meet statuses. */
export const statusOfCode: Readonly<Record<GongkaiErrorCode, number>> = {
  'empty-document': 400,
  'binary-document': 415,
  'undecodable-document': 422,
  'document-too-large': 413,
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rule-violation-unconfirmed': 422,
  'rate-limited': 429,
  'store-corrupt': 500,
  'llm-failed': 502,
  internal: 500,
};

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: GongkaiErrorCode; readonly message: string; readonly details: Readonly<Record<string, unknown>> };
}

/**
 * Turns any thrown value into the JSON error response: a GongkaiError keeps its code, message and context;
 * anything else is an `internal` 500 whose details are logged, not shown.
 */
export function errorToResponse(error: unknown, log: (line: string) => void = () => {}): Response {
  const known = error instanceof GongkaiError
    ? error
    : new GongkaiError('internal', 'internal error; the operator log has the details');
  if (!(error instanceof GongkaiError) || known.code === 'internal' || known.code === 'store-corrupt') {
    log(`${known.code}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const body: ErrorBody = { error: { code: known.code, message: known.message, details: known.context } };
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (known.code === 'unauthenticated') headers['www-authenticate'] = 'Bearer realm="gongkai"';
  return new Response(JSON.stringify(body), { status: statusOfCode[known.code], headers });
}
