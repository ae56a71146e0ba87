import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultyWriter } from '../../test/support/FaultyWriter.ts';
import { loadConfig } from '../config/loadConfig.ts';
import type { DocumentProcessor } from '../pipeline/DocumentProcessor.ts';
import { createGoldProcessor } from '../review/goldProcessor.ts';
import { createFileStore } from '../store/createFileStore.ts';
import type { Store } from '../store/Store.ts';
import { passwordHashingLoad } from './passwordHash.ts';
import { startServer } from './startServer.ts';
import { ORIGIN, createTestApp, seedBytes, seedNames, type TestClient } from './testHarness.ts';

/** Regression tests of issue 9 (reliability and security): one `describe` per defect. */

const directories: string[] = [];
afterEach(async () => {
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});
async function temporaryDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'gongkai-issue9-'));
  directories.push(directory);
  return directory;
}

const login = (app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }, username: string, password: string) =>
  Promise.resolve(app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ username, password }) }));

async function upload(client: TestClient, name: string) {
  const response = await client.request(`/api/documents?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: seedBytes(name) });
  return ((await response.json()) as { document: { id: string } }).document.id;
}

describe('issue 9 defect 1: security changes roll back when gongkai.json cannot be written', () => {
  it('keeps the token, the session and the old password working after failed revocations, before and after a restart', async () => {
    const directory = await temporaryDirectory();
    const writer = new FaultyWriter();
    const store = await createFileStore(directory, { writer });
    const test = await createTestApp({ store });
    const admin = await test.login('admin', 'admin-password-1');
    const { token, id } = (await (await admin.json('/api/tokens', { name: 'script' })).json()) as { token: string; id: string };
    const bearer = { authorization: `Bearer ${token}` };

    writer.failing = (path) => path.endsWith('gongkai.json');
    expect((await admin.request(`/api/tokens/${id}`, { method: 'DELETE' })).status).toBe(500);
    expect((await admin.request('/api/tokens', { method: 'DELETE' })).status).toBe(500);
    expect((await admin.json('/api/auth/logout', {})).status).toBe(500);
    expect((await admin.json('/api/auth/password', { currentPassword: 'admin-password-1', newPassword: 'a-new-password-2' })).status).toBe(500);
    // Memory says what disk says: nothing changed.
    expect((await test.app.request('/api/documents', { headers: bearer })).status).toBe(200);
    expect((await admin.request('/api/auth/me')).status).toBe(200);
    expect(((await (await admin.request('/api/auth/me')).json()) as { user: unknown }).user).not.toBeNull();
    writer.failing = () => false;
    expect((await login(test.app, 'admin', 'admin-password-1')).status).toBe(200);
    await store.close();

    const reopened = await createFileStore(directory);
    const restarted = await createTestApp({ store: reopened });
    expect((await restarted.app.request('/api/documents', { headers: bearer })).status).toBe(200);
    expect((await login(restarted.app, 'admin', 'admin-password-1')).status).toBe(200);
    await reopened.close();
  });
});

describe('issue 9 defect 2: login and password-change throttles', () => {
  it('counts each attempt before the password check: 60 parallel guesses and the right password get no session', async () => {
    const test = await createTestApp();
    const guesses = Array.from({ length: 60 }, (_, index) => login(test.app, 'admin', `wrong-${index}`));
    const statuses = (await Promise.all([...guesses, login(test.app, 'admin', 'admin-password-1')])).map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toEqual([]);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(56);
    const refused = await login(test.app, 'admin', 'admin-password-1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('throttles POST /api/auth/password: the sixth wrong current password is refused with 429, even the right one', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    for (let index = 0; index < 5; index++) {
      expect((await admin.json('/api/auth/password', { currentPassword: `wrong-${index}`, newPassword: 'a-new-password-2' })).status).toBe(403);
    }
    expect((await admin.json('/api/auth/password', { currentPassword: 'admin-password-1', newPassword: 'a-new-password-2' })).status).toBe(429);
  });
});

describe('issue 9 defect 3: password hashing is bounded', () => {
  it('runs one scrypt at a time, refuses a flood beyond its queue with 429, and a reviewer read does not wait for the flood', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const id = await upload(admin, seedNames[0]);
    await test.service.idle();
    let settled = 0;
    const flood = Array.from({ length: 24 }, () => login(test.app, `nobody-${randomBytes(6).toString('hex')}`, 'guess').then((response) => {
      settled++;
      return response.status;
    }));
    const read = await admin.request(`/api/documents/${id}`);
    expect(read.status).toBe(200);
    // The read was answered while most of the flood still waited for its password check.
    expect(settled).toBeLessThan(24);
    // Guesses refused because the queue is full are not counted against the username: the flood cannot lock
    // the admin out.
    while (passwordHashingLoad().waiting < 16) await new Promise((resolve) => setTimeout(resolve, 5));
    const refusedForTheQueue = await Promise.all(Array.from({ length: 8 }, () => login(test.app, 'admin', 'a-typo').then((response) => response.status)));
    expect(refusedForTheQueue.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5);
    const statuses = await Promise.all(flood);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect(passwordHashingLoad().peakRunning).toBe(1);
    expect((await login(test.app, 'admin', 'admin-password-1')).status).toBe(200);
  });
});

describe('issue 9 defect 4: a corrupt document file', () => {
  it('is quarantined and listed by the stats; exports fail as errors (never a 200 with a short body); no absolute path is shown', async () => {
    const directory = await temporaryDirectory();
    const store = await createFileStore(directory);
    const test = await createTestApp({ store });
    const admin = await test.login('admin', 'admin-password-1');
    for (const name of seedNames) await upload(admin, name);
    await test.service.idle();
    const committed = ((await (await admin.request('/api/documents?state=committed')).json()) as { documents: { id: string }[] }).documents;
    const id = committed[0]!.id;
    await writeFile(join(directory, 'documents', id.slice(0, 2), `${id}.json`), '{"schemaVersion":1,"id":');

    for (const format of ['csv', 'jsonl', 'xlsx']) {
      const response = await admin.request(`/api/export?format=${format}&template=gov-2014`);
      expect(response.status, format).toBe(500);
      const text = await response.text();
      expect(text).not.toContain(directory);
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'store-corrupt' } });
    }
    const view = await admin.request(`/api/documents/${id}`);
    expect(view.status).toBe(500);
    expect(await view.text()).not.toContain(directory);
    const stats = (await (await admin.request('/api/stats')).json()) as { quarantined: { id: string; file: string }[] };
    expect(stats.quarantined).toEqual([expect.objectContaining({ id, file: `documents/${id.slice(0, 2)}/${id}.json` })]);
    await store.close();
  });
});

describe('issue 9 defect 4: an export that fails after its first bytes', () => {
  it('is a failed transfer over a real connection, never a 200 with a short body that ends normally', async () => {
    const { createMemoryStore } = await import('../store/createMemoryStore.ts');
    const { createApp } = await import('./createApp.ts');
    const { stubAssets } = await import('./testHarness.ts');
    const { GongkaiError } = await import('../errors/GongkaiError.ts');
    const { createAdaptorServer } = await import('@hono/node-server');
    const base = createMemoryStore();
    const test = await createTestApp({ store: base });
    const admin = await test.login('admin', 'admin-password-1');
    for (const name of seedNames) await upload(admin, name);
    await test.service.idle();
    const committed = (await base.listDocuments()).find((summary) => summary.state === 'committed')!;
    await base.saveSettings({ publicDownloads: true });
    // 40 committed copies of one document; the 31st read fails, long after the first 64 KB went out.
    let reads = 0;
    const failing: Store = {
      ...base,
      listDocuments: async () => Array.from({ length: 40 }, (_, index) => ({ ...committed, id: index.toString(16).padStart(64, '0') })),
      readDocument: async () => {
        if (++reads > 30) throw new GongkaiError('store-corrupt', 'store file documents/00/x.json is not valid JSON');
        return base.readDocument(committed.id);
      },
    };
    const lines: string[] = [];
    const { app } = createApp({ store: failing, processor: createGoldProcessor(seedNames), config: test.config, assets: stubAssets, log: (line) => lines.push(line) });
    const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/api/export?format=csv&shape=long`);
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
      expect(lines.some((line) => line.includes('aborted after it started'))).toBe(true);
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    }
  });
});

