import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/loadConfig.ts';
import { createApp } from '../src/http/createApp.ts';
import { hashSecret } from '../src/http/sessionCookie.ts';
import { createDeterministicProcessor } from '../src/pipeline/deterministicProcessor.ts';
import { createFileStore } from '../src/store/createFileStore.ts';
import { createPostgresStore } from '../src/store/postgres/createPostgresStore.ts';
import { MemoryPeak, megabytes } from './MemoryPeak.ts';

const TOTAL = Number(process.env.GONGKAI_BENCH_DOCUMENTS ?? 10_000);
/** Documents submitted together, then waited for (submission + extraction + durable storage). */
const BATCH = 100;
/** Concurrent submissions within a batch. */
const SUBMIT_CONCURRENCY = 8;
/** Concurrent decision requests while settling the documents left in review. */
const DECISION_CONCURRENCY = 8;
/** Checkpoints reported, each as the mean of the BATCHES_PER_WINDOW batches ending there. */
const CHECKPOINTS = [1_000, 5_000, 10_000].filter((checkpoint) => checkpoint <= TOTAL);
const BATCHES_PER_WINDOW = 5;

const peak = new MemoryPeak();

async function directorySize(directory: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      const inner = await directorySize(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += (await stat(path)).size;
      files++;
    }
  }
  return { bytes, files };
}


async function runLimited<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/**
 * Review-service benchmark: submits TOTAL (10,000) documents (the five seeds, each copy varied by one line so
 * every copy hashes differently) through the HTTP API (in-process app.request, API token) into a file store
 * in a temp directory, in batches of 100 that are each waited for until extracted and durably stored. Prints
 * reports/s and ms per report around 1k, 5k and 10k, store size on disk, peak memory, the time to settle the
 * documents left in review through the decisions API, and the time to export them all as wide CSV.
 * Prints figures; asserts nothing.
 */
