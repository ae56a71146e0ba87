import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { startServer } from '../../src/http/startServer.ts';
import { seedBytes, seedNames } from '../../src/http/testHarness.ts';
import { createGoldProcessor } from '../../src/review/goldProcessor.ts';
import { verifyStore } from '../../src/store/verifyStore.ts';
import { seededRandom, type SeededRandom } from '../support/seededRandom.ts';

/** What a fuzz run found. */
export interface FuzzReport {
  readonly seed: number;
  readonly requests: number;
  readonly byStatus: Readonly<Record<string, number>>;
  /** Requests answered with a 5xx (or not answered at all), described. */
  readonly failures: readonly string[];
  /** The server still answered /healthz and a login at the end. */
  readonly serverUp: boolean;
  readonly storeProblems: readonly string[];
  readonly seconds: number;
}

const ADMIN_PASSWORD = 'fuzz-admin-password';

/** Every route of the service (README "Routes"), with :id / :username placeholders. */
const routes: readonly (readonly [string, string])[] = [
  ['GET', '/'], ['GET', '/assets/app.js'], ['GET', '/assets/app.css'], ['GET', '/healthz'], ['HEAD', '/healthz'], ['GET', '/favicon.ico'],
  ['GET', '/assets/pdfjs/pdf.min.mjs'], ['GET', '/assets/pdfjs/pdf.worker.min.mjs'], ['GET', '/assets/pdfjs/cmaps/UniGB-UCS2-H.bcmap'],
  ['POST', '/api/auth/login'], ['POST', '/api/auth/logout'], ['GET', '/api/auth/me'], ['POST', '/api/auth/password'],
  ['POST', '/api/documents'], ['GET', '/api/documents'], ['GET', '/api/documents/:id'], ['GET', '/api/documents/:id/raw'], ['GET', '/api/documents/:id/pdf'],
  ['GET', '/api/documents/:id/history'], ['POST', '/api/documents/:id/decisions'], ['POST', '/api/documents/:id/retry'],
  ['GET', '/api/queue'], ['GET', '/api/stats'], ['GET', '/api/export'],
  ['GET', '/api/tokens'], ['POST', '/api/tokens'], ['DELETE', '/api/tokens'], ['DELETE', '/api/tokens/:id'],
  ['GET', '/api/accounts'], ['POST', '/api/accounts'], ['PATCH', '/api/accounts/:username'], ['GET', '/api/settings'], ['PUT', '/api/settings'],
];
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Values that break parsers and bounds: wrong types, extremes, control characters, deep nesting. */
function hostileValue(random: SeededRandom, depth = 0): unknown {
  switch (random.integer(0, 13)) {
    case 0: return random.pick([-1, 0, 0.5, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, -0, 1e-320]);
    case 1: return random.pick(['', ' ', '\u0000', '某某局\u0000\u0007', '\u202e局', 'x'.repeat(random.integer(1, 5000)), '=1+1', '<script>alert(1)</script>', '../../etc/passwd']);
    case 2: return random.pick([true, false, null]);
    case 3: return depth > 3 ? [] : Array.from({ length: random.integer(0, 4) }, () => hostileValue(random, depth + 1));
    case 4: return depth > 3 ? {} : Object.fromEntries(Array.from({ length: random.integer(0, 4) }, () => [random.pick(['action', 'version', 'value', 'id', '__proto__', 'constructor', 'x']), hostileValue(random, depth + 1)]));
    case 5: return random.pick(['approve', 'correct', 'blank', 'approve-auto', 'reject', 'meta', 'cleared', 'APPROVE']);
    case 6: return random.pick(['requests.completed', 'org.budget', 'disclosure.licensing.change', 'nope', '']);
    case 7: return random.integer(0, 6);
    case 8: return random.pick(['admin', 'rita', 'nobody', 'a'.repeat(70), 'bad name']);
    case 9: return random.pick(['reviewer', 'admin', 'root']);
    case 10: return random.pick(['fuzz-admin-password', 'wrong', 'x'.repeat(2000), 'short']);
    case 11: return random.integer(1990, 2100);
    case 12: return random.next() * 1000;
    default: return random.pick(['csv', 'xlsx', 'jsonl', 'wide', 'long', 'dictionary', 'gov-2014', 'unknown']);
  }
}

