import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { GongkaiError } from '../errors/GongkaiError.ts';
import type { AppDependencies, AppEnv } from './AppEnv.ts';

/** Header carrying the per-session CSRF token (GET /api/auth/me and the login response return it). */
export const CSRF_HEADER = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for every state-changing request, JSON ones included (hono's csrf() only checks form
 * content types): the Origin (or Sec-Fetch-Site) must be this service's own, and a session request must carry
 * its session's token in X-CSRF-Token. Requests with an API token carry no ambient credential and are exempt.
 */
export function csrfProtection({ config }: AppDependencies): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const principal = c.get('principal');
    if (principal.kind === 'token') return next();
    const expectedOrigin = config.service.publicOrigin ? new URL(config.service.publicOrigin).origin : new URL(c.req.url).origin;
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== expectedOrigin) {
      throw new GongkaiError('forbidden', `cross-origin request refused (origin ${origin}, this service is ${expectedOrigin})`, { origin });
    }
    const fetchSite = c.req.header('sec-fetch-site');
    if (origin === undefined && fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw new GongkaiError('forbidden', `cross-site request refused (Sec-Fetch-Site: ${fetchSite})`);
    }
    if (principal.kind === 'session') {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      const expected = Buffer.from(principal.csrfToken);
      const actual = Buffer.from(sent);
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
        throw new GongkaiError('forbidden', `missing or wrong ${CSRF_HEADER} header (reload the page)`);
      }
    }
    return next();
  };
}
