import type { Context } from 'hono';
import { GongkaiError } from '../errors/GongkaiError.ts';
import type { AppEnv, Principal } from './AppEnv.ts';

/**
 * What a route needs:
 * - `session`: any logged-in account;
 * - `review`: a reviewer or admin session (queue, decisions, history, stats);
 * - `admin`: an admin session (accounts, settings);
 * - `submit` / `read`: a session or an API token (scripts submit and poll);
 * - `download`: a session or a token, or anyone when the admin made downloads public.
 */
export type Access = 'session' | 'review' | 'admin' | 'submit' | 'read' | 'download';

/** Returns the principal if it may do `access`; throws GongkaiError unauthenticated (401) or forbidden (403). */
export function requireAccess(c: Context<AppEnv>, access: Access, options: { publicDownloads?: boolean } = {}): Principal {
  const principal = c.get('principal');
  if (principal.kind === 'anonymous') {
    if (access === 'download' && options.publicDownloads) return principal;
    throw new GongkaiError('unauthenticated', 'log in first (or send an API token as "Authorization: Bearer …")');
  }
  if (principal.kind === 'token') {
    if (access === 'submit' || access === 'read' || access === 'download') return principal;
    throw new GongkaiError('forbidden', 'API tokens may submit documents, read them and download the dataset; log in to review');
  }
  if (access === 'admin' && principal.role !== 'admin') throw new GongkaiError('forbidden', 'only an admin may do this');
  return principal;
}

/** The logged-in session principal (for routes that need the account), or throws 401/403. */
export function requireSession(c: Context<AppEnv>, access: 'session' | 'review' | 'admin' = 'session'): Extract<Principal, { kind: 'session' }> {
  const principal = requireAccess(c, access);
  if (principal.kind !== 'session') throw new GongkaiError('forbidden', 'this needs a logged-in account, not an API token');
  return principal;
}

/** The name recorded as the actor of a request. */
export function actorOf(principal: Principal): string {
  if (principal.kind === 'anonymous') return 'anonymous';
  return principal.kind === 'token' ? `${principal.username} (token ${principal.tokenId})` : principal.username;
}
