import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { goldOracle, narrativeSections, readSeed } from '../../src/eval/llm/buildLlmCases.ts';
import { answerAsStandIn, type StandInRequest } from '../../src/eval/llm/standInModel.ts';
import { createProcessor } from '../../src/extract/createProcessor.ts';
import { createTestApp, seedBytes, seedNames, type TestClient } from '../../src/http/testHarness.ts';
import { ReviewService, type DocumentView, type ServiceStats } from '../../src/review/ReviewService.ts';
import { createFileStore } from '../../src/store/createFileStore.ts';
import { createMemoryStore } from '../../src/store/createMemoryStore.ts';
import { BASE_URL, COMPLETIONS_URL, standInHandler } from './support.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const prompts = fileURLToPath(new URL('../../prompts', import.meta.url));
// Seed 002 with sections 二 and 四 written as prose: no table for the parser, so both go to the LLM.
const seed = readSeed('002');
const narrative = new TextEncoder().encode(narrativeSections(seed.text, seed.gold));
const oracle = goldOracle(seed.gold);

let directory = '';
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'gongkai-llm-service-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The processor exactly as main wires it, pointed at the msw endpoint (no retries: a 5xx fails at once). */
function llmProcessor(environment: Record<string, string> = {}) {
  const config = loadConfig({
    OPENAI_BASE_URL: BASE_URL, OPENAI_API_KEY: 'sk-test', GONGKAI_LLM_MODEL: 'test-model', GONGKAI_LLM_MAX_RETRIES: '0',
    GONGKAI_LLM_CACHE: 'off', GONGKAI_LLM_PROMPT_DIR: prompts, GONGKAI_DATA_DIR: directory, ...environment,
  });
  return createProcessor(config);
}

