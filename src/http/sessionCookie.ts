import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config/loadConfig.ts';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'gongkai_session';

/** sha256 of a secret (session id, API token): what the store keeps instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new random secret, URL-safe. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Whether the cookie gets the Secure attribute. `auto`: over HTTPS, and on loopback hosts (browsers accept a
 * Secure cookie from http://localhost); on plain http to another host a browser would drop a Secure cookie, so
 * it is left off there (put the service behind TLS, or set GONGKAI_COOKIE_SECURE=always).
 */
export function cookieIsSecure(c: Context, config: Config): boolean {
  if (config.service.cookieSecure !== 'auto') return config.service.cookieSecure === 'always';
  const url = new URL(config.service.publicOrigin ?? c.req.url);
  return url.protocol === 'https:' || loopbackHosts.has(url.hostname);
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure (see cookieIsSecure), path /. */
export function setSessionCookie(c: Context, config: Config, sessionId: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: cookieIsSecure(c, config),
    path: '/',
    expires: expiresAt,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context, config: Config): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: cookieIsSecure(c, config), httpOnly: true, sameSite: 'Strict' });
}