/** A body shaped like the route's own (mostly), with fields replaced by hostile values. */
function bodyFor(random: SeededRandom, path: string, ids: readonly string[]): { body: BodyInit | undefined; contentType: string | undefined } {
  if (path === '/api/documents') {
    const choice = random.integer(0, 5);
    if (choice === 0) return { body: new Uint8Array(0), contentType: 'text/plain' };
    if (choice === 1) return { body: new Uint8Array(Array.from({ length: random.integer(1, 3000) }, () => random.integer(0, 255))), contentType: 'application/octet-stream' };
    if (choice === 2) return { body: 'x'.repeat(210_000), contentType: 'text/plain' };
    if (choice === 3) return { body: `--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n政府信息公开${random.integer(0, 1e9)}\r\n--b--\r\n`, contentType: 'multipart/form-data; boundary=b' };
    if (choice === 4) return { body: 'not multipart', contentType: 'multipart/form-data; boundary=zz' };
    const seed = seedBytes(random.pick(seedNames));
    return { body: new Uint8Array([...seed, ...new TextEncoder().encode(`\n<!-- fuzz ${random.integer(0, 1e9)} -->`)]), contentType: 'text/plain' };
  }
  if (random.chance(0.1)) return { body: random.pick(['{', 'null', '[]', '"x"', '{"a":1}{', '\u0000', 'x'.repeat(100)]), contentType: random.pick(['application/json', 'text/plain']) };
  if (random.chance(0.05)) return { body: undefined, contentType: undefined };
  const shapes: Record<string, () => Record<string, unknown>> = {
    decisions: () => ({ action: hostileValue(random), version: random.integer(0, 4), fieldId: hostileValue(random), value: hostileValue(random), confirm: random.chance(0.5), reason: hostileValue(random), agency: hostileValue(random), year: hostileValue(random), note: hostileValue(random) }),
    login: () => ({ username: hostileValue(random), password: hostileValue(random) }),
    password: () => ({ currentPassword: hostileValue(random), newPassword: hostileValue(random) }),
    tokens: () => ({ name: hostileValue(random) }),
    accounts: () => ({ username: hostileValue(random), role: hostileValue(random), password: hostileValue(random), disabled: hostileValue(random), generatePassword: hostileValue(random) }),
    settings: () => ({ publicDownloads: hostileValue(random) }),
  };
  const key = Object.keys(shapes).find((name) => path.includes(name)) ?? 'tokens';
  const shaped = shapes[key]!();
  // Drop some fields, keep the rest: near-valid requests reach deeper than random ones.
  for (const field of Object.keys(shaped)) if (random.chance(0.3)) delete shaped[field];
  if (key === 'decisions' && ids.length > 0 && random.chance(0.5)) shaped.action = random.pick(['approve', 'correct', 'blank', 'reject', 'meta', 'approve-auto']);
  return { body: JSON.stringify(shaped), contentType: 'application/json' };
}

/**
 * Sends `requests` seeded requests over every route to a real server (file store in a temp directory, loopback),
 * as every kind of caller (anonymous, admin and reviewer sessions, an API token, a wrong CSRF token, a foreign
 * Origin or Host), with hostile paths, queries and bodies. Reports each 5xx, whether the server is still up,
 * and the store's consistency (verifyStore) after a clean stop.
 */
