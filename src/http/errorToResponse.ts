import { GongkaiError, type GongkaiErrorCode } from '../errors/GongkaiError.ts';
import { isClientDisconnect } from './clientDisconnect.ts';

/** HTTP status of every error code: the one place where codes meet statuses. */
export const statusOfCode: Readonly<Record<GongkaiErrorCode, number>> = {
  'empty-document': 400,
  'binary-document': 415,
  'undecodable-document': 422,
  'document-too-large': 413,
  'bad-request': 400,
  'body-too-large': 413,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rule-violation-unconfirmed': 422,
  'rate-limited': 429,
  'store-corrupt': 500,
  'llm-failed': 502,
  /** The database cannot be reached (PostgreSQL store): the client may try again. */
  unavailable: 503,
  internal: 500,
};

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: GongkaiErrorCode; readonly message: string; readonly details: Readonly<Record<string, unknown>> };
}

/** An absolute file path inside a message (not a relative one, not a URL path such as /api/…). */
const ABSOLUTE_PATH = /(?<![\w.:/])\/(?!api\/)(?:[^\s'"/]+\/)+[^\s'",;)]*/g;

/**
 * Turns any thrown value into the JSON error response: a GongkaiError keeps its code, message and context;
 * anything else is an `internal` 500 whose details are logged, not shown. A client that went away gets one log
 * line (no stack trace). A server error's message never carries an absolute path (the store names its files
 * relative to the data directory; this is the net under that).
 */
export function errorToResponse(error: unknown, log: (line: string) => void = () => {}, request?: Request): Response {
  const known = error instanceof GongkaiError
    ? error
    : new GongkaiError('internal', 'internal error; the operator log has the details');
  if (!(error instanceof GongkaiError) && isClientDisconnect(error, request)) {
    log(`client disconnected${request ? ` during ${request.method} ${new URL(request.url).pathname}` : ''} (${error instanceof Error ? error.message : String(error)})`);
    return new Response(null, { status: 499 });
  }
  if (!(error instanceof GongkaiError) || known.code === 'internal' || known.code === 'store-corrupt') {
    log(`${known.code}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const status = statusOfCode[known.code];
  const message = status >= 500 ? known.message.replace(ABSOLUTE_PATH, '…') : known.message;
  const details = status >= 500 ? withoutAbsolutePaths(known.context) : known.context;
  const body: ErrorBody = { error: { code: known.code, message, details } };
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (known.code === 'unauthenticated') headers['www-authenticate'] = 'Bearer realm="gongkai"';
  // A request refused before its body was read (a 401 on an upload, say): the server drains or drops the unread
  // rest, and a client reusing the connection meanwhile finds it closed under its next request. Say so up front.
  if (request && (request.headers.has('transfer-encoding') || Number(request.headers.get('content-length') ?? 0) > 0)) headers.connection = 'close';
  const retryAfter = known.context.retryAfterSeconds;
  if (known.code === 'rate-limited' && typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
  return new Response(JSON.stringify(body), { status, headers });
}

function withoutAbsolutePaths(context: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(context).map(([key, value]) => [key, typeof value === 'string' ? value.replace(ABSOLUTE_PATH, '…') : value]));
}
