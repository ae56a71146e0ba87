import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedBytes, seedNames } from '../../src/http/testHarness.ts';
import { createPostgresStore, type PostgresStore } from '../../src/store/postgres/createPostgresStore.ts';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from '../support/startPostgres.ts';

/** A distinct readable report: a seed with a numbered line appended (distinct bytes, distinct document). */
function report(index: number): Uint8Array<ArrayBuffer> {
  const seed = seedBytes(seedNames[index % seedNames.length]!);
  const suffix = new TextEncoder().encode(`\n附注 ${index}\n`);
  const bytes = new Uint8Array(seed.length + suffix.length);
  bytes.set(seed);
  bytes.set(suffix, seed.length);
  return bytes;
}

describe.skipIf(!postgresTestsEnabled())('PostgreSQL restarted under load', () => {
  let cluster: TestPostgres;
  let store: PostgresStore;
  beforeAll(async () => {
    cluster = await startPostgres();
    store = await createPostgresStore(await cluster.createDatabase());
  });
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it('answers 503 while the database is down, recovers alone, and loses no acknowledged submission', async () => {
    const test = await createTestApp({ store, environment: { GONGKAI_EXTRACTION: 'off' } });
    const admin = await test.login('admin', 'admin-password-1');
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    const submit = async (index: number) => {
      const response = await admin.request(`/api/documents?name=r${index}.txt`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: report(index) });
      statuses.push(response.status);
      if (response.status === 202) acknowledged.push(((await response.json()) as { document: { id: string } }).document.id);
      return response.status;
    };
    // Load before, during and after the outage: 4 submissions in flight at a time.
    const batch = (from: number) => Promise.all([0, 1, 2, 3].map((offset) => submit(from + offset)));
    for (let index = 0; index < 20; index += 4) await batch(index);
    const killed = cluster.kill();
    const during = await batch(20);
    await killed;
    const down = await batch(24);
    expect(down.every((status) => status === 503)).toBe(true);
    const body = await (await admin.request('/api/documents')).json() as { error: { code: string } };
    expect(body.error.code).toBe('unavailable');
    await cluster.restart();
    let after = 0;
    // The pool reconnects by itself: no restart of the app.
    for (let attempt = 0; attempt < 50 && after !== 200; attempt++) {
      after = (await admin.request('/api/documents')).status;
      if (after !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(after).toBe(200);
    // After the restart the pool's connections come back one by one: a client retries a 503 until it is taken.
    const submitUntilTaken = async (index: number) => {
      let status = await submit(index);
      for (let attempt = 0; attempt < 50 && status === 503; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = await submit(index);
      }
      return status;
    };
    for (let index = 28; index < 40; index += 4) {
      const taken = await Promise.all([0, 1, 2, 3].map((offset) => submitUntilTaken(index + offset)));
      expect(taken.every((status) => status === 202)).toBe(true);
    }

    expect(statuses.every((status) => status === 202 || status === 503)).toBe(true);
    expect(during.length).toBe(4);
    const stored = new Set((await store.listDocuments()).map((summary) => summary.id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(32);
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
    // Every acknowledged submission is stored with its bytes and its extraction job.
    const jobs = await store.sql<{ count: number }[]>`SELECT count(*)::integer AS count FROM jobs`;
    expect(jobs[0]!.count).toBe(stored.size);
  });
});
