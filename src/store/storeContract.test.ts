import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from '../../test/support/startPostgres.ts';
import { isGongkaiError } from '../errors/GongkaiError.ts';
import { createFileStore } from './createFileStore.ts';
import { createMemoryStore } from './createMemoryStore.ts';
import { createPostgresStore } from './postgres/createPostgresStore.ts';
import type { Store } from './Store.ts';
import { sampleDocument, sampleSummary, sha256Of } from './testFixtures.ts';

interface Adapter {
  readonly name: string;
  open(): Promise<{ store: Store; cleanup(): Promise<void> }>;
}

const adapters: Adapter[] = [
  { name: 'memory', open: async () => ({ store: createMemoryStore(), cleanup: async () => {} }) },
  {
    name: 'file',
    open: async () => {
      const directory = await mkdtemp(join(tmpdir(), 'gongkai-store-'));
      const store = await createFileStore(directory);
      return {
        store,
        cleanup: async () => {
          await store.close();
          await rm(directory, { recursive: true, force: true });
        },
      };
    },
  },
];

// One throwaway cluster for the file; each store gets a fresh database in it.
let cluster: Promise<TestPostgres> | undefined;
afterAll(async () => (await cluster)?.stop());
if (postgresTestsEnabled()) {
  adapters.push({
    name: 'postgres',
    open: async () => {
      cluster ??= startPostgres();
      const store = await createPostgresStore(await (await cluster).createDatabase());
      return { store, cleanup: () => store.close() };
    },
  });
}

for (const adapter of adapters) {
  describe(`Store contract: ${adapter.name}`, () => {
    let cleanup: () => Promise<void> = async () => {};
    afterEach(async () => cleanup());
    const open = async () => {
      const opened = await adapter.open();
      cleanup = opened.cleanup;
      return opened.store;
    };

    it('creates a document once per id and keeps the bytes exactly', async () => {
      const store = await open();
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0x80, 0x00, 0xff]);
      const id = sha256Of('a');
      const first = await store.createDocument(sampleSummary(id), bytes);
      const second = await store.createDocument(sampleSummary(id, { name: 'other.txt' }), new Uint8Array([1]));
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.summary.name).toBe(first.summary.name);
      expect(await store.readBlob(id)).toEqual(bytes);
      expect((await store.listDocuments()).map((summary) => summary.id)).toEqual([id]);
      expect(await store.readDocument(id)).toBeUndefined();
    });

    it('returns undefined for unknown documents and refuses to update them', async () => {
      const store = await open();
      const id = sha256Of('missing');
      expect(await store.findDocument(id)).toBeUndefined();
      expect(await store.readBlob(id)).toBeUndefined();
      expect(await store.readText(id)).toBeUndefined();
      await expect(store.updateDocument(id, (current) => current)).rejects.toSatisfy((error) => isGongkaiError(error, 'not-found'));
    });

    it('writes body, text and summary together and returns snapshots', async () => {
      const store = await open();
      const id = sha256Of('b');
      await store.createDocument(sampleSummary(id), new Uint8Array([1, 2]));
      const entry = await store.updateDocument(id, ({ summary }) => ({
        summary: { ...summary, state: 'review', version: 1, reviewCount: 1 },
        document: sampleDocument(id),
        text: '原文 text',
      }));
      expect(entry.summary.state).toBe('review');
      expect((await store.findDocument(id))?.version).toBe(1);
      expect((await store.readDocument(id))?.record.fields[0]?.id).toBe('requests.completed');
      expect(await store.readText(id)).toBe('原文 text');
      const read = await store.readDocument(id);
      read!.record.fields[0]!.value = 99;
      expect((await store.readDocument(id))?.record.fields[0]?.value).toBe(0);
    });

    it('writes nothing when the update throws', async () => {
      const store = await open();
      const id = sha256Of('c');
      await store.createDocument(sampleSummary(id), new Uint8Array([1]));
      await expect(store.updateDocument(id, () => {
        throw new Error('no');
      })).rejects.toThrow('no');
      expect((await store.findDocument(id))?.state).toBe('queued');
      expect(await store.readDocument(id)).toBeUndefined();
    });

    it('serialises concurrent updates of one document (no lost update)', async () => {
      const store = await open();
      const id = sha256Of('d');
      await store.createDocument(sampleSummary(id), new Uint8Array([1]));
      await Promise.all(Array.from({ length: 20 }, () =>
        store.updateDocument(id, async ({ summary }) => {
          await new Promise((resolve) => setImmediate(resolve));
          return { summary: { ...summary, version: summary.version + 1 }, document: undefined };
        })));
      expect((await store.findDocument(id))?.version).toBe(20);
    });

    it('lists every document once across many concurrent creations', async () => {
      const store = await open();
      const ids = Array.from({ length: 50 }, (_, index) => sha256Of(`doc ${index}`));
      await Promise.all(ids.map((id, index) =>
        store.createDocument(sampleSummary(id, { submittedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, index)).toISOString() }), new Uint8Array([index]))));
      expect((await store.listDocuments()).map((summary) => summary.id).sort()).toEqual([...ids].sort());
    });

    it('keeps accounts, sessions, tokens and settings', async () => {
      const store = await open();
      await store.saveAccount({ username: 'alice', role: 'reviewer', passwordHash: 'x', createdAt: 'now', disabled: false });
      await store.saveAccount({ username: 'alice', role: 'admin', passwordHash: 'y', createdAt: 'now', disabled: false });
      expect((await store.listAccounts()).map((account) => account.role)).toEqual(['admin']);
      expect(await store.createAccount({ username: 'alice', role: 'reviewer', passwordHash: 'z', createdAt: 'now', disabled: false })).toBe(false);
      expect(await store.createAccount({ username: 'bob', role: 'reviewer', passwordHash: 'z', createdAt: 'now', disabled: false })).toBe(true);
      expect((await store.findAccount('alice'))?.passwordHash).toBe('y');
      const now = new Date('2024-01-01T00:00:00Z');
      await store.saveSession({ idHash: 'old', username: 'alice', csrfToken: 't', createdAt: 'x', expiresAt: '2023-12-31T00:00:00Z' }, new Date(0));
      await store.saveSession({ idHash: 'new', username: 'alice', csrfToken: 't', createdAt: 'x', expiresAt: '2024-01-02T00:00:00Z' }, now);
      expect(await store.findSession('old')).toBeUndefined();
      expect((await store.findSession('new'))?.username).toBe('alice');
      await store.deleteSessionsOf('alice');
      expect(await store.findSession('new')).toBeUndefined();
      await store.saveToken({ id: 't1', name: 'script', username: 'alice', tokenHash: 'h1', createdAt: 'x' });
      expect((await store.findTokenByHash('h1'))?.id).toBe('t1');
      await store.deleteToken('t1');
      expect(await store.listTokens()).toEqual([]);
      expect(await store.getSettings()).toEqual({ publicDownloads: false });
      await store.saveSettings({ publicDownloads: true });
      expect((await store.getSettings()).publicDownloads).toBe(true);
    });
  });
}
