import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { GongkaiError } from '../../errors/GongkaiError.ts';
import { accountSchema, roleSchema, settingsSchema, type Account } from '../../store/storeSchemas.ts';
import type { AppDependencies, AppEnv } from '../AppEnv.ts';
import { generatePassword, hashPassword } from '../passwordHash.ts';
import { readJsonBody } from '../readJsonBody.ts';
import { requireSession } from '../requireAccess.ts';
import { hashSecret, newSecret } from '../sessionCookie.ts';

const password = z.string().min(10, 'at least 10 characters').max(1024);
const createAccountSchema = z.object({ username: accountSchema.shape.username, role: roleSchema, password: password.optional() });
const updateAccountSchema = z.object({ role: roleSchema.optional(), disabled: z.boolean().optional(), password: password.optional(), generatePassword: z.boolean().optional() });
const createTokenSchema = z.object({ name: z.string().trim().min(1).max(100) });

/** What an account looks like to an admin (never the hash). */
function publicAccount(account: Account) {
  return { username: account.username, role: account.role, createdAt: account.createdAt, disabled: account.disabled };
}

/**
 * Accounts, settings and API tokens.
 * - GET /api/accounts, POST /api/accounts, PATCH /api/accounts/:username — admin (create with a given or
 *   generated password; change role, disable, reset the password; the last active admin cannot be removed).
 * - GET /api/settings, PUT /api/settings — admin (publicDownloads).
 * - GET /api/tokens — a session: its own tokens (an admin sees all).
 * - POST /api/tokens — a session: a new token for itself, shown once.
 * - DELETE /api/tokens/:id — the token's owner or an admin.
 * - DELETE /api/tokens — a session: revokes all its own tokens (an admin: all of `?username=`).
 * A password change or an admin's password reset revokes the account's tokens as well (and ends its sessions).
 */
export function adminRoutes({ store, clock }: AppDependencies): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/accounts', async (c) => {
    requireSession(c, 'admin');
    return c.json({ accounts: (await store.listAccounts()).map(publicAccount) });
  });

  app.post('/accounts', async (c) => {
    requireSession(c, 'admin');
    const request = await readJsonBody(c, createAccountSchema);
    if (await store.findAccount(request.username)) throw new GongkaiError('conflict', `an account ${request.username} exists already`);
    const chosen = request.password ?? generatePassword();
    const account: Account = { username: request.username, role: request.role, passwordHash: await hashPassword(chosen), createdAt: clock().toISOString(), disabled: false };
    await store.saveAccount(account);
    return c.json({ account: publicAccount(account), generatedPassword: request.password === undefined ? chosen : null }, 201);
  });

  app.patch('/accounts/:username', async (c) => {
    requireSession(c, 'admin');
    const request = await readJsonBody(c, updateAccountSchema);
    const account = await store.findAccount(c.req.param('username'));
    if (!account) throw new GongkaiError('not-found', `no account ${c.req.param('username')}`);
    const next: Account = { ...account, role: request.role ?? account.role, disabled: request.disabled ?? account.disabled };
    const stillAdmin = (await store.listAccounts()).some((other) =>
      other.username === account.username ? next.role === 'admin' && !next.disabled : other.role === 'admin' && !other.disabled);
    if (!stillAdmin) throw new GongkaiError('conflict', 'this would leave no active admin account');
    let generated: string | null = null;
    if (request.generatePassword) generated = generatePassword();
    const newPassword = generated ?? request.password;
    if (newPassword !== undefined) next.passwordHash = await hashPassword(newPassword);
    // One write: a reset password ends the sessions and revokes the API tokens (whoever knew the old password may
    // have made them); a role change or disabling ends the sessions.
    const revokedTokens = newPassword === undefined ? 0 : (await store.listTokens()).filter((token) => token.username === account.username).length;
    await store.saveAccount(next, {
      endSessions: newPassword !== undefined || next.disabled || next.role !== account.role,
      revokeTokens: newPassword !== undefined,
    });
    return c.json({ account: publicAccount(next), generatedPassword: generated, revokedTokens });
  });

  app.get('/settings', async (c) => {
    requireSession(c, 'admin');
    return c.json({ settings: await store.getSettings() });
  });

  app.put('/settings', async (c) => {
    requireSession(c, 'admin');
    const settings = await readJsonBody(c, settingsSchema);
    await store.saveSettings(settings);
    return c.json({ settings });
  });

  app.get('/tokens', async (c) => {
    const principal = requireSession(c);
    const tokens = (await store.listTokens()).filter((token) => principal.role === 'admin' || token.username === principal.username);
    return c.json({ tokens: tokens.map(({ tokenHash: _hash, ...rest }) => rest) });
  });

  app.post('/tokens', async (c) => {
    const principal = requireSession(c);
    const { name } = await readJsonBody(c, createTokenSchema);
    const secret = `gk_${newSecret()}`;
    const token = { id: randomUUID(), name, username: principal.username, tokenHash: hashSecret(secret), createdAt: clock().toISOString() };
    await store.saveToken(token);
    return c.json({ token: secret, id: token.id, name, message: 'shown once: store it now; send it as "Authorization: Bearer <token>"' }, 201);
  });

  app.delete('/tokens', async (c) => {
    const principal = requireSession(c);
    const username = c.req.query('username') ?? principal.username;
    if (username !== principal.username && principal.role !== 'admin') throw new GongkaiError('forbidden', 'only an admin may revoke the tokens of another account');
    return c.json({ ok: true, revoked: await store.deleteTokensOf(username) });
  });

  app.delete('/tokens/:id', async (c) => {
    const principal = requireSession(c);
    const token = (await store.listTokens()).find((candidate) => candidate.id === c.req.param('id'));
    if (!token || (principal.role !== 'admin' && token.username !== principal.username)) throw new GongkaiError('not-found', 'no such token');
    await store.deleteToken(token.id);
    return c.json({ ok: true });
  });

  return app;
}
