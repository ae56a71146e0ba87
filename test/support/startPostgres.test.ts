import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from './startPostgres.ts';

describe.skipIf(!postgresTestsEnabled())('throwaway PostgreSQL for tests', () => {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => cluster?.stop());

  it('starts a cluster on loopback and creates separate databases', async () => {
    const first = await cluster.createDatabase();
    const second = await cluster.createDatabase();
    expect(first).not.toBe(second);
    const sql = postgres(first, { max: 1 });
    try {
      const [row] = await sql`SELECT current_database() AS name, inet_server_addr()::text AS address`;
      expect(row?.name).toBe(first.split('/').pop());
      expect(row?.address).toBe('127.0.0.1/32');
    } finally {
      await sql.end();
    }
  });
});
