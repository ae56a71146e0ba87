import { readFileSync } from 'node:fs';
import { loadConfig } from '../config/loadConfig.ts';
import { createGoldProcessor } from '../review/goldProcessor.ts';
import type { ServiceProcessor } from '../review/ServiceProcessor.ts';
import { createMemoryStore } from '../store/createMemoryStore.ts';
import type { Store } from '../store/Store.ts';
import { createApp, type GongkaiApp } from './createApp.ts';
import { ensureFirstAdmin } from './ensureFirstAdmin.ts';
import type { ReviewUiAssets } from './reviewUiAssets.ts';

/** Test helper: the five seed reports' file names. */
export const seedNames = [
  '000_b19e0a271049421c.txt',
  '001_f8ed6e34138a7c30.txt',
  '002_2520afaa29647670.txt',
  '003_325a78626e0cba12.txt',
  '004_36f0e1c09a832b79.txt',
] as const;

/** Test helper: a seed report's bytes. */
export function seedBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(`../../test/fixtures/corpus/${name}`, import.meta.url)));
}

/** Test helper: stand-in UI assets (the API tests do not need the real bundle). */
export const stubAssets: ReviewUiAssets = {
  async get(name) {
    return { body: `stub ${name}`, contentType: name === 'index.html' ? 'text/html; charset=utf-8' : 'text/plain', etag: '"stub"' };
  },
};

/** The origin app.request() uses. */
export const ORIGIN = 'http://localhost';

/** A logged-in client of the test app: cookie, CSRF token and Origin sent on every request. */
export interface TestClient {
  readonly csrfToken: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  json(path: string, body: unknown, method?: string): Promise<Response>;
}

/** Test helper: an app on a memory store (or the given one) with the gold processor and an admin account. */
export async function createTestApp(
  options: { store?: Store; processor?: ServiceProcessor; environment?: Record<string, string>; clock?: () => Date } = {},
) {
  const store = options.store ?? createMemoryStore();
  const config = loadConfig({ GONGKAI_MAX_DOCUMENT_BYTES: '200000', ...options.environment });
  const built: GongkaiApp = createApp({
    store, processor: options.processor ?? createGoldProcessor(seedNames), config, assets: stubAssets, ...(options.clock ? { clock: options.clock } : {}),
  });
  await ensureFirstAdmin(store, 'admin-password-1', new Date());

  const login = async (username: string, password: string): Promise<TestClient> => {
    const response = await built.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const request = (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      if (!headers.has('origin')) headers.set('origin', ORIGIN);
      if (!headers.has('x-csrf-token')) headers.set('x-csrf-token', csrfToken);
      return Promise.resolve(built.app.request(path, { ...init, headers }));
    };
    return {
      csrfToken,
      request,
      json: (path, body, method = 'POST') => request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    };
  };
  return { ...built, store, config, login };
}