export async function fuzzRoutes(options: { seed: number; requests: number }): Promise<FuzzReport> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const directory = await mkdtemp(join(tmpdir(), 'gongkai-fuzz-'));
  const config = loadConfig({ GONGKAI_DATA_DIR: directory, GONGKAI_PORT: '0', GONGKAI_ADMIN_PASSWORD: ADMIN_PASSWORD, GONGKAI_MAX_DOCUMENT_BYTES: '200000' });
  const server = await startServer(config, createGoldProcessor(seedNames));
  const byStatus: Record<string, number> = {};
  const failures: string[] = [];
  const ids: string[] = [];
  const tokenIds: string[] = [];
  let serverUp = false;
  try {
    const login = async (username: string, password: string) => {
      const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ username, password }) });
      if (response.status !== 200) return undefined;
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken };
    };
    // The fuzz may change passwords, disable or demote accounts and end sessions: it follows what it did, so
    // its sessions stay logged in (and the later requests reach past authentication).
    const passwords = new Map<string, string>([['admin', ADMIN_PASSWORD]]);
    let admin = await login('admin', ADMIN_PASSWORD);
    if (!admin) throw new Error('fuzz: the admin could not log in');
    const adminHeaders = () => ({ cookie: admin!.cookie, 'x-csrf-token': admin!.csrfToken, origin: server.url });
    const created = (await (await fetch(`${server.url}/api/accounts`, { method: 'POST', headers: { ...adminHeaders(), 'content-type': 'application/json' }, body: JSON.stringify({ username: 'rita', role: 'reviewer' }) })).json()) as { generatedPassword: string };
    passwords.set('rita', created.generatedPassword);
    let reviewer = await login('rita', created.generatedPassword);
    if (!reviewer) throw new Error('fuzz: the reviewer could not log in');
    const relogin = async () => {
      admin = (await login('admin', passwords.get('admin')!)) ?? admin;
      reviewer = (await login('rita', passwords.get('rita')!)) ?? reviewer;
    };
    const { token } = (await (await fetch(`${server.url}/api/tokens`, { method: 'POST', headers: { ...adminHeaders(), 'content-type': 'application/json' }, body: JSON.stringify({ name: 'fuzz' }) })).json()) as { token: string };
    for (const name of seedNames) {
      const response = await fetch(`${server.url}/api/documents?name=${name}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: seedBytes(name) });
      ids.push(((await response.json()) as { document: { id: string } }).document.id);
    }
    await server.service.idle();

    for (let index = 0; index < options.requests; index++) {
      const [routeMethod, routePath] = random.pick(routes);
      const method = random.chance(0.1) ? random.pick(methods) : routeMethod;
      let path = routePath
        .replace(':id', () => random.pick([...ids, ...tokenIds, 'f'.repeat(64), 'zz', '%00', '..%2F..%2Fgongkai.json', 'a'.repeat(300)]))
        .replace(':username', () => random.pick(['admin', 'rita', 'rita', 'nobody', '%2e%2e', 'x'.repeat(100)]));
      if (random.chance(0.3)) {
        const keys = ['state', 'template', 'year', 'agency', 'reason', 'q', 'offset', 'limit', 'format', 'shape', 'field', 'name', 'username'];
        const query = Array.from({ length: random.integer(1, 4) }, () => `${random.pick(keys)}=${encodeURIComponent(String(hostileValue(random)).slice(0, 300))}`);
        path += `?${query.join('&')}`;
      }
      const headers: Record<string, string> = {};
      const caller = random.integer(0, 6);
      if (caller === 1 || caller === 5) Object.assign(headers, adminHeaders());
      if (caller === 2) Object.assign(headers, { cookie: reviewer.cookie, 'x-csrf-token': reviewer.csrfToken, origin: server.url });
      if (caller === 3) headers.authorization = random.pick([`Bearer ${token}`, 'Bearer gk_wrong', 'Basic abc', 'Bearer']);
      if (caller === 4) Object.assign(headers, { cookie: admin.cookie, 'x-csrf-token': 'wrong', origin: server.url });
      if (caller === 5 && random.chance(0.5)) headers.origin = 'https://evil.example';
      if (caller === 6) headers['sec-fetch-site'] = 'cross-site';
      const init: RequestInit = { method, headers };
      if (method !== 'GET' && method !== 'HEAD') {
        const { body, contentType } = bodyFor(random, routePath, ids);
        if (body !== undefined) init.body = body;
        if (contentType) headers['content-type'] = contentType;
      }
      const description = `#${index} ${method} ${path.slice(0, 120)} as caller ${caller}`;
      try {
        const response = await fetch(`${server.url}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
        const text = method === 'HEAD' ? '' : await response.text();
        byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
        if (process.env.FUZZ_TRACE) process.stderr.write(`${description} → ${response.status} ${response.headers.get("connection")} ${text.slice(0, 150)}\n`);
        if (response.status >= 500) failures.push(`${description} → ${response.status} ${text.slice(0, 200)}`);
        if (response.status === 201 && routePath === '/api/tokens') tokenIds.push((JSON.parse(text) as { id: string }).id);
        if (response.status === 202 && routePath === '/api/documents') ids.push((JSON.parse(text) as { document: { id: string } }).document.id);
        if (response.status === 200 && typeof init.body === 'string' && (routePath === '/api/auth/password' || routePath === '/api/accounts/:username')) {
          const sent = JSON.parse(init.body) as { newPassword?: unknown; password?: unknown };
          const answer = JSON.parse(text) as { generatedPassword?: unknown; account?: { username: string } };
          const username = routePath === '/api/auth/password' ? (caller === 2 ? 'rita' : 'admin') : answer.account?.username;
          const chosen = answer.generatedPassword ?? sent.newPassword ?? sent.password;
          if (username && typeof chosen === 'string') passwords.set(username, chosen);
        }
        if (response.status === 401 && (caller === 1 || caller === 2 || caller === 5)) await relogin();
      } catch (error) {
        byStatus.error = (byStatus.error ?? 0) + 1;
        failures.push(`${description} → no answer (${error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error)})`);
      }
    }
    await server.service.idle();
    const health = await fetch(`${server.url}/healthz`);
    serverUp = health.status === 200 && (await health.text()) === 'ok' && (await fetch(`${server.url}/api/auth/me`)).status === 200;
  } finally {
    await server.close();
  }
  const verification = await verifyStore(directory);
  await rm(directory, { recursive: true, force: true });
  return { seed: options.seed, requests: options.requests, byStatus, failures, serverUp, storeProblems: verification.problems, seconds: (Date.now() - started) / 1000 };
}
