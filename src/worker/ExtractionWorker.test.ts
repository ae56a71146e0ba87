import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from '../../test/support/startPostgres.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { GongkaiError } from '../errors/GongkaiError.ts';
import { seedBytes, seedNames } from '../http/testHarness.ts';
import { createDeterministicProcessor } from '../pipeline/deterministicProcessor.ts';
import type { DocumentProcessor } from '../pipeline/DocumentProcessor.ts';
import { applyProcessing } from '../review/applyProcessing.ts';
import { ReviewService } from '../review/ReviewService.ts';
import type { ServiceProcessor } from '../review/ServiceProcessor.ts';
import { createPostgresStore, type PostgresStore } from '../store/postgres/createPostgresStore.ts';
import { ExtractionWorker } from './ExtractionWorker.ts';
import { countJobs, takeJob } from './jobQueue.ts';

describe('worker configuration', () => {
  it('reads the database URL, extraction switch and job timings from the environment', () => {
    const config = loadConfig({ GONGKAI_DATABASE_URL: 'postgres://u:p@db:5432/gongkai', GONGKAI_EXTRACTION: 'off', GONGKAI_JOB_LEASE_SECONDS: '5' });
    expect(config.service).toMatchObject({ databaseUrl: 'postgres://u:p@db:5432/gongkai', extraction: 'off', jobs: { leaseSeconds: 5, pollMs: 1000, backoffSeconds: 10 } });
    expect(loadConfig({}).service).toMatchObject({ databaseUrl: undefined, extraction: 'on' });
    expect(() => loadConfig({ GONGKAI_DATABASE_URL: 'mysql://x' })).toThrow();
  });
});

describe.skipIf(!postgresTestsEnabled())('extraction worker', () => {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => cluster?.stop());

  const setUp = async (): Promise<{ store: PostgresStore; id: string }> => {
    const store = await createPostgresStore(await cluster.createDatabase());
    const service = new ReviewService({ store, processor: createDeterministicProcessor(), clock: () => new Date(), maxDocumentBytes: 1_000_000, extractionConcurrency: 1, extractInBackground: false });
    const { summary } = await service.submit({ bytes: seedBytes(seedNames[0]), name: seedNames[0], submittedBy: 'admin' });
    return { store, id: summary.id };
  };
  const workerOn = (store: PostgresStore, processor: DocumentProcessor, leaseMs = 60_000) =>
    new ExtractionWorker({ sql: store.sql, store, processor, concurrency: 1, leaseMs, pollMs: 20, backoffMs: 0, workerId: 'test' });

  it('finishes a job whose worker saved the result but died before marking it done, without extracting again', async () => {
    const { store, id } = await setUp();
    try {
      // A worker takes the job with a short lease, saves the extraction, and dies before completeJob.
      const job = await takeJob(store.sql, 'dead', 100);
      expect(job?.documentId).toBe(id);
      const processed = await createDeterministicProcessor().process({ name: seedNames[0], bytes: seedBytes(seedNames[0]) });
      await store.updateDocument(id, (entry) => applyProcessing(entry, processed, new Date()));
      await new Promise((resolve) => setTimeout(resolve, 150));
      let calls = 0;
      const counting: DocumentProcessor = { process: (input) => { calls++; return createDeterministicProcessor().process(input); } };
      expect(await workerOn(store, counting).runOnce()).toBe(true);
      expect(calls).toBe(0);
      expect(await countJobs(store.sql)).toMatchObject({ done: 1, running: 0, queued: 0 });
      expect((await store.findDocument(id))?.version).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('retries a passing failure, and fails the job and the document on a refusal of the document itself', async () => {
    const { store, id } = await setUp();
    try {
      const flaky: DocumentProcessor = { process: async () => { throw new Error('connection reset'); } };
      expect(await workerOn(store, flaky).runOnce()).toBe(true);
      const [retried] = await store.sql<{ state: string; attempts: number; last_error: string }[]>`SELECT state, attempts, last_error FROM jobs`;
      expect(retried).toMatchObject({ state: 'queued', attempts: 1, last_error: 'connection reset' });
      expect((await store.findDocument(id))?.state).toBe('queued');

      const refusing: DocumentProcessor = { process: async () => { throw new GongkaiError('undecodable-document', 'cannot read it'); } };
      expect(await workerOn(store, refusing).runOnce()).toBe(true);
      expect(await countJobs(store.sql)).toMatchObject({ failed: 1, queued: 0 });
      expect(await store.findDocument(id)).toMatchObject({ state: 'failed', error: 'undecodable-document: cannot read it' });
    } finally {
      await store.close();
    }
  });

  it('queues pending LLM work as a job and runs it again, with a growing wait, until no section is pending', async () => {
    const { store, id } = await setUp();
    try {
      const deterministic = createDeterministicProcessor();
      let calls = 0;
      // The endpoint fails for the first two runs (extraction, first retry), then answers.
      const withLlm: ServiceProcessor = {
        llmEnabled: true,
        async process(input) {
          calls++;
          const processed = await deterministic.process(input);
          return calls < 3 ? { ...processed, llm: 'failed', pendingLlmSections: ['section-2'] } : { ...processed, llm: 'used', pendingLlmSections: [] };
        },
      };
      const worker = new ExtractionWorker({ sql: store.sql, store, processor: withLlm, concurrency: 1, leaseMs: 60_000, pollMs: 20, backoffMs: 0, workerId: 'test', llmRetryMs: 20 });
      expect(await worker.runOnce()).toBe(true);
      const [queued] = await store.sql<{ state: string; last_error: string }[]>`SELECT state, last_error FROM jobs WHERE kind = 'llm'`;
      expect(queued).toMatchObject({ state: 'queued', last_error: 'LLM pending for section-2' });
      expect((await store.findDocument(id))?.state).toBe('review');

      const llmJob = async () => (await store.sql<{ state: string; attempts: number; run_after: Date; updated_at: Date }[]>`
        SELECT state, attempts, run_after, updated_at FROM jobs WHERE kind = 'llm'`)[0]!;
      const waits: number[] = [];
      for (let round = 0; round < 500 && (await llmJob()).state !== 'done'; round++) {
        if (await worker.runOnce()) {
          const job = await llmJob();
          if (job.state === 'queued') waits.push(job.run_after.getTime() - job.updated_at.getTime());
        } else {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
      expect(await llmJob()).toMatchObject({ state: 'done', attempts: 2 });
      expect(calls).toBe(3);
      // Deferred once after the first retry, with the doubled wait (20 ms × 2).
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThanOrEqual(39);
      const document = await store.readDocument(id);
      expect(document?.processing.llm).toBe('used');
      expect(await countJobs(store.sql)).toMatchObject({ done: 2, queued: 0, running: 0 });
    } finally {
      await store.close();
    }
  });

  it('queues no LLM work when the processor calls no model', async () => {
    const { store } = await setUp();
    try {
      expect(await workerOn(store, createDeterministicProcessor()).runOnce()).toBe(true);
      expect(await store.sql`SELECT 1 FROM jobs WHERE kind = 'llm'`).toHaveLength(0);
    } finally {
      await store.close();
    }
  });
});
