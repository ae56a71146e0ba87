/** An error answer of the API: status, code and message as the server wrote them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let sessionEnded: (() => Promise<void>) | null = null;

/** Remembers the session's CSRF token (from login or /api/auth/me); sent on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Registers what to do when a logged-in session ends under a request (expired, or logged out in another tab):
 * the handler shows the login form and resolves once logged in again; the request is then sent once more, so
 * the action the reviewer took is not lost.
 */
export function onSessionEnded(handler: () => Promise<void>): void {
  sessionEnded = handler;
}

/** Asks the session-ended handler to log in again (shared by concurrent requests). */
let relogin: Promise<void> | null = null;
export function loginAgain(): Promise<void> {
  if (!sessionEnded) return Promise.reject(new ApiError(401, 'unauthenticated', 'log in first', {}));
  relogin ??= sessionEnded().finally(() => {
    relogin = null;
  });
  return relogin;
}

type ApiOptions = { method?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string> };

/** Calls the API: JSON in and out, the CSRF header on writes, errors thrown as ApiError. */
export async function api<T>(path: string, options: ApiOptions = {}, retried = false): Promise<T> {
  const method = options.method ?? (options.body !== undefined || options.raw !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON: reported below.
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
    const failure = new ApiError(response.status, error?.code ?? 'http', error?.message ?? `${response.status} ${response.statusText}`, error?.details ?? {});
    // The session ended under this request (a CSRF failure after logout in another tab looks the same):
    // log in again, then send it once more. Login itself and the who-am-I probe are never retried.
    const sessionGone = response.status === 401 || (response.status === 403 && failure.code === 'forbidden' && /csrf/i.test(failure.message));
    if (sessionGone && !retried && !path.startsWith('/api/auth/') && sessionEnded) {
      // Logged in again in another tab: the cookie is good, only this tab's CSRF token is stale.
      const me = await api<{ user: unknown; csrfToken: string | null }>('/api/auth/me');
      if (me.user && me.csrfToken) setCsrfToken(me.csrfToken);
      else await loginAgain();
      return api<T>(path, options, true);
    }
    throw failure;
  }
  return json as T;
}
