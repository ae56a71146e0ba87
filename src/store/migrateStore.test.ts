import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from '../../test/support/startPostgres.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { seedBytes, seedNames } from '../http/testHarness.ts';
import { createGoldProcessor } from '../review/goldProcessor.ts';
import { ReviewService } from '../review/ReviewService.ts';
import { createFileStore } from './createFileStore.ts';
import { migrateStore } from './migrateStore.ts';
import { createPostgresStore } from './postgres/createPostgresStore.ts';
import { runMigrateStore } from './runMigrateStore.ts';
import { createFileAgencyIdentityStore } from '../panel/agency/createFileAgencyIdentityStore.ts';
import { createPostgresAgencyIdentityStore } from './postgres/createPostgresAgencyIdentityStore.ts';

describe.skipIf(!postgresTestsEnabled())('migrate-store: file store → PostgreSQL', () => {
  let cluster: TestPostgres;
  let directory = '';
  beforeAll(async () => {
    cluster = await startPostgres();
    directory = await mkdtemp(join(tmpdir(), 'gongkai-migrate-'));
  });
  afterAll(async () => {
    await cluster?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('copies documents, decisions, audit, accounts and tokens, verifies them, and is safe to run again', async () => {
    const url = await cluster.createDatabase();
    const file = await createFileStore(directory);
    const service = new ReviewService({ store: file, processor: createGoldProcessor(seedNames), clock: () => new Date(), maxDocumentBytes: 1_000_000, extractionConcurrency: 2 });
    const ids: string[] = [];
    for (const name of seedNames) ids.push((await service.submit({ bytes: seedBytes(name), name, submittedBy: 'admin' })).summary.id);
    await service.idle();
    const inReview = (await file.listDocuments()).find((summary) => summary.state === 'review')!;
    await service.decide(inReview.id, { action: 'correct', version: inReview.version, fieldId: 'requests.completed', value: 2, note: '' }, 'alice');
    await file.saveAccount({ username: 'alice', role: 'reviewer', passwordHash: 'h', createdAt: '2024-01-01T00:00:00Z', disabled: false });
    await file.saveToken({ id: 't1', name: 'script', username: 'alice', tokenHash: 'th', createdAt: '2024-01-01T00:00:00Z' });

    const target = await createPostgresStore(url);
    try {
      const first = await migrateStore(file, target);
      expect(first).toMatchObject({ copied: seedNames.length, updated: 0, unchanged: 0, accounts: 1, tokens: 1, newerInTarget: [] });
      expect(first.verified).toMatchObject({ documents: seedNames.length, accounts: 1, tokens: 1, mismatched: [] });
      expect(first.verified.decisions).toBeGreaterThanOrEqual(1);
      expect((await target.readDocument(inReview.id))?.decisions.map((decision) => decision.by)).toContain('alice');

      const again = await migrateStore(file, target);
      expect(again).toMatchObject({ copied: 0, updated: 0, unchanged: seedNames.length, accounts: 0, tokens: 0 });

      // The file store moves on (a document rejected): the next run brings just that one up to date.
      const committed = (await file.listDocuments()).find((summary) => summary.id !== inReview.id)!;
      await service.decide(committed.id, { action: 'reject', version: committed.version, reason: 'duplicate' }, 'alice');
      const third = await migrateStore(file, target);
      expect(third).toMatchObject({ copied: 0, updated: 1, unchanged: seedNames.length - 1 });
      expect(third.verified.mismatched).toEqual([]);
      expect((await target.findDocument(committed.id))?.state).toBe('rejected');
    } finally {
      await target.close();
      await file.close();
    }

    // The command: same copy, nothing left to do, exit 0.
    const output: string[] = [];
    const streams = { stdout: { write: (text: string) => output.push(text) }, stderr: { write: (text: string) => output.push(text) } } as never;
    expect(await runMigrateStore(['--to', url], loadConfig({ GONGKAI_DATA_DIR: directory }), streams)).toBe(0);
    expect(output.join('')).toContain(`"unchanged": ${seedNames.length}`);
  });

  it('copies the agency identities and their decisions (agencies.json), once, and refuses to overwrite others', async () => {
    const url = await cluster.createDatabase();
    const agenciesDirectory = await mkdtemp(join(tmpdir(), 'gongkai-migrate-agencies-'));
    try {
      await (await createFileStore(agenciesDirectory)).close();
      const file = await createFileAgencyIdentityStore(join(agenciesDirectory, 'agencies.json'));
      const by = { by: 'admin', at: '2026-12-03T05:00:00Z' };
      await file.confirm({ ...by, key: '上海市科学技术委员会', displayName: '上海市科学技术委员会', names: ['上海市科委'], evidence: [] });
      await file.merge({ ...by, from: '市科委', into: '上海市科学技术委员会', evidence: [] });
      const run = async () => {
        const output: string[] = [];
        const streams = { stdout: { write: (text: string) => output.push(text) }, stderr: { write: (text: string) => output.push(text) } } as never;
        const code = await runMigrateStore(['--to', url], loadConfig({ GONGKAI_DATA_DIR: agenciesDirectory }), streams);
        return { code, output: output.join('') };
      };
      const first = await run();
      expect(first.code).toBe(0);
      expect(first.output).toContain('agency identities copied (1 identities, 2 decisions)');
      const again = await run();
      expect(again.output).toContain('agency identities unchanged (1 identities, 2 decisions)');
      const target = await createPostgresStore(url);
      try {
        const shared = createPostgresAgencyIdentityStore(target.sql);
        expect((await shared.get('市科委'))?.key).toBe('上海市科学技术委员会');
        // Decided on PostgreSQL since: agencies.json no longer matches, and it is not copied over.
        await shared.keepApart({ ...by, keys: ['上海市科学技术委员会', '上海科委'] });
      } finally {
        await target.close();
      }
      const refused = await run();
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('not overwritten');
    } finally {
      await rm(agenciesDirectory, { recursive: true, force: true });
    }
  });
});
