import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isGongkaiError } from '../errors/GongkaiError.ts';
import { FaultyWriter } from '../../test/support/FaultyWriter.ts';
import { createFileStore } from './createFileStore.ts';
import { sampleDocument, sampleSummary, sha256Of } from './testFixtures.ts';

describe('createFileStore', () => {
  let directory = '';
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gongkai-file-store-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('keeps everything across a restart, in sharded files with a schema version', async () => {
    const id = sha256Of('persist');
    const first = await createFileStore(directory);
    await first.createDocument(sampleSummary(id), new TextEncoder().encode('bytes'));
    await first.updateDocument(id, ({ summary }) => ({ summary: { ...summary, state: 'review', version: 1 }, document: sampleDocument(id), text: '文本' }));
    await first.saveAccount({ username: 'admin', role: 'admin', passwordHash: 'h', createdAt: 'x', disabled: false });
    await first.close();

    const second = await createFileStore(directory);
    expect((await second.findDocument(id))?.state).toBe('review');
    expect((await second.readDocument(id))?.version).toBe(1);
    expect(await second.readText(id)).toBe('文本');
    expect(new TextDecoder().decode(await second.readBlob(id))).toBe('bytes');
    expect((await second.findAccount('admin'))?.role).toBe('admin');
    await second.close();

    const shard = JSON.parse(await readFile(join(directory, 'index', `${id.slice(0, 2)}.json`), 'utf8'));
    expect(shard.schemaVersion).toBe(1);
    expect(await readdir(join(directory, 'blobs', id.slice(0, 2)))).toEqual([id]);
    // No temp files are left behind by the atomic writes.
    expect((await readdir(join(directory, 'index'))).some((file) => file.includes('.tmp-'))).toBe(false);
  });

  it('refuses a corrupt index file with a clear message and leaves it untouched', async () => {
    await mkdir(join(directory, 'index'), { recursive: true });
    const path = join(directory, 'index', 'ab.json');
    await writeFile(path, '{"schemaVersion":1,"documents":[{"id":"nope"}');
    const error = await createFileStore(directory).catch((caught: unknown) => caught);
    expect(isGongkaiError(error, 'store-corrupt')).toBe(true);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('not valid JSON');
    expect(await readFile(path, 'utf8')).toBe('{"schemaVersion":1,"documents":[{"id":"nope"}');
    // The lock was released: once the file is fixed, the store opens.
    await writeFile(path, '{"schemaVersion":1,"documents":[]}');
    await (await createFileStore(directory)).close();
  });

  it('refuses a meta file that fails the schema, and one from a newer version', async () => {
    const path = join(directory, 'gongkai.json');
    await writeFile(path, JSON.stringify({ schemaVersion: 1, accounts: [{ username: 'x' }], sessions: [], tokens: [], settings: { publicDownloads: false } }));
    await expect(createFileStore(directory)).rejects.toThrow(/does not match the store schema \(accounts\.0/);
    await writeFile(path, JSON.stringify({ schemaVersion: 7 }));
    await expect(createFileStore(directory)).rejects.toThrow(/newer gongkai/);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ schemaVersion: 7 });
  });

  it('refuses a corrupt document file when it is read, without overwriting it on update', async () => {
    const id = sha256Of('corrupt doc');
    const store = await createFileStore(directory);
    await store.createDocument(sampleSummary(id), new Uint8Array([1]));
    await store.updateDocument(id, ({ summary }) => ({ summary, document: sampleDocument(id) }));
    const path = join(directory, 'documents', id.slice(0, 2), `${id}.json`);
    await writeFile(path, '{"schemaVersion":1,"id":"x"}');
    await expect(store.readDocument(id)).rejects.toSatisfy((error) => isGongkaiError(error, 'store-corrupt'));
    await expect(store.updateDocument(id, (current) => current)).rejects.toSatisfy((error) => isGongkaiError(error, 'store-corrupt'));
    expect(await readFile(path, 'utf8')).toBe('{"schemaVersion":1,"id":"x"}');
    await store.close();
  });

  it('locks the directory against a second opening', async () => {
    const store = await createFileStore(directory);
    await expect(createFileStore(directory)).rejects.toSatisfy((error) => isGongkaiError(error, 'conflict'));
    await store.close();
    await (await createFileStore(directory)).close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    await writeFile(join(directory, '.lock'), '999999999\n');
    await (await createFileStore(directory)).close();
  });
});

