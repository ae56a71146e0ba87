import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isGongkaiError } from '../errors/GongkaiError.ts';
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
