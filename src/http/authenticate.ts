import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { GongkaiError } from '../errors/GongkaiError.ts';
import type { AppDependencies, AppEnv } from './AppEnv.ts';
import { hashSecret, SESSION_COOKIE } from './sessionCookie.ts';

/**
 * Resolves who is calling: `Authorization: Bearer <token>` (an API token; no cookie is looked at then), else
 * the session cookie, else anonymous. A bearer token that is unknown, revoked or of a disabled account is
 * refused (401 "invalid token"); expired sessions and disabled accounts count as anonymous.
 */
export function authenticate({ store, clock }: AppDependencies): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', { kind: 'anonymous' });
    const authorization = c.req.header('authorization');
    const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      const token = await store.findTokenByHash(hashSecret(bearer));
      const owner = token ? await store.findAccount(token.username) : undefined;
      // A token that does not open is a wrong credential, not a missing one: say so instead of "log in first".
      if (!token || !owner || owner.disabled) throw new GongkaiError('unauthenticated', 'invalid token: unknown, revoked, or its account is disabled', { reason: 'invalid-token' });
      c.set('principal', { kind: 'token', username: token.username, tokenId: token.id });
      return next();
    }
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (sessionId) {
      const sessionHash = hashSecret(sessionId);
      const session = await store.findSession(sessionHash);
      if (session && Date.parse(session.expiresAt) > clock().getTime()) {
        const account = await store.findAccount(session.username);
        if (account && !account.disabled) {
          c.set('principal', { kind: 'session', username: account.username, role: account.role, csrfToken: session.csrfToken, sessionHash });
        }
      }
    }
    return next();
  };
}
