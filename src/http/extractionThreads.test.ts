import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/loadConfig.ts';
import { createDeterministicProcessor } from '../pipeline/deterministicProcessor.ts';
import { createMemoryStore } from '../store/createMemoryStore.ts';
import { createApp } from './createApp.ts';
import { seedBytes, seedNames, stubAssets } from './testHarness.ts';

/** A large report: a seed repeated (its tables read the same) with a line that makes its bytes its own. */
function largeDocument(index: number): Uint8Array {
  const seed = new TextDecoder().decode(seedBytes(seedNames[0]));
  return new TextEncoder().encode(`${seed.repeat(40)}\n批次 ${index}\n`);
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The app behind a real HTTP server: a request is answered only when the main thread's event loop is free. */
async function serve(environment: Record<string, string>) {
  const store = createMemoryStore();
  const config = loadConfig({ GONGKAI_MAX_DOCUMENT_BYTES: '4000000', ...environment });
  const { app, service } = createApp({ store, processor: createDeterministicProcessor(), config, assets: stubAssets });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  closers.push(async () => {
    service.stop();
    await new Promise<void>((closed) => server.close(() => closed()));
  });
  const { port } = server.address() as AddressInfo;
  return { service, store, url: `http://127.0.0.1:${port}` };
}

describe('extraction threads in the server (GONGKAI_EXTRACTION_THREADS)', () => {
  it('answers a cheap request while a batch of large documents is still extracting, then finishes the batch', async () => {
    const { service, store, url } = await serve({ GONGKAI_EXTRACTION_THREADS: '1' });
    const submitted = await Promise.all([0, 1, 2].map((index) => service.submit({ bytes: largeDocument(index), name: `large-${index}.txt`, submittedBy: 'admin' })));

    // Ordering, not milliseconds: which of the two finishes first. (With GONGKAI_EXTRACTION_THREADS=0 the same
    // steps end the other way round: the main thread extracts the batch before it reads the request.)
    const events: string[] = [];
    const batch = service.idle().then(() => events.push('batch extracted'));
    const cheap = fetch(`${url}/healthz`).then(async (response) => {
      events.push(`cheap request answered ${response.status} ${await response.text()}`);
    });
    await Promise.all([batch, cheap]);
    expect(events).toEqual(['cheap request answered 200 ok', 'batch extracted']);

    for (const submission of submitted) {
      const summary = await store.findDocument(submission.summary.id);
      expect(summary?.state).not.toBe('queued');
      expect(summary?.state).not.toBe('failed');
      expect(summary?.template).toBe('gov-2014');
    }
  });
});
