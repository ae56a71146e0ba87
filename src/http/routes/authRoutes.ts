import { Hono } from 'hono';
import { z } from 'zod';
import { GongkaiError, isGongkaiError } from '../../errors/GongkaiError.ts';
import type { AppDependencies, AppEnv } from '../AppEnv.ts';
import { LoginThrottle } from '../loginThrottle.ts';
import { hashPassword, verifyPassword } from '../passwordHash.ts';
import { readJsonBody } from '../readJsonBody.ts';
import { requireSession } from '../requireAccess.ts';
import { clearSessionCookie, hashSecret, newSecret, setSessionCookie } from '../sessionCookie.ts';

const loginSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) });
const passwordChangeSchema = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(10, 'at least 10 characters').max(1024) });

/**
 * Login, logout, who am I, change my password.
 * - POST /api/auth/login — anyone (Origin checked): sets the session cookie, returns the CSRF token.
 * - POST /api/auth/logout — a session.
 * - GET /api/auth/me — anyone: the account (or null), its CSRF token, and whether downloads are public.
 * - POST /api/auth/password — a session: changes its own password (ends its other sessions and revokes its API
 *   tokens, in one write); 5 attempts per account within 15 minutes, like logins.
 */
export function authRoutes(dependencies: AppDependencies): Hono<AppEnv> {
  const { store, config, clock } = dependencies;
  const loginThrottle = new LoginThrottle('failed logins');
  const passwordThrottle = new LoginThrottle('password change attempts');
  const app = new Hono<AppEnv>();

  /** A new session (the cookie carries `sessionId`; the store keeps its hash). */
  const newSession = (username: string) => {
    const now = clock();
    const sessionId = newSecret();
    const expiresAt = new Date(now.getTime() + config.service.sessionHours * 3600 * 1000);
    const session = { idHash: hashSecret(sessionId), username, csrfToken: newSecret(24), createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
    return { session, sessionId, expiresAt, now };
  };

  app.post('/login', async (c) => {
    const { username, password } = await readJsonBody(c, loginSchema);
    // Counted before the password is checked: parallel guesses cannot all pass a check made before any failed.
    loginThrottle.attempt(username, clock().getTime());
    const account = await store.findAccount(username);
    const valid = await checkPassword(loginThrottle, username, password, account?.passwordHash);
    if (!account || !valid || account.disabled) {
      throw new GongkaiError('unauthenticated', account?.disabled && valid ? 'this account is disabled' : 'wrong username or password');
    }
    loginThrottle.succeed(username);
    const previous = c.get('principal');
    if (previous.kind === 'session') await store.deleteSession(previous.sessionHash);
    const { session, sessionId, expiresAt, now } = newSession(account.username);
    await store.saveSession(session, now);
    setSessionCookie(c, config, sessionId, expiresAt);
    return c.json({ user: { username: account.username, role: account.role }, csrfToken: session.csrfToken });
  });

  app.post('/logout', async (c) => {
    const principal = requireSession(c);
    await store.deleteSession(principal.sessionHash);
    clearSessionCookie(c, config);
    return c.json({ ok: true });
  });

  app.get('/me', async (c) => {
    const principal = c.get('principal');
    const { publicDownloads } = await store.getSettings();
    if (principal.kind === 'session') {
      return c.json({ user: { username: principal.username, role: principal.role }, csrfToken: principal.csrfToken, publicDownloads });
    }
    if (principal.kind === 'token') return c.json({ user: { username: principal.username, role: 'token' }, csrfToken: null, publicDownloads });
    return c.json({ user: null, csrfToken: null, publicDownloads });
  });

  app.post('/password', async (c) => {
    const principal = requireSession(c);
    const { currentPassword, newPassword } = await readJsonBody(c, passwordChangeSchema);
    // A stolen session must not be a free password oracle: the current password gets 5 tries like a login.
    passwordThrottle.attempt(principal.username, clock().getTime());
    const account = await store.findAccount(principal.username);
    if (!account || !(await checkPassword(passwordThrottle, principal.username, currentPassword, account.passwordHash))) {
      throw new GongkaiError('forbidden', 'the current password is wrong');
    }
    passwordThrottle.succeed(principal.username);
    const revokedTokens = (await store.listTokens()).filter((token) => token.username === account.username).length;
    const { session, sessionId, expiresAt } = newSession(account.username);
    // One write: new hash, other sessions ended, API tokens revoked, this session renewed. If it fails, none of
    // it happened (the old password, sessions and tokens still work, on disk and in memory alike).
    await store.saveAccount({ ...account, passwordHash: await hashPassword(newPassword) }, { endSessions: true, revokeTokens: true, newSession: session });
    setSessionCookie(c, config, sessionId, expiresAt);
    return c.json({ ok: true, csrfToken: session.csrfToken, revokedTokens });
  });

  return app;
}

/** verifyPassword; an attempt refused before the check (hashing queue full) is withdrawn from the throttle. */
async function checkPassword(throttle: LoginThrottle, key: string, password: string, stored: string | undefined): Promise<boolean> {
  try {
    return await verifyPassword(password, stored);
  } catch (error) {
    if (isGongkaiError(error, 'rate-limited')) throttle.withdraw(key);
    throw error;
  }
}
