import { Hono } from 'hono';
import { z } from 'zod';
import { GongkaiError } from '../../errors/GongkaiError.ts';
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
 * - POST /api/auth/password — a session: changes its own password (ends its other sessions).
 */
export function authRoutes(dependencies: AppDependencies): Hono<AppEnv> {
  const { store, config, clock } = dependencies;
  const throttle = new LoginThrottle();
  const app = new Hono<AppEnv>();

  const startSession = async (c: Parameters<typeof setSessionCookie>[0], username: string) => {
    const now = clock();
    const sessionId = newSecret();
    const csrfToken = newSecret(24);
    const expiresAt = new Date(now.getTime() + config.service.sessionHours * 3600 * 1000);
    await store.saveSession({ idHash: hashSecret(sessionId), username, csrfToken, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() }, now);
    setSessionCookie(c, config, sessionId, expiresAt);
    return csrfToken;
  };

  app.post('/login', async (c) => {
    const { username, password } = await readJsonBody(c, loginSchema);
    const now = clock().getTime();
    throttle.check(username, now);
    const account = await store.findAccount(username);
    const valid = await verifyPassword(password, account?.passwordHash);
    if (!account || !valid || account.disabled) {
      throttle.fail(username, now);
      throw new GongkaiError('unauthenticated', account?.disabled && valid ? 'this account is disabled' : 'wrong username or password');
    }
    throttle.succeed(username);
    const previous = c.get('principal');
    if (previous.kind === 'session') await store.deleteSession(previous.sessionHash);
    const csrfToken = await startSession(c, account.username);
    return c.json({ user: { username: account.username, role: account.role }, csrfToken });
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
    const account = await store.findAccount(principal.username);
    if (!account || !(await verifyPassword(currentPassword, account.passwordHash))) {
      throw new GongkaiError('forbidden', 'the current password is wrong');
    }
    await store.saveAccount({ ...account, passwordHash: await hashPassword(newPassword) });
    await store.deleteSessionsOf(account.username);
    const csrfToken = await startSession(c, account.username);
    return c.json({ ok: true, csrfToken });
  });

  return app;
}
