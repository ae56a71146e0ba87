import { api, setCsrfToken } from './api.ts';

/** The logged-in account as the UI knows it. */
export interface SessionUser {
  readonly username: string;
  readonly role: 'admin' | 'reviewer' | 'token';
}

/** What GET /api/auth/me answers. */
export interface SessionState {
  user: SessionUser | null;
  publicDownloads: boolean;
}

/** The current session (filled by refreshSession). */
export const session: SessionState = { user: null, publicDownloads: false };

/** Asks the server who is logged in and remembers the CSRF token. */
export async function refreshSession(): Promise<SessionState> {
  const me = await api<{ user: SessionUser | null; csrfToken: string | null; publicDownloads: boolean }>('/api/auth/me');
  session.user = me.user;
  session.publicDownloads = me.publicDownloads;
  setCsrfToken(me.csrfToken);
  return session;
}
