import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/loadConfig.ts';
import { createApp } from '../src/http/createApp.ts';
import { hashSecret } from '../src/http/sessionCookie.ts';
import { createDeterministicProcessor } from '../src/pipeline/deterministicProcessor.ts';
import { createPostgresStore } from '../src/store/postgres/createPostgresStore.ts';
import { megabytes } from './MemoryPeak.ts';

const TOTAL = Number(process.env.GONGKAI_BENCH_DOCUMENTS ?? 100_000);
/** Worker processes (`npm run worker`), and the jobs each runs at once. */
const WORKERS = 2;
const WORKER_CONCURRENCY = 2;
/** Documents submitted at a time; the next batch goes in once the queue is down to one batch (the backlog stays bounded). */
const BATCH = 250;
/** Concurrent submissions within a batch. */
const SUBMIT_CONCURRENCY = 8;
/** Sizes at which figures are printed; the cost there is the mean over the WINDOW reports extracted before it. */
const CHECKPOINTS = [...new Set([1_000, 10_000, 25_000, 50_000, 75_000, 100_000, TOTAL])].filter((checkpoint) => checkpoint <= TOTAL).sort((a, b) => a - b);
const windowAt = (checkpoint: number) => Math.min(1_000, checkpoint / 2);
/** Queue page loads timed at each checkpoint. */
const PAGE_LOADS = 50;

const root = fileURLToPath(new URL('..', import.meta.url));

async function runLimited<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

