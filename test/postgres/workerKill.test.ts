import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBytes, seedNames } from '../../src/http/testHarness.ts';
import { createDeterministicProcessor } from '../../src/pipeline/deterministicProcessor.ts';
import { ReviewService } from '../../src/review/ReviewService.ts';
import { createPostgresStore, type PostgresStore } from '../../src/store/postgres/createPostgresStore.ts';
import { ExtractionWorker } from '../../src/worker/ExtractionWorker.ts';
import { countJobs } from '../../src/worker/jobQueue.ts';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from '../support/startPostgres.ts';

const child = fileURLToPath(new URL('../support/postgresWorkerChild.ts', import.meta.url));
const LEASE_MS = 1500;

/** Resolves with the child's first `started …` line. */
function waitForStart(process: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    process.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((text) => text.startsWith('started '));
      if (line) resolve(line);
    });
    process.once('exit', (code) => reject(new Error(`the worker child exited (${code}) before starting a document: ${output}`)));
  });
}

describe.skipIf(!postgresTestsEnabled())('extraction workers on PostgreSQL', () => {
  let cluster: TestPostgres;
  let store: PostgresStore;
  let url = '';
  beforeAll(async () => {
    cluster = await startPostgres();
    url = await cluster.createDatabase();
    store = await createPostgresStore(url);
  });
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it('takes a killed worker\'s jobs again and finishes every document exactly once', async () => {
    // Submitted by a server with extraction off: the documents wait in the job queue.
    const service = new ReviewService({
      store, processor: createDeterministicProcessor(), clock: () => new Date(), maxDocumentBytes: 1_000_000, extractionConcurrency: 1, extractInBackground: false,
    });
    const ids: string[] = [];
    for (const name of seedNames) ids.push((await service.submit({ bytes: seedBytes(name), name, submittedBy: 'admin' })).summary.id);
    expect(await countJobs(store.sql)).toMatchObject({ queued: seedNames.length });

    const worker = spawn(process.execPath, ['--import', 'tsx', child, url, '60000', String(LEASE_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await waitForStart(worker);
    // kill -9 in the middle of a document: its jobs stay `running` under a lease nobody renews.
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    const held = await store.sql<{ count: number }[]>`SELECT count(*)::integer AS count FROM jobs WHERE state = 'running' AND locked_by = 'child'`;
    expect(held[0]!.count).toBeGreaterThanOrEqual(1);

    const survivor = new ExtractionWorker({
      sql: store.sql, store, processor: createDeterministicProcessor(), concurrency: 2, leaseMs: LEASE_MS, pollMs: 50, backoffMs: 100, workerId: 'survivor',
    });
    survivor.start();
    try {
      for (let waited = 0; (await countJobs(store.sql)).done < seedNames.length; waited += 100) {
        if (waited > 30_000) throw new Error(`jobs not done: ${JSON.stringify(await countJobs(store.sql))}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await survivor.stop();
    }

    expect(await countJobs(store.sql)).toEqual({ queued: 0, running: 0, done: seedNames.length, failed: 0 });
    const jobs = await store.sql<{ document_id: string; attempts: number; locked_by: string }[]>`SELECT document_id, attempts, locked_by FROM jobs ORDER BY id`;
    expect(jobs).toHaveLength(seedNames.length);
    expect(jobs.every((job) => job.locked_by === 'survivor')).toBe(true);
    // The killed worker's jobs were taken twice; the others once.
    expect(jobs.filter((job) => job.attempts === 2).length).toBe(held[0]!.count);
    for (const id of ids) {
      const summary = await store.findDocument(id);
      // Extracted once: one version step from queued (0), no decision.
      expect(summary?.version).toBe(1);
      expect(['review', 'committed']).toContain(summary?.state);
      expect((await store.readDocument(id))?.decisions).toEqual([]);
    }
  });
});

