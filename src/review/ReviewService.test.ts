import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GongkaiError } from '../errors/GongkaiError.ts';
import type { DocumentProcessor } from '../pipeline/DocumentProcessor.ts';
import { createFileStore } from '../store/createFileStore.ts';
import { createMemoryStore } from '../store/createMemoryStore.ts';
import type { Store } from '../store/Store.ts';
import { createGoldProcessor } from './goldProcessor.ts';
import { ReviewService } from './ReviewService.ts';
import { readFileSync } from 'node:fs';

const seed = '000_b19e0a271049421c.txt';
const seedBytes = () => new Uint8Array(readFileSync(new URL(`../../test/fixtures/corpus/${seed}`, import.meta.url)));

function serviceOn(store: Store, processor: DocumentProcessor, extractInBackground = true) {
  return new ReviewService({ store, processor, clock: () => new Date(), maxDocumentBytes: 1_000_000, extractionConcurrency: 2, extractInBackground });
}

describe('ReviewService', () => {
  let directory = '';
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gongkai-service-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('resumes extractions left queued by an earlier run', async () => {
    const first = await createFileStore(directory);
    const { summary } = await serviceOn(first, createGoldProcessor([seed]), false).submit({ bytes: seedBytes(), name: seed, submittedBy: 'alice' });
    expect(summary.state).toBe('queued');
    await first.close();

    const second = await createFileStore(directory);
    const service = serviceOn(second, createGoldProcessor([seed]));
    await service.start();
    await service.idle();
    const view = await service.getDocument(summary.id);
    expect(view.summary.state).toBe('review');
    expect(view.document?.processing.messages).toEqual(['gold processor (tests)']);
    expect(view.text).toContain('银川经济技术开发区');
    await second.close();
  });

  it('records a failed extraction with its reason, and retries it (also when the same bytes come again)', async () => {
    const store = createMemoryStore();
    let fail = true;
    const gold = createGoldProcessor([seed]);
    const flaky: DocumentProcessor = {
      async process(input) {
        if (fail) throw new GongkaiError('llm-failed', 'the model endpoint answered 503');
        const processed = await gold.process(input);
        return { ...processed, llm: 'used', usage: { calls: 2, inputTokens: 1200, outputTokens: 300, estimatedCost: 0.0012, model: 'm', promptVersion: 'p1' } };
      },
    };
    const service = serviceOn(store, flaky);
    const { summary } = await service.submit({ bytes: seedBytes(), name: seed, submittedBy: 'alice' });
    await service.idle();
    expect(await store.findDocument(summary.id)).toMatchObject({ state: 'failed', error: 'llm-failed: the model endpoint answered 503' });
    fail = false;
    const again = await service.submit({ bytes: seedBytes(), name: 'again.txt', submittedBy: 'bob' });
    expect(again).toMatchObject({ created: false, summary: { state: 'queued' } });
    await service.idle();
    const view = await service.getDocument(summary.id);
    expect(view.summary.state).toBe('review');
    expect(view.document?.processing).toMatchObject({ llm: 'used', usage: { calls: 2, model: 'm' } });
  });

  it('refuses documents over the size limit before storing anything', async () => {
    const store = createMemoryStore();
    const service = new ReviewService({ store, processor: createGoldProcessor([]), clock: () => new Date(), maxDocumentBytes: 10, extractionConcurrency: 1 });
    await expect(service.submit({ bytes: new Uint8Array(11).fill(65), name: 'x.txt', submittedBy: 'a' })).rejects.toMatchObject({ code: 'document-too-large' });
    expect(await store.listDocuments()).toEqual([]);
  });

  it('keeps a decision conflict from reaching the store', async () => {
    const store = createMemoryStore();
    const service = serviceOn(store, createGoldProcessor([seed]));
    const { summary } = await service.submit({ bytes: seedBytes(), name: seed, submittedBy: 'alice' });
    await service.idle();
    const results = await Promise.allSettled([
      service.decide(summary.id, { action: 'correct', version: 1, fieldId: 'requests.completed', value: 2 }, 'alice'),
      service.decide(summary.id, { action: 'correct', version: 1, fieldId: 'requests.completed', value: 3, confirm: true }, 'bob'),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    const history = await service.history(summary.id, 'requests.completed');
    expect(history.map((decision) => decision.by)).toEqual(['alice']);
  });
});
