import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedBytes, seedNames } from '../../src/http/testHarness.ts';
import { createPostgresStore, type PostgresStore } from '../../src/store/postgres/createPostgresStore.ts';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from '../support/startPostgres.ts';

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const seed = seedNames[0];

/** Resolves with the base URL the server prints once it listens. */
function listeningUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s/]+)\//.exec(output);
      if (match) resolve(match[1]!);
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${output}`)));
  });
}

describe.skipIf(!postgresTestsEnabled())('a second server process on the same database', () => {
  let cluster: TestPostgres;
  let store: PostgresStore;
  let url = '';
  let dataDirectory = '';
  let server: ChildProcess | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
    url = await cluster.createDatabase();
    store = await createPostgresStore(url);
    dataDirectory = await mkdtemp(join(tmpdir(), 'gongkai-second-server-'));
  });
  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    await store?.close();
    await cluster?.stop();
    if (dataDirectory) await rm(dataDirectory, { recursive: true, force: true });
  });

  it('sees the document the first server committed, with its audit trail', async () => {
    const first = await createTestApp({ store });
    const admin = await first.login('admin', 'admin-password-1');
    const submitted = await admin.request(`/api/documents?name=${seed}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: seedBytes(seed) });
    const { document } = (await submitted.json()) as { document: { id: string } };
    await first.service.idle();
    const corrected = await admin.json(`/api/documents/${document.id}/decisions`, { action: 'correct', version: 1, fieldId: 'requests.completed', value: 2 });
    expect(corrected.status).toBe(200);

    server = spawn(process.execPath, ['--import', 'tsx', main, 'serve'], {
      env: { ...process.env, GONGKAI_DATABASE_URL: url, GONGKAI_PORT: '0', GONGKAI_EXTRACTION: 'off', GONGKAI_DATA_DIR: dataDirectory },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const base = await listeningUrl(server);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const seen = (await (await fetch(`${base}/api/documents/${document.id}`, { headers: { cookie } })).json()) as { summary: { state: string; version: number } };
    expect(seen.summary).toMatchObject({ state: 'committed', version: 2 });
    const history = (await (await fetch(`${base}/api/documents/${document.id}/history`, { headers: { cookie } })).json()) as { decisions: { by: string; action: string }[] };
    expect(history.decisions.filter((decision) => decision.action === 'correct')).toHaveLength(1);
    expect(history.decisions.every((decision) => decision.by === 'admin')).toBe(true);

    server.kill('SIGTERM');
    expect(await new Promise((resolve) => server!.once('exit', resolve))).toBe(0);
  });
});
