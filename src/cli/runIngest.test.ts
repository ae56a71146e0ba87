import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/loadConfig.ts';
import { startServer } from '../http/startServer.ts';
import { hashSecret } from '../http/sessionCookie.ts';
import { createGoldProcessor } from '../review/goldProcessor.ts';
import { createFileStore } from '../store/createFileStore.ts';
import { runIngest } from './runIngest.ts';

const seeds = ['000_b19e0a271049421c.txt', '002_2520afaa29647670.txt'];
const corpus = (name: string) => fileURLToPath(new URL(`../../test/fixtures/corpus/${name}`, import.meta.url));

function buffers() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, streams: { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) } } };
}

describe('runIngest', () => {
  let root = '';
  let input = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'gongkai-ingest-'));
    input = join(root, 'reports');
    await mkdir(join(input, 'nested'), { recursive: true });
    await copyFile(corpus(seeds[0]!), join(input, seeds[0]!));
    await copyFile(corpus(seeds[1]!), join(input, 'nested', seeds[1]!));
    await copyFile(corpus(seeds[0]!), join(input, 'nested', 'copy-of-000.txt'));
    await writeFile(join(input, 'empty.txt'), '');
    await writeFile(join(input, 'notes.md'), 'not a report');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('submits a folder into the store, goes on past bad files, and summarises', async () => {
    const config = loadConfig({ GONGKAI_DATA_DIR: join(root, 'data') });
    const io = buffers();
    const code = await runIngest([input, join(root, 'missing.txt')], config, io.streams, { processor: createGoldProcessor(seeds) });
    expect(code).toBe(1);
    const stderr = io.err.join('');
    expect(stderr).toContain('missing.txt: no such file or folder');
    expect(stderr).toMatch(/empty\.txt: empty-document/);
    expect(stderr).toContain('submitting 4/4 100.0%');
    expect(io.out.join('')).toContain('5 file(s): 2 new, 1 already stored, 2 error(s)');
    expect(io.out.join('')).toMatch(/2 document\(s\) \((review 1, committed 1|committed 1, review 1)\)/);

    const store = await createFileStore(join(root, 'data'));
    expect((await store.listDocuments()).map((summary) => summary.state).sort()).toEqual(['committed', 'review']);
    await store.close();
  });

  it('submits through a running server with an API token', async () => {
    const config = loadConfig({ GONGKAI_STORE: 'memory', GONGKAI_PORT: '0', GONGKAI_ADMIN_PASSWORD: 'admin-password-1' });
    const server = await startServer(config, createGoldProcessor(seeds));
    try {
      await server.store.saveToken({ id: 't', name: 'ingest', username: 'admin', tokenHash: hashSecret('gk_test'), createdAt: 'x' });
      const io = buffers();
      const code = await runIngest(['--server', server.url, input], { ...config, service: { ...config.service, apiToken: 'gk_test' } }, io.streams);
      expect(code).toBe(1);
      expect(io.out.join('')).toContain('4 file(s) sent to');
      expect(io.out.join('')).toContain('2 new, 1 already stored, 1 error(s)');
      expect(io.err.join('')).toContain('empty-document');
      await server.service.idle();
      expect((await server.store.listDocuments()).length).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('refuses to open a store a server holds, and says how to submit instead', async () => {
    const config = loadConfig({ GONGKAI_DATA_DIR: join(root, 'data'), GONGKAI_PORT: '0', GONGKAI_ADMIN_PASSWORD: 'admin-password-1' });
    const server = await startServer(config, createGoldProcessor(seeds));
    try {
      const io = buffers();
      expect(await runIngest([input], config, io.streams)).toBe(1);
      expect(io.err.join('')).toContain('--server URL --token TOKEN');
    } finally {
      await server.close();
    }
  });
});
