/** Error codes of a connection the client closed (or reset) before the exchange finished. */
const disconnectCodes = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_ABORTED', 'ABORT_ERR']);

/**
 * True when a request failed because its client went away (closed the tab, cancelled an upload): worth one
 * log line, not a stack trace, and no response can reach the client anyway. Judged by the request's abort
 * signal (set by @hono/node-server when the connection closes early) and by the error's name and code, along
 * its cause chain.
 */
export function isClientDisconnect(error: unknown, request?: Request): boolean {
  if (request?.signal.aborted) return true;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (current.name === 'AbortError' || (code !== undefined && disconnectCodes.has(code))) return true;
    current = current.cause;
  }
  return false;
}