async function upload(client: TestClient, name: string, bytes: Uint8Array) {
  const response = await client.request(`/api/documents?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: bytes as Uint8Array<ArrayBuffer> });
  expect(response.status).toBe(202);
  return ((await response.json()) as { document: { id: string } }).document.id;
}

async function view(client: TestClient, id: string): Promise<DocumentView> {
  return (await (await client.request(`/api/documents/${id}`)).json()) as DocumentView;
}

async function stats(client: TestClient): Promise<ServiceStats> {
  return (await (await client.request('/api/stats')).json()) as ServiceStats;
}

/** Every field the LLM produced has the gold value, evidence in the text, and its quote among the issues. */
function expectLlmValues(document: DocumentView) {
  const fields = document.document!.record.fields.filter((field) => field.method === 'llm');
  expect(fields.length).toBeGreaterThan(5);
  for (const field of fields) {
    expect(field.value, field.id).toBe(seed.gold.fields[field.id]);
    expect(document.text!.slice(field.evidence!.start, field.evidence!.end), field.id).toBe(field.evidence!.text);
    expect(field.issues.join('\n'), field.id).toMatch(/test-model/);
  }
}

describe('the review service with the LLM processor', () => {
  it('stores the LLM values and usage of a submitted document, and /api/stats sums the usage', async () => {
    const requests: StandInRequest[] = [];
    server.use(standInHandler(oracle, requests));
    const processor = llmProcessor();
    const test = await createTestApp({ processor });
    const admin = await test.login('admin', 'admin-password-1');

    const first = await upload(admin, 'narrative.txt', narrative);
    const second = await upload(admin, 'narrative-copy.txt', new Uint8Array([...narrative, 10]));
    const plain = await upload(admin, seedNames[0], seedBytes(seedNames[0]));
    await test.service.idle();

    const document = await view(admin, first);
    expect(document.document!.processing).toMatchObject({ llm: 'used', usage: { calls: 2, model: 'test-model', promptVersion: 'v1', currency: 'USD' } });
    const usage = document.document!.processing.usage!;
    expect(usage.inputTokens).toBeGreaterThan(0);
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(usage.estimatedCost).toBeCloseTo((usage.inputTokens * 0.15 + usage.outputTokens * 0.6) / 1e6, 8);
    expect(usage.callDetails?.map((call) => call.outcome)).toEqual(['ok', 'ok']);
    expect(document.document!.processing.messages.join('\n')).toMatch(/LLM usage: 2 call\(s\)/);
    expect(document.summary.llmUsage).toEqual({ calls: 2, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, estimatedCost: usage.estimatedCost, currency: 'USD' });
    expect(document.llmWork).toBeNull();
    expectLlmValues(document);
    expect(requests).toHaveLength(4);

    const copy = (await view(admin, second)).document!.processing.usage!;
    const totals = await stats(admin);
    expect(totals.processor).toEqual({ llmEnabled: true, status: processor.status, pendingLlmWork: 0 });
    expect(totals.processor.status).toMatch(/^LLM on: test-model at https:\/\/llm\.test\/v1/);
    expect(totals.llm).toMatchObject({
      documents: 2,
      calls: 4,
      inputTokens: usage.inputTokens + copy.inputTokens,
      outputTokens: usage.outputTokens + copy.outputTokens,
      currency: 'USD',
    });
    expect(totals.llm.estimatedCost).toBeCloseTo(usage.estimatedCost + copy.estimatedCost, 6);
    expect(totals.llm.byTemplate['gov-2019']).toMatchObject({ documents: 2, calls: 4 });
    expect(totals.llm.byTemplate['gov-2014']).toBeUndefined();
    expect((await view(admin, plain)).summary.llmUsage).toBeUndefined();
    // Every document's LLM work is done: nothing is left in the durable queue.
    expect(JSON.parse(await readFile(join(directory, 'llm-queue.json'), 'utf8'))).toEqual({ version: 1, items: [] });
  });

  it('resumes LLM work left pending by an endpoint outage after a restart, on the same data directory', async () => {
    let outage = 0;
    server.use(http.post(COMPLETIONS_URL, () => {
      outage++;
      return HttpResponse.json({ error: { message: 'upstream unavailable' } }, { status: 503 });
    }));
    const start = new Date();
    const firstStore = await createFileStore(directory);
    const first = await createTestApp({ store: firstStore, processor: llmProcessor() });
    const alice = await first.login('admin', 'admin-password-1');
    const id = await upload(alice, 'narrative.txt', narrative);
    await first.service.idle();
    expect(outage).toBe(2);

    const failed = await view(alice, id);
    expect(failed.summary.state).toBe('review');
    expect(failed.document!.processing.llm).toBe('failed');
    expect(failed.document!.record.fields.some((field) => field.method === 'llm')).toBe(false);
    expect(failed.llmWork).toMatchObject({ key: id, attempts: 1 });
    expect((await stats(alice)).processor.pendingLlmWork).toBe(1);
    first.service.stop();
    await firstStore.close();
    const persisted = JSON.parse(await readFile(join(directory, 'llm-queue.json'), 'utf8')) as { items: { key: string }[] };
    expect(persisted.items.map((item) => item.key)).toEqual([id]);

    // The endpoint is back; a new instance starts an hour later (past the backoff) on the same directory.
    server.resetHandlers(standInHandler(oracle));
    const secondStore = await createFileStore(directory);
    const later = () => new Date(start.getTime() + 3600_000);
    const second = await createTestApp({ store: secondStore, processor: llmProcessor(), clock: later });
    await second.service.start();
    await second.service.idle();
    const bob = await second.login('admin', 'admin-password-1');
    const resumed = await view(bob, id);
    expect(resumed.document!.processing.llm).toBe('used');
    expect(resumed.document!.processing.messages.join('\n')).toMatch(/LLM work resumed: this record replaces/);
    expect(resumed.document!.processing.usage!.calls).toBeGreaterThanOrEqual(2);
    expect(resumed.summary.version).toBeGreaterThan(failed.summary.version);
    expect(resumed.llmWork).toBeNull();
    expectLlmValues(resumed);
    const totals = await stats(bob);
    expect(totals.processor.pendingLlmWork).toBe(0);
    expect(totals.llm.calls).toBe(resumed.document!.processing.usage!.calls);
    second.service.stop();
    await secondStore.close();
  });

  it('keeps a reviewer\'s decisions when pending LLM work finishes later, and says so', async () => {
    server.use(http.post(COMPLETIONS_URL, () => HttpResponse.json({ error: { message: 'down' } }, { status: 502 })));
    const start = new Date();
    const firstStore = await createFileStore(directory);
    const first = await createTestApp({ store: firstStore, processor: llmProcessor() });
    const alice = await first.login('admin', 'admin-password-1');
    const id = await upload(alice, 'narrative.txt', narrative);
    await first.service.idle();
    const failed = await view(alice, id);
    const inReview = failed.document!.record.fields.find((field) => field.status === 'review')!;
    const decided = await alice.json(`/api/documents/${id}/decisions`, { action: 'correct', fieldId: inReview.id, value: 7, version: failed.summary.version, confirm: true });
    expect(decided.status).toBe(200);
    first.service.stop();
    await firstStore.close();

    server.resetHandlers(standInHandler(oracle));
    const secondStore = await createFileStore(directory);
    const second = await createTestApp({ store: secondStore, processor: llmProcessor(), clock: () => new Date(start.getTime() + 3600_000) });
    await second.service.start();
    await second.service.idle();
    const bob = await second.login('admin', 'admin-password-1');
    const after = await view(bob, id);
    expect(after.llmWork).toBeNull();
    expect(after.document!.decisions.map((decision) => decision.by)).toEqual(['admin']);
    expect(after.document!.record.fields.find((field) => field.id === inReview.id)).toMatchObject({ value: 7, status: 'corrected' });
    expect(after.document!.record.fields.some((field) => field.method === 'llm')).toBe(false);
    expect(after.document!.processing.messages.at(-1)).toMatch(/after a reviewer had decided on this document: their work was kept/);
    expect(after.summary.llmUsage?.calls).toBe((await stats(bob)).llm.calls);
    second.service.stop();
    await secondStore.close();
  });

  it('retries pending LLM work by itself while the service runs, until the endpoint answers', async () => {
    let down = true;
    server.use(http.post(COMPLETIONS_URL, async ({ request }) => (down
      ? HttpResponse.json({ error: { message: 'down' } }, { status: 500 })
      : HttpResponse.json(answerAsStandIn((await request.json()) as StandInRequest, oracle)))));
    const store = createMemoryStore();
    // Its clock runs an hour ahead, so the backoff has passed at every retry.
    const service = new ReviewService({
      store, processor: llmProcessor(), clock: () => new Date(Date.now() + 3600_000), maxDocumentBytes: 1_000_000, extractionConcurrency: 1, llmRetryIntervalMs: 5,
    });
    await service.start();
    const { summary } = await service.submit({ bytes: narrative, name: 'narrative.txt', submittedBy: 'alice' });
    await service.idle();
    expect((await service.getDocument(summary.id)).document!.processing.llm).toBe('failed');
    expect((await service.stats()).processor.pendingLlmWork).toBe(1);
    down = false;
    await vi.waitFor(async () => expect((await service.stats()).processor.pendingLlmWork).toBe(0), { timeout: 10_000, interval: 20 });
    await service.idle();
    const resumed = await service.getDocument(summary.id);
    expect(resumed.document!.processing.llm).toBe('used');
    expect(resumed.llmWork).toBeNull();
    service.stop();
  });

  it('without an LLM endpoint: the deterministic path as before, no LLM queue, and the stats say LLM off', async () => {
    const processor = llmProcessor({ OPENAI_BASE_URL: '', OPENAI_API_KEY: '' });
    expect(processor.llmEnabled).toBe(false);
    const test = await createTestApp({ processor });
    const admin = await test.login('admin', 'admin-password-1');
    const id = await upload(admin, 'narrative.txt', narrative);
    await test.service.idle();
    const document = await view(admin, id);
    expect(document.document!.processing).toMatchObject({ llm: 'off', usage: null });
    expect(document.document!.processing.messages.join('\n')).toMatch(/LLM off: \d+ unresolved section\(s\) left for review/);
    expect(document.document!.record.fields.some((field) => field.method === 'llm')).toBe(false);
    expect(document.summary.llmUsage).toBeUndefined();
    expect(document.llmWork).toBeNull();
    const totals = await stats(admin);
    expect(totals.processor).toEqual({ llmEnabled: false, status: processor.status, pendingLlmWork: 0 });
    expect(totals.processor.status).toMatch(/^LLM off: no endpoint configured/);
    expect(totals.llm).toEqual({ documents: 0, calls: 0, inputTokens: 0, outputTokens: 0, estimatedCost: 0, currency: null, byTemplate: {} });
    expect(existsSync(join(directory, 'llm-queue.json'))).toBe(false);
  });
});
