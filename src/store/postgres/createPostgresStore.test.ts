import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from '../../../test/support/startPostgres.ts';
import { GongkaiError, isGongkaiError } from '../../errors/GongkaiError.ts';
import type { DocumentEntry } from '../Store.ts';
import type { Decision } from '../storeSchemas.ts';
import { sampleDocument, sampleSummary, sha256Of } from '../testFixtures.ts';
import { readMigrations } from './applyMigrations.ts';
import { createPostgresStore, type PostgresStore } from './createPostgresStore.ts';

/** A decision made on `version` (the audit entry applyDecision writes). */
function decisionOn(version: number, by: string): Decision {
  return { id: `${by}-${version}`, at: '2024-01-02T00:00:00.000Z', by, action: 'approve', fieldId: 'requests.completed', version, old: null, new: null, reasonShown: [], note: '', confirmedRules: [] };
}

describe.skipIf(!postgresTestsEnabled())('PostgreSQL store', () => {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => cluster?.stop());

  const openTwo = async (): Promise<[PostgresStore, PostgresStore, string]> => {
    const url = await cluster.createDatabase();
    // Both start at once: the advisory lock lets one migrate while the other waits, then finds nothing to do.
    const [first, second] = await Promise.all([createPostgresStore(url), createPostgresStore(url)]);
    return [first, second, url];
  };

  it('applies every migration once, whoever starts first', async () => {
    const [first, second] = await openTwo();
    try {
      const rows = await first.sql<{ version: number }[]>`SELECT version FROM schema_migrations ORDER BY version`;
      expect(rows.map((row) => row.version)).toEqual((await readMigrations()).map((migration) => migration.version));
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('lets exactly one of two servers decide on a version; the other gets the conflict error', async () => {
    const [first, second] = await openTwo();
    try {
      const id = sha256Of('race');
      await first.createDocument(sampleSummary(id), new Uint8Array([1]));
      await first.updateDocument(id, ({ summary }) => ({ summary: { ...summary, state: 'review', version: 1 }, document: sampleDocument(id, 1) }));
      // What ReviewService.decide does: the decision names the version it was made on (applyDecision's check).
      const decide = (by: string) => async ({ summary, document }: DocumentEntry) => {
        if (document!.version !== 1) throw new GongkaiError('conflict', 'stale', { currentVersion: document!.version });
        // Both callbacks run before either writes: each read version 1.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { summary: { ...summary, version: 2 }, document: { ...document!, version: 2, decisions: [...document!.decisions, decisionOn(1, by)] } };
      };
      const results = await Promise.allSettled([first.updateDocument(id, decide('alice')), second.updateDocument(id, decide('bob'))]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(isGongkaiError(lost[0]!.reason, 'conflict')).toBe(true);
      const stored = await second.readDocument(id);
      expect(stored?.version).toBe(2);
      expect(stored?.decisions).toHaveLength(1);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('keeps the audit trail append-only: the database refuses changes, the store refuses rewrites', async () => {
    const [store, other, url] = await openTwo();
    await other.close();
    const raw = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const id = sha256Of('audit');
      await store.createDocument(sampleSummary(id), new Uint8Array([2]));
      await store.updateDocument(id, ({ summary }) => ({ summary: { ...summary, version: 1 }, document: sampleDocument(id, 1) }));
      await store.updateDocument(id, ({ summary, document }) => ({
        summary: { ...summary, version: 2 },
        document: { ...document!, version: 2, decisions: [decisionOn(1, 'alice')] },
      }));
      expect((await store.readDocument(id))?.decisions.map((decision) => decision.by)).toEqual(['alice']);
      await expect(raw`UPDATE audit SET decision = '{}'::jsonb`).rejects.toThrow(/append-only/);
      await expect(raw`DELETE FROM audit`).rejects.toThrow(/append-only/);
      await expect(raw`TRUNCATE audit`).rejects.toThrow(/append-only/);
      await expect(store.updateDocument(id, ({ summary, document }) => ({
        summary: { ...summary, version: 3 },
        document: { ...document!, version: 3, decisions: [decisionOn(2, 'mallory')] },
      }))).rejects.toSatisfy((error) => isGongkaiError(error, 'internal'));
      expect((await store.readDocument(id))?.decisions.map((decision) => decision.id)).toEqual(['alice-1']);
    } finally {
      await raw.end();
      await store.close();
    }
  });
});
