import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedBytes, seedNames, type TestClient } from '../../src/http/testHarness.ts';
import { createPostgresStore, type PostgresStore } from '../../src/store/postgres/createPostgresStore.ts';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from '../support/startPostgres.ts';

/**
 * The review-service flow of issue 11 against PostgreSQL, through the hono app as the server builds it: each
 * "server" is an app over its own store (own connection pool) on the same database.
 */
const seed = seedNames[0];

interface DocumentBody {
  summary: { id: string; state: string; version: number };
  document: { version: number; decisions: { by: string; action: string }[] } | null;
}

function upload(client: TestClient, name: string, bytes: Uint8Array<ArrayBuffer>) {
  return client.request(`/api/documents?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: bytes });
}

describe.skipIf(!postgresTestsEnabled())('review service on PostgreSQL', () => {
  let cluster: TestPostgres;
  const stores: PostgresStore[] = [];
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await cluster?.stop();
  });
  /** A server on the database at `url`: its own pool, its own app, the shared database. */
  const server = async (url: string) => {
    const store = await createPostgresStore(url);
    stores.push(store);
    return createTestApp({ store });
  };

  it('uploads, refuses without CSRF, corrects, answers 409 on a stale version, commits and exports; a second server sees it all', async () => {
    const url = await cluster.createDatabase();
    const first = await server(url);
    const admin = await first.login('admin', 'admin-password-1');

    const empty = await upload(admin, 'empty.txt', new Uint8Array());
    expect(empty.status).toBe(400);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const binary = await upload(admin, 'scan.png', png);
    expect(binary.status).toBe(415);

    const noCsrf = await admin.request(`/api/documents?name=${seed}`, { method: 'POST', headers: { 'x-csrf-token': 'wrong' }, body: seedBytes(seed) });
    expect(noCsrf.status).toBe(403);
    const submitted = await upload(admin, seed, seedBytes(seed));
    expect(submitted.status).toBe(202);
    const { document } = (await submitted.json()) as { document: { id: string } };
    await first.service.idle();
    const view = (await (await admin.request(`/api/documents/${document.id}`)).json()) as DocumentBody;
    expect(view.summary).toMatchObject({ state: 'review', version: 1 });

    const decisionWithoutCsrf = await admin.request(`/api/documents/${document.id}/decisions`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'wrong' }, body: JSON.stringify({ action: 'approve', version: 1, fieldId: 'requests.completedOnTime' }),
    });
    expect(decisionWithoutCsrf.status).toBe(403);
    const corrected = await admin.json(`/api/documents/${document.id}/decisions`, { action: 'correct', version: 1, fieldId: 'requests.completed', value: 2 });
    expect(corrected.status).toBe(200);
    expect(((await corrected.json()) as DocumentBody).summary).toMatchObject({ state: 'committed', version: 2 });
    const stale = await admin.json(`/api/documents/${document.id}/decisions`, { action: 'correct', version: 1, fieldId: 'requests.completed', value: 5 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { details: { currentVersion: number } } }).error.details.currentVersion).toBe(2);

    const csv = await (await admin.request('/api/export?format=csv&shape=long')).text();
    const row = csv.split('\r\n').find((line) => line.includes(document.id) && line.includes('requests.completed,'));
    expect(row).toBeDefined();
    expect(row).toMatch(/,2(,|$)/);

    // A second server on the same database: the committed document and its audit trail are there.
    const second = await server(url);
    const reader = await second.login('admin', 'admin-password-1');
    const seen = (await (await reader.request(`/api/documents/${document.id}`)).json()) as DocumentBody;
    expect(seen.summary).toMatchObject({ state: 'committed', version: 2 });
    const history = (await (await reader.request(`/api/documents/${document.id}/history`)).json()) as { decisions: { by: string; action: string }[] };
    expect(history.decisions.map((decision) => decision.action)).toContain('correct');
    expect(history.decisions.every((decision) => decision.by === 'admin')).toBe(true);
    const committed = (await (await reader.request('/api/documents?state=committed')).json()) as { total: number };
    expect(committed.total).toBe(1);
  });

  it('lets exactly one of two reviewers on two servers decide the same field at once; the other gets 409', async () => {
    const url = await cluster.createDatabase();
    const first = await server(url);
    const second = await server(url);
    const admin = await first.login('admin', 'admin-password-1');
    const created = (await (await admin.json('/api/accounts', { username: 'rita', role: 'reviewer' })).json()) as { generatedPassword: string };
    const submitted = await upload(admin, seed, seedBytes(seed));
    const { document } = (await submitted.json()) as { document: { id: string } };
    await first.service.idle();

    const rita = await second.login('rita', created.generatedPassword);
    const decide = (client: TestClient, value: number) =>
      client.json(`/api/documents/${document.id}/decisions`, { action: 'correct', version: 1, fieldId: 'requests.completed', value });
    const statuses = (await Promise.all([decide(admin, 2), decide(rita, 2)])).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409]);
    const history = (await (await admin.request(`/api/documents/${document.id}/history?field=requests.completed`)).json()) as { decisions: unknown[] };
    expect(history.decisions).toHaveLength(1);
  });
});
