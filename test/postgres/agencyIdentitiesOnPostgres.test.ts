import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresAgencyIdentityStore } from '../../src/store/postgres/createPostgresAgencyIdentityStore.ts';
import { createPostgresStore, type PostgresStore } from '../../src/store/postgres/createPostgresStore.ts';
import { agencyIdentityStoreContract } from '../support/agencyIdentityStoreContract.ts';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from '../support/startPostgres.ts';

const by = { by: 'reviewer', at: '2026-12-03T05:00:00Z' };

/**
 * The agency identities on PostgreSQL (migration 004): the same contract as the memory and file stores, and what
 * only a shared database adds — two servers (two pools) see each other's decisions, and concurrent decisions are
 * applied one after the other, none lost.
 */
describe.skipIf(!postgresTestsEnabled())('agency identities on PostgreSQL', () => {
  let cluster: TestPostgres;
  const stores: PostgresStore[] = [];
  const open = async (url: string): Promise<PostgresStore> => {
    const store = await createPostgresStore(url, { maxConnections: 4 });
    stores.push(store);
    return store;
  };
  const fresh = async (): Promise<PostgresStore> => open(await cluster.createDatabase());
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await cluster?.stop();
  });

  agencyIdentityStoreContract(async () => createPostgresAgencyIdentityStore((await fresh()).sql));

  it('shares decisions between servers and applies concurrent ones in turn, each in the audit trail', async () => {
    const url = await cluster.createDatabase();
    const first = await open(url);
    const second = await open(url);
    const serverA = createPostgresAgencyIdentityStore(first.sql);
    const serverB = createPostgresAgencyIdentityStore(second.sql);
    await Promise.all(Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? serverA : serverB).confirm({
      ...by, key: `机关${index}`, displayName: `机关${index}`, names: [`机关${index}`], evidence: [],
    })));
    await serverB.merge({ ...by, from: '机关1', into: '机关0', evidence: [] });
    expect((await serverA.list()).map((identity) => identity.key).sort()).toHaveLength(11);
    expect((await serverA.get('机关1'))?.key).toBe('机关0');
    expect(await serverA.decisions()).toHaveLength(13);
    await expect(first.sql`DELETE FROM agency_decisions`).rejects.toThrow(/append-only/);
  });
});