export async function runServiceBenchmark(options: { readonly databaseUrl?: string } = {}): Promise<void> {
  const corpus = new URL('../test/fixtures/corpus/', import.meta.url);
  const seeds = readdirSync(corpus).filter((name) => name.endsWith('.txt')).sort().map((name) => ({ name, text: readFileSync(new URL(name, corpus), 'utf8') }));
  const directory = await mkdtemp(join(tmpdir(), 'gongkai-bench-service-'));
  const sampler = setInterval(() => peak.sample(), 100);
  const postgresStore = options.databaseUrl ? await createPostgresStore(options.databaseUrl) : undefined;
  const store = postgresStore ?? await createFileStore(directory);
  try {
    const config = loadConfig({ GONGKAI_DATA_DIR: directory });
    const { app, service } = createApp({ store, processor: createDeterministicProcessor(), config });
    const token = `gk_${randomBytes(24).toString('base64url')}`;
    await store.saveAccount({ username: 'bench', role: 'admin', passwordHash: 'unused', createdAt: new Date().toISOString(), disabled: false });
    await store.saveToken({ id: 'bench', name: 'bench', username: 'bench', tokenHash: hashSecret(token), createdAt: new Date().toISOString() });
    const authorization = { authorization: `Bearer ${token}` };
    const encoder = new TextEncoder();

    console.log(`service benchmark: ${TOTAL} documents (5 seeds, varied copies) via POST /api/documents into ${postgresStore ? 'PostgreSQL' : `a file store at ${directory}`}`);
    console.log(`  batches of ${BATCH} (${SUBMIT_CONCURRENCY} concurrent submissions, extraction concurrency ${config.service.extractionConcurrency}), each waited for until durable`);
    const batchMs: number[] = [];
    const started = performance.now();
    let failures = 0;
    for (let first = 0; first < TOTAL; first += BATCH) {
      const batchStart = performance.now();
      const indexes = Array.from({ length: Math.min(BATCH, TOTAL - first) }, (_, offset) => first + offset);
      await runLimited(indexes, SUBMIT_CONCURRENCY, async (index) => {
        const seed = seeds[index % seeds.length]!;
        const body = encoder.encode(`${seed.text}\n\n（副本 ${index}）\n`);
        const response = await app.request(`/api/documents?name=${encodeURIComponent(`${index}_${seed.name}`)}`, { method: 'POST', headers: authorization, body });
        if (response.status !== 202) failures++;
        await response.arrayBuffer();
      });
      await service.idle();
      batchMs.push(performance.now() - batchStart);
      peak.sample();
      const done = first + indexes.length;
      if (done % 1000 === 0) process.stderr.write(`  … ${done} documents, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
    const totalSeconds = (performance.now() - started) / 1000;
    const window = (checkpoint: number) => {
      const last = checkpoint / BATCH;
      const slice = batchMs.slice(Math.max(0, last - BATCHES_PER_WINDOW), last);
      return slice.reduce((sum, ms) => sum + ms, 0) / slice.length / BATCH;
    };
    const checkpointFigures = CHECKPOINTS.map((checkpoint) => ({ checkpoint, msPerReport: window(checkpoint) }));
    for (const { checkpoint, msPerReport } of checkpointFigures) {
      console.log(`  at ${String(checkpoint).padStart(6)}: ${msPerReport.toFixed(2)} ms per report (${(1000 / msPerReport).toFixed(0)} reports/s; mean of the last ${BATCHES_PER_WINDOW * BATCH})`);
    }
    const firstCheckpoint = checkpointFigures[0];
    const lastCheckpoint = checkpointFigures.at(-1);
    if (firstCheckpoint && lastCheckpoint && lastCheckpoint !== firstCheckpoint) {
      console.log(`  cost at ${lastCheckpoint.checkpoint} ÷ cost at ${firstCheckpoint.checkpoint}: ${(lastCheckpoint.msPerReport / firstCheckpoint.msPerReport).toFixed(2)}× (target ≤ 2×)`);
    }
    const stats = await service.stats();
    console.log(`  overall: ${TOTAL} reports in ${totalSeconds.toFixed(1)} s = ${(TOTAL / totalSeconds).toFixed(0)} reports/s; refused ${failures}; states ${JSON.stringify(stats.byState)}`);
    if (postgresStore) {
      const [database] = await postgresStore.sql<{ bytes: string }[]>`SELECT pg_database_size(current_database())::text AS bytes`;
      console.log(`  database size: ${megabytes(Number(database!.bytes))} (documents, blobs, audit, jobs and their indexes)`);
    } else {
      const size = await directorySize(directory);
      console.log(`  store on disk: ${megabytes(size.bytes)} in ${size.files} files (raw blobs + per-document records and texts + 256 index shards)`);
    }
    console.log(`  peak memory so far: rss ${megabytes(peak.rss)}, heap ${megabytes(peak.heapUsed)}`);

    // The review queue's first page as the UI asks for it (document list with its facets), timed.
    const pageMs: number[] = [];
    for (let round = 0; round < 50; round++) {
      const pageStart = performance.now();
      await (await app.request('/api/documents?state=review&limit=100', { headers: authorization })).arrayBuffer();
      pageMs.push(performance.now() - pageStart);
    }
    pageMs.sort((a, b) => a - b);
    console.log(`  queue page (100 of the documents in review, with facets): median ${pageMs[25]!.toFixed(1)} ms, p95 ${pageMs[47]!.toFixed(1)} ms over 50 requests`);

    // Settle what waits for a person, through the decisions API, so the export covers every document.
    const settleStart = performance.now();
    let decisions = 0;
    const inReview = (await store.listDocuments()).filter((summary) => summary.state === 'review' && summary.template !== 'unknown').map((summary) => summary.id);
    const decide = async (id: string, body: Record<string, unknown>) => {
      const response = await service.decide(id, body as never, 'bench');
      decisions++;
      return response;
    };
    await runLimited(inReview, DECISION_CONCURRENCY, async (id) => {
      let document = (await store.readDocument(id))!;
      for (const field of document.record.fields.filter((candidate) => candidate.status === 'review')) {
        const current = document.record.fields.find((candidate) => candidate.id === field.id)!;
        if (current.status !== 'review') continue;
        document = (await decide(id, { action: 'approve', version: document.version, fieldId: field.id, confirm: true })).document;
      }
    });
    const settleSeconds = (performance.now() - settleStart) / 1000;
    console.log(`  settled ${inReview.length} documents in review with ${decisions} decisions in ${settleSeconds.toFixed(1)} s (${((settleSeconds * 1000) / Math.max(decisions, 1)).toFixed(2)} ms per decision, ${DECISION_CONCURRENCY} documents at a time)`);

    const committed = (await service.stats()).byState.committed ?? 0;
    const rssBefore = process.memoryUsage().rss;
    let exportPeak = rssBefore;
    const exportSampler = setInterval(() => {
      exportPeak = Math.max(exportPeak, process.memoryUsage().rss);
    }, 50);
    const exportStart = performance.now();
    let exportBytes = 0;
    // A wide CSV is one file per template: the three together are the whole dataset.
    for (const template of ['gov-2014', 'gov-2019', 'gov-2021']) {
      const response = await app.request(`/api/export?format=csv&shape=wide&template=${template}`, { headers: authorization });
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        exportBytes += value.byteLength;
      }
    }
    const exportSeconds = (performance.now() - exportStart) / 1000;
    clearInterval(exportSampler);
    console.log(`  export of ${committed} committed documents as wide CSV (one file per template): ${exportSeconds.toFixed(2)} s, ${megabytes(exportBytes)} (target < 10 s); rss during export +${megabytes(Math.max(0, exportPeak - rssBefore))}`);
    peak.sample();
    console.log(`  peak memory overall: rss ${megabytes(peak.rss)}, heap ${megabytes(peak.heapUsed)}`);
  } finally {
    clearInterval(sampler);
    await store.close();
    await rm(directory, { recursive: true, force: true });
  }
}
