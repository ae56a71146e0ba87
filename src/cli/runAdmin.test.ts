import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/loadConfig.ts';
import { ensureFirstAdmin } from '../http/ensureFirstAdmin.ts';
import { verifyPassword } from '../http/passwordHash.ts';
import { createFileStore } from '../store/createFileStore.ts';
import { runAdmin } from './runAdmin.ts';

function buffers() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, streams: { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) } } };
}

describe('runAdmin reset-password', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'gongkai-admin-'));
    const store = await createFileStore(root);
    await ensureFirstAdmin(store, 'lost-password-123', new Date('2026-12-03T00:00:00Z'));
    await store.saveSession({ idHash: 'h', username: 'admin', csrfToken: 'c', createdAt: '2026-12-03T00:00:00Z', expiresAt: '2099-01-01T00:00:00Z' }, new Date('2026-12-03T00:00:00Z'));
    await store.close();
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('prints a new password once, which then logs in; the old one and its sessions are gone', async () => {
    const { out, err, streams } = buffers();
    expect(await runAdmin(['reset-password', 'admin'], loadConfig({ GONGKAI_DATA_DIR: root }), streams)).toBe(0);
    expect(err).toEqual([]);
    const password = /new password of "admin" \(admin\): (\S+)/.exec(out.join(''))?.[1];
    expect(password).toBeDefined();
    const store = await createFileStore(root);
    try {
      const account = await store.findAccount('admin');
      expect(await verifyPassword(password!, account?.passwordHash)).toBe(true);
      expect(await verifyPassword('lost-password-123', account?.passwordHash)).toBe(false);
      expect(await store.findSession('h')).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('refuses while a server holds the data directory, saying how to stop it', async () => {
    const held = await createFileStore(root);
    try {
      const { out, err, streams } = buffers();
      expect(await runAdmin(['reset-password', 'admin'], loadConfig({ GONGKAI_DATA_DIR: root }), streams)).toBe(1);
      expect(out).toEqual([]);
      expect(err.join('')).toMatch(/held by .*Stop it first: Ctrl\+C/s);
    } finally {
      await held.close();
    }
  });

  it('names the known accounts for an unknown user, and prints usage for a wrong command', async () => {
    const unknown = buffers();
    expect(await runAdmin(['reset-password', 'nobody'], loadConfig({ GONGKAI_DATA_DIR: root }), unknown.streams)).toBe(1);
    expect(unknown.err.join('')).toContain('accounts: admin');
    const usage = buffers();
    expect(await runAdmin(['reset'], loadConfig({ GONGKAI_DATA_DIR: root }), usage.streams)).toBe(2);
    expect(usage.err.join('')).toContain('npm run admin -- reset-password USERNAME');
  });
});