const percentile = (sorted: readonly number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;

/**
 * Scale benchmark on PostgreSQL (issue 11): a throwaway cluster, a server (the hono app, extraction off) and
 * WORKERS real worker processes (`tsx src/main.ts worker`, as `npm run worker` runs it) sharing the database.
 * TOTAL documents (GONGKAI_BENCH_DOCUMENTS, default 100,000: the five seeds, each copy varied by one line so
 * every copy hashes differently) are submitted through the review service (ReviewService.submit, what
 * POST /api/documents calls) in batches of BATCH; the workers take the extraction jobs. At 1k, 10k, 25k, 50k,
 * 75k and 100k (and at TOTAL; printed as they are reached, so a run cut short still has its figures) it prints the throughput and the cost per report (mean over the last reports extracted before that size),
 * and the queue page's time: PAGE_LOADS loads as the queue page makes them (GET /api/queue with the UI's
 * filters and GET /api/stats, at once), median and p95. At the end it marks every document left in review
 * committed directly in SQL (the export reads committed records; reviewing 100,000 documents is not what is
 * measured) and times the wide CSV export of all of them (one file per template) with the process's peak RSS.
 * Prints figures; asserts nothing.
 */
export async function runScaleBenchmark(databaseUrl: string): Promise<void> {
  const corpus = new URL('../test/fixtures/corpus/', import.meta.url);
  const seeds = readdirSync(corpus).filter((name) => name.endsWith('.txt')).sort().map((name) => ({ name, text: readFileSync(new URL(name, corpus), 'utf8') }));
  const directory = await mkdtemp(join(tmpdir(), 'gongkai-bench-scale-'));
  const store = await createPostgresStore(databaseUrl);
  const workers: ChildProcess[] = [];
  try {
    const config = loadConfig({ GONGKAI_DATA_DIR: directory, GONGKAI_DATABASE_URL: databaseUrl, GONGKAI_EXTRACTION: 'off' });
    const { app, service } = createApp({ store, processor: createDeterministicProcessor(), config });
    const token = `gk_${randomBytes(24).toString('base64url')}`;
    await store.saveAccount({ username: 'bench', role: 'admin', passwordHash: 'unused', createdAt: new Date().toISOString(), disabled: false });
    await store.saveToken({ id: 'bench', name: 'bench', username: 'bench', tokenHash: hashSecret(token), createdAt: new Date().toISOString() });
    const headers = { authorization: `Bearer ${token}` };

    for (let index = 0; index < WORKERS; index++) {
      const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/main.ts', 'worker'], {
        cwd: root,
        env: {
          ...process.env,
          GONGKAI_DATABASE_URL: databaseUrl,
          GONGKAI_DATA_DIR: join(directory, `worker-${index}`),
          GONGKAI_EXTRACTION_CONCURRENCY: String(WORKER_CONCURRENCY),
          GONGKAI_JOB_POLL_MS: '100',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      // Only failures are worth showing (the worker logs a line per failed job).
      child.stderr?.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        if (/error|fail/i.test(text) && !/LLM off/.test(text)) process.stderr.write(`  worker ${index}: ${text}`);
      });
      workers.push(child);
    }

    console.log(`scale benchmark on PostgreSQL: ${TOTAL} documents (5 seeds, varied copies) submitted through the review service, extraction off in the server;`);
    console.log(`  ${WORKERS} worker processes (tsx src/main.ts worker, ${WORKER_CONCURRENCY} jobs each) take the extraction jobs; batches of ${BATCH}, the next once the queue is down to one batch`);

    const encoder = new TextEncoder();
    const queued = async () => {
      const [row] = await store.sql<{ documents: number }[]>`
        SELECT coalesce(sum(documents), 0)::integer AS documents FROM document_counts WHERE state = 'queued' AND dimension = 'all'`;
      return row!.documents;
    };
    /** When the extracted count first reached n (every 100). */
    const reachedAt = new Map<number, number>();
    const started = performance.now();
    let submitted = 0;
    let refused = 0;
    let lastRecorded = 0;
    const record = async () => {
      const extracted = submitted - (await queued());
      for (let mark = lastRecorded + 100; mark <= extracted; mark += 100) reachedAt.set(mark, performance.now());
      lastRecorded = Math.max(lastRecorded, Math.floor(extracted / 100) * 100);
      return extracted;
    };

    const pageFilters = ['', 'template=gov-2014', 'year=2018', 'reason=rule', 'agency=%E5%8E%BF', 'state=committed', 'state=all', 'template=gov-2019&year=2020', 'offset=50', 'state=committed&template=gov-2014'];
    const timePages = async () => {
      const loads: number[] = [];
      for (let round = 0; round < PAGE_LOADS; round++) {
        const query = pageFilters[round % pageFilters.length]!;
        const start = performance.now();
        // What the queue page does on load: the page and the stats line, at once.
        await Promise.all([
          (async () => (await app.request(`/api/queue?offset=0&limit=50${query ? `&${query}` : ''}`, { headers })).arrayBuffer())(),
          (async () => (await app.request('/api/stats', { headers })).arrayBuffer())(),
        ]);
        loads.push(performance.now() - start);
      }
      loads.sort((a, b) => a - b);
      return { median: percentile(loads, 0.5), p95: percentile(loads, 0.95) };
    };

    let nextCheckpoint = 0;
    const report = async (checkpoint: number) => {
      const window = windowAt(checkpoint);
      const from = reachedAt.get(checkpoint - window) ?? started;
      const msPerReport = (reachedAt.get(checkpoint)! - from) / window;
      const pages = await timePages();
      const seconds = (reachedAt.get(checkpoint)! - started) / 1000;
      console.log(`  at ${String(checkpoint).padStart(7)}: ${msPerReport.toFixed(2)} ms per report (${(1000 / msPerReport).toFixed(0)} reports/s, mean of reports ${checkpoint - window + 1}–${checkpoint}); ` +
        `${checkpoint} in ${seconds.toFixed(0)} s overall; queue page (queue + stats, ${PAGE_LOADS} loads, UI filters): median ${pages.median.toFixed(1)} ms, p95 ${pages.p95.toFixed(1)} ms`);
      return msPerReport;
    };
    const costs: number[] = [];

    for (let first = 0; first < TOTAL; first += BATCH) {
      const indexes = Array.from({ length: Math.min(BATCH, TOTAL - first) }, (_, offset) => first + offset);
      await runLimited(indexes, SUBMIT_CONCURRENCY, async (index) => {
        const seed = seeds[index % seeds.length]!;
        const bytes = encoder.encode(`${seed.text}\n\n（副本 ${index}）\n`);
        const { created } = await service.submit({ bytes, name: `${index}_${seed.name}`, submittedBy: 'bench' });
        if (!created) refused++;
      });
      submitted += indexes.length;
      // Wait until the queue is down to one batch, noting progress meanwhile.
      for (;;) {
        const extracted = await record();
        while (nextCheckpoint < CHECKPOINTS.length && extracted >= CHECKPOINTS[nextCheckpoint]!) costs.push(await report(CHECKPOINTS[nextCheckpoint++]!));
        if (submitted - extracted <= BATCH || extracted >= TOTAL) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (submitted % 10_000 === 0) process.stderr.write(`  … ${submitted} submitted, ${lastRecorded} extracted, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    }
    for (;;) {
      const extracted = await record();
      while (nextCheckpoint < CHECKPOINTS.length && extracted >= CHECKPOINTS[nextCheckpoint]!) costs.push(await report(CHECKPOINTS[nextCheckpoint++]!));
      if (extracted >= TOTAL) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const totalSeconds = (performance.now() - started) / 1000;
    if (costs.length > 1) console.log(`  cost at ${CHECKPOINTS[costs.length - 1]} ÷ cost at ${CHECKPOINTS[0]}: ${(costs.at(-1)! / costs[0]!).toFixed(2)}× (target ≤ 1.5×)`);
    const stats = await service.stats();
    console.log(`  overall: ${TOTAL} reports in ${totalSeconds.toFixed(0)} s = ${(TOTAL / totalSeconds).toFixed(1)} reports/s; duplicates ${refused}; states ${JSON.stringify(stats.byState)}`);
    const [database] = await store.sql<{ bytes: string }[]>`SELECT pg_database_size(current_database())::text AS bytes`;
    console.log(`  database size: ${megabytes(Number(database!.bytes))}`);

    await Promise.all(workers.map((child) => new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    })));
    workers.length = 0;

    const commitStart = performance.now();
    const marked = await store.sql`
      UPDATE documents SET summary = summary || jsonb_build_object('state', 'committed', 'committedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      WHERE state = 'review'`;
    console.log(`  marked ${marked.count} documents in review committed directly in SQL (bench shortcut, not a review) in ${((performance.now() - commitStart) / 1000).toFixed(0)} s`);
    const committed = (await service.stats()).byState.committed ?? 0;

    const rssBefore = process.memoryUsage().rss;
    let exportPeak = rssBefore;
    const sampler = setInterval(() => {
      exportPeak = Math.max(exportPeak, process.memoryUsage().rss);
    }, 50);
    const exportStart = performance.now();
    let exportBytes = 0;
    const perTemplate: string[] = [];
    for (const template of ['gov-2014', 'gov-2019', 'gov-2021']) {
      const templateStart = performance.now();
      const response = await app.request(`/api/export?format=csv&shape=wide&template=${template}`, { headers });
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        exportBytes += value.byteLength;
      }
      perTemplate.push(`${template} ${((performance.now() - templateStart) / 1000).toFixed(1)} s`);
    }
    const exportSeconds = (performance.now() - exportStart) / 1000;
    clearInterval(sampler);
    console.log(`  export of ${committed} committed documents as wide CSV (one file per template: ${perTemplate.join(', ')}): ${exportSeconds.toFixed(1)} s, ${megabytes(exportBytes)} (target < 30 s); ` +
      `rss ${megabytes(rssBefore)} before, peak ${megabytes(exportPeak)} during`);
  } finally {
    for (const child of workers) child.kill('SIGTERM');
    await store.close();
    await rm(directory, { recursive: true, force: true });
  }
}