describe('createFileStore decoded text', () => {
  it('keeps a text equal to the UTF-8 bytes only once, and any other text in its own file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gongkai-file-store-text-'));
    try {
      const store = await createFileStore(directory);
      const utf8 = sha256Of('utf8');
      const other = sha256Of('gbk');
      await store.createDocument(sampleSummary(utf8), new TextEncoder().encode('政府信息公开'));
      await store.createDocument(sampleSummary(other), new Uint8Array([0xd5, 0xfe, 0xb8, 0xae]));
      await store.updateDocument(utf8, ({ summary }) => ({ summary, document: sampleDocument(utf8), text: '政府信息公开' }));
      await store.updateDocument(other, ({ summary }) => ({ summary, document: sampleDocument(other), text: '政府' }));
      expect(await store.readText(utf8)).toBe('政府信息公开');
      expect(await store.readText(other)).toBe('政府');
      expect((await readdir(join(directory, 'documents', utf8.slice(0, 2)))).filter((file) => file.startsWith(utf8))).toEqual([`${utf8}.json`]);
      await store.close();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('createFileStore security changes under a failing disk', () => {
  it('leaves accounts, sessions and tokens as they were when writing gongkai.json fails', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gongkai-file-store-rollback-'));
    try {
      const writer = new FaultyWriter();
      const store = await createFileStore(directory, { writer });
      const account = { username: 'alice', role: 'reviewer' as const, passwordHash: 'old', createdAt: 'x', disabled: false };
      const session = { idHash: 's1', username: 'alice', csrfToken: 'c', createdAt: 'x', expiresAt: '2999-01-01T00:00:00.000Z' };
      await store.saveAccount(account);
      await store.saveSession(session, new Date('2024-01-01'));
      await store.saveToken({ id: 't1', name: 'n', username: 'alice', tokenHash: 'h1', createdAt: 'x' });
      writer.failing = (path) => path.endsWith('gongkai.json');
      await expect(store.deleteToken('t1')).rejects.toThrow(/EROFS/);
      await expect(store.deleteSession('s1')).rejects.toThrow(/EROFS/);
      await expect(store.deleteTokensOf('alice')).rejects.toThrow(/EROFS/);
      await expect(store.saveAccount({ ...account, passwordHash: 'new' }, { endSessions: true, revokeTokens: true })).rejects.toThrow(/EROFS/);
      expect(await store.findTokenByHash('h1')).toBeDefined();
      expect(await store.findSession('s1')).toBeDefined();
      expect((await store.findAccount('alice'))?.passwordHash).toBe('old');
      writer.failing = () => false;
      await store.saveAccount({ ...account, passwordHash: 'new' }, { endSessions: true, revokeTokens: true });
      expect(await store.findTokenByHash('h1')).toBeUndefined();
      expect(await store.findSession('s1')).toBeUndefined();
      await store.close();
      const reopened = await createFileStore(directory);
      expect((await reopened.findAccount('alice'))?.passwordHash).toBe('new');
      expect(await reopened.listTokens()).toEqual([]);
      await reopened.close();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('createFileStore quarantine', () => {
  it('lists a corrupt document file, named inside the data directory only', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gongkai-file-store-quarantine-'));
    try {
      const id = sha256Of('quarantined');
      const store = await createFileStore(directory);
      await store.createDocument(sampleSummary(id), new Uint8Array([1]));
      await store.updateDocument(id, ({ summary }) => ({ summary, document: sampleDocument(id) }));
      await writeFile(join(directory, 'documents', id.slice(0, 2), `${id}.json`), '{"schemaVersion":1,');
      const error = await store.readDocument(id).catch((caught: unknown) => caught);
      expect((error as Error).message).not.toContain(directory);
      expect((error as Error).message).toContain(`documents/${id.slice(0, 2)}/${id}.json`);
      expect(await store.quarantinedDocuments()).toEqual([expect.objectContaining({ id, file: `documents/${id.slice(0, 2)}/${id}.json` })]);
      await store.close();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