describe('issue 9 defect 6: secrets in stored messages', () => {
  it('redacts the API key an endpoint echoes, from processing messages, extraction errors and the log', async () => {
    const apiKey = 'sk-local-0123456789abcdef';
    const gold = createGoldProcessor(seedNames);
    let calls = 0;
    const processor: DocumentProcessor = {
      async process(input) {
        calls++;
        if (calls === 1) throw new Error(`401 Unauthorized: {"error":"Incorrect API key provided: ${apiKey}"}`);
        const processed = await gold.process(input);
        return { ...processed, messages: [...processed.messages, `LLM failed on 三: 400 bad request (key ${apiKey})`] };
      },
    };
    const lines: string[] = [];
    const config = loadConfig({ GONGKAI_MAX_DOCUMENT_BYTES: '200000', OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    const { createApp } = await import('./createApp.ts');
    const { createMemoryStore } = await import('../store/createMemoryStore.ts');
    const { ensureFirstAdmin } = await import('./ensureFirstAdmin.ts');
    const { stubAssets } = await import('./testHarness.ts');
    const store: Store = createMemoryStore();
    const built = createApp({ store, processor, config, assets: stubAssets, log: (line) => lines.push(line) });
    await ensureFirstAdmin(store, 'admin-password-1', new Date());
    const response = await login(built.app, 'admin', 'admin-password-1');
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const headers = { cookie, origin: ORIGIN, 'x-csrf-token': csrfToken };
    const submitted = await built.app.request(`/api/documents?name=${seedNames[0]}`, { method: 'POST', headers, body: seedBytes(seedNames[0]) });
    const { document } = (await submitted.json()) as { document: { id: string } };
    await built.service.idle();
    const failed = await (await built.app.request(`/api/documents/${document.id}`, { headers })).text();
    expect(failed).toContain('Incorrect API key provided');
    expect(failed).not.toContain(apiKey);
    await built.app.request(`/api/documents/${document.id}/retry`, { method: 'POST', headers });
    await built.service.idle();
    const processed = await (await built.app.request(`/api/documents/${document.id}`, { headers })).text();
    expect(processed).toContain('LLM failed on 三');
    expect(processed).not.toContain(apiKey);
    expect(lines.join('\n')).toContain('Incorrect API key provided');
    expect(lines.join('\n')).not.toContain(apiKey);
  });
});

describe('issue 9 defect 7: smaller holes', () => {
  it('bounds corrections by the kind of field, with a message that does not ask for confirmation', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const id = await upload(admin, seedNames[0]);
    await test.service.idle();
    for (const value of [-1, 0.5, 1e308, 2 ** 53 + 1]) {
      const response = await admin.json(`/api/documents/${id}/decisions`, { action: 'correct', version: 1, fieldId: 'requests.completed', value, confirm: true });
      expect(response.status, String(value)).toBe(400);
      const { error } = (await response.json()) as { error: { message: string } };
      expect(error.message).toMatch(/non-negative whole number/);
      expect(error.message).not.toMatch(/confirm/i);
    }
    expect((await admin.json(`/api/documents/${id}/decisions`, { action: 'correct', version: 1, fieldId: 'org.budget', value: 12.5, confirm: true })).status).toBe(200);
  });

  it('refuses NUL and control characters in the agency', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const id = await upload(admin, seedNames[0]);
    await test.service.idle();
    for (const agency of ['某某局\u0000', '某\u0007局', '某\u202e局']) {
      expect((await admin.json(`/api/documents/${id}/decisions`, { action: 'meta', version: 1, agency, year: 2018 })).status).toBe(400);
    }
    expect((await admin.json(`/api/documents/${id}/decisions`, { action: 'meta', version: 1, agency: '某某局', year: 2018 })).status).toBe(200);
  });

  it('revokes all tokens on request, on a password change and on an admin reset', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const makeToken = async (client: TestClient) => ((await (await client.json('/api/tokens', { name: 't' })).json()) as { token: string }).token;
    const works = async (token: string) => (await test.app.request('/api/documents', { headers: { authorization: `Bearer ${token}` } })).status === 200;

    const [first, second] = [await makeToken(admin), await makeToken(admin)];
    expect(await (await admin.request('/api/tokens', { method: 'DELETE' })).json()).toEqual({ ok: true, revoked: 2 });
    expect([await works(first), await works(second)]).toEqual([false, false]);

    const third = await makeToken(admin);
    const changed = await admin.json('/api/auth/password', { currentPassword: 'admin-password-1', newPassword: 'a-new-password-2' });
    expect(await changed.json()).toMatchObject({ ok: true, revokedTokens: 1 });
    expect(await works(third)).toBe(false);

    const fresh = await test.login('admin', 'a-new-password-2');
    const { generatedPassword } = (await (await fresh.json('/api/accounts', { username: 'rita', role: 'reviewer' })).json()) as { generatedPassword: string };
    const rita = await test.login('rita', generatedPassword);
    const ritas = await makeToken(rita);
    expect((await rita.request('/api/tokens?username=admin', { method: 'DELETE' })).status).toBe(403);
    expect(await (await fresh.json('/api/accounts/rita', { generatePassword: true }, 'PATCH')).json()).toMatchObject({ revokedTokens: 1 });
    expect(await works(ritas)).toBe(false);
  });

  it('checks the Host header: loopback, the public origin and GONGKAI_ALLOWED_HOSTS only', async () => {
    const plain = await createTestApp();
    expect((await plain.app.request('http://localhost/api/auth/me')).status).toBe(200);
    expect((await plain.app.request('http://127.0.0.1:8787/api/auth/me')).status).toBe(200);
    const refused = await plain.app.request('http://rebind.evil.example/api/auth/me');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('GONGKAI_ALLOWED_HOSTS');
    expect((await plain.app.request('http://rebind.evil.example/healthz')).status).toBe(200);
    const configured = await createTestApp({ environment: { GONGKAI_PUBLIC_ORIGIN: 'https://gongkai.example.org', GONGKAI_ALLOWED_HOSTS: 'review.internal, 10.0.0.5' } });
    for (const url of ['https://gongkai.example.org/api/auth/me', 'http://review.internal:8080/api/auth/me', 'http://10.0.0.5/api/auth/me']) {
      expect((await configured.app.request(url)).status, url).toBe(200);
    }
    expect((await configured.app.request('http://other.example/api/auth/me')).status).toBe(400);
    expect(() => loadConfig({ GONGKAI_ALLOWED_HOSTS: 'bad host/' })).toThrow();
  });

  it('answers 413 to a JSON body over the limit', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const response = await admin.json('/api/tokens', { name: 'x'.repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('body-too-large');
  });

  it('over a real connection: HEAD /healthz is 200, an unknown Host is refused, a client disconnect is one log line', async () => {
    const lines: string[] = [];
    const config = loadConfig({ GONGKAI_STORE: 'memory', GONGKAI_PORT: '0', GONGKAI_ADMIN_PASSWORD: 'admin-password-1' });
    const server = await startServer(config, createGoldProcessor(seedNames), (line) => lines.push(line));
    try {
      expect((await fetch(`${server.url}/healthz`, { method: 'HEAD' })).status).toBe(200);
      const { port } = new URL(server.url);
      const evil = await new Promise<number>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port, path: '/api/auth/me', headers: { host: `evil.example:${port}` } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
      expect(evil).toBe(400);

      // Log in, then start an upload of 100 KB and hang up after 1 KB.
      const loggedIn = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }) });
      const cookie = (loggedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      const { csrfToken } = (await loggedIn.json()) as { csrfToken: string };
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(`POST /api/documents?name=a.txt HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nOrigin: ${server.url}\r\nX-CSRF-Token: ${csrfToken}\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n${'x'.repeat(1024)}`);
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 200);
        });
      });
      for (let attempt = 0; attempt < 200 && !lines.some((line) => line.includes('client disconnected')); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(lines.filter((line) => line.includes('client disconnected'))).toHaveLength(1);
      expect(lines.some((line) => /\n\s+at /.test(line))).toBe(false);
    } finally {
      await server.close();
    }
  });
});

describe('issue 9 defect 5 (store): see src/store/recoverStore.test.ts', () => {
  it('leaves no temp file and no journal record after an ordinary run', async () => {
    const directory = await temporaryDirectory();
    const store = await createFileStore(directory);
    const test = await createTestApp({ store });
    const admin = await test.login('admin', 'admin-password-1');
    for (const name of seedNames) await upload(admin, name);
    await test.service.idle();
    await store.close();
    const files = (await readdir(directory, { recursive: true })).map(String);
    expect(files.filter((file) => file.includes('.tmp-'))).toEqual([]);
    expect(files.filter((file) => file.startsWith('journal/') && file.endsWith('.json'))).toEqual([]);
  });
});
