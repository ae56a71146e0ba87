import { readdirSync, readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { extractDocument } from '../src/pipeline/extractDocument.ts';
import { extractionTaskModule } from '../src/pipeline/threads/extractionTaskModule.ts';
import { MemoryPeak, megabytes } from './MemoryPeak.ts';

/** One document to run, by name. */
interface BenchDocument {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Figures of one benchmark run. */
interface RunFigures {
  readonly runs: number;
  readonly reportsPerSecond: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly meanBytes: number;
}

const fixtures = new URL('../test/fixtures/', import.meta.url);
const SEED_RUNS = 400;
const WILD_RUNS = 60;
const SCALING_RUNS = 60;
// The service extracts thousands of documents in one process: figures are taken once the JIT has settled (500
// extractions first; with 30, a third of the timed runs still ran unoptimised code and the figure moved by a quarter).
const WARMUP_RUNS = 500;

/** Peak memory seen so far, sampled after every document (extraction is synchronous, so nothing runs in between). */
const peak = new MemoryPeak();

function readDirectory(directory: URL, filter: (name: string) => boolean): BenchDocument[] {
  return readdirSync(directory).filter(filter).sort().map((name) => ({ name, bytes: readFileSync(new URL(name, directory)) }));
}

/** One document's extraction, as some loading of the pipeline runs it. */
type Extract = (document: BenchDocument) => unknown;

/** Runs the deterministic path `runs` times over `documents` (round robin), sequentially on one core. */
function run(extract: Extract, documents: readonly BenchDocument[], runs: number): RunFigures {
  for (let index = 0; index < WARMUP_RUNS; index++) extract(documents[index % documents.length]!);
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let index = 0; index < runs; index++) {
    const document = documents[index % documents.length]!;
    const before = performance.now();
    extract(document);
    times.push(performance.now() - before);
    bytes += document.bytes.length;
    peak.sample();
  }
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  return {
    runs,
    reportsPerSecond: (runs / elapsed) * 1000,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    meanBytes: bytes / runs,
  };
}

function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index]!;
}

/**
 * Seed 000 made longer by repeating its narrative (everything before the statistics table) `factor` times,
 * so the table stays one table and only the length grows.
 */
function lengthened(seed: string, factor: number): BenchDocument {
  const tableAt = seed.indexOf('政府信息公开情况统计表');
  const narrative = seed.slice(0, tableAt);
  const text = narrative.repeat(factor) + seed.slice(tableAt);
  return { name: `000×${factor}`, bytes: new TextEncoder().encode(text) };
}

function line(label: string, figures: RunFigures): string {
  return `  ${label.padEnd(34)} ${figures.reportsPerSecond.toFixed(0).padStart(6)} reports/s   median ${figures.medianMs.toFixed(2).padStart(7)} ms   p95 ${figures.p95Ms.toFixed(2).padStart(7)} ms   (${(figures.meanBytes / 1024).toFixed(1)} KB/doc, ${figures.runs} runs)`;
}


/**
 * Deterministic-path benchmark (`npm run bench` / `npx tsx bench/run.ts extract`): reports/s, ms/report
 * (median, p95) and peak memory on the seed-sized documents and on the largest wild reports, one core,
 * sequential; then a scaling check on one report made 2×, 4×, 8× longer. Prints figures; asserts nothing.
 *
 * The pipeline runs as the service's extraction threads run it: their task (runExtractionTask, one document in,
 * its plain-data result out) from the module extractionTaskModule bundles. The seeds are also run on the pipeline
 * loaded a module per file (tsx, as `npm run eval` and the tests load it), to show what the bundle saves.
 */
export async function runExtractionBenchmark(): Promise<void> {
  console.log('extraction benchmark (deterministic path, sequential, one core)');
  const bundle = await extractionTaskModule();
  if (!bundle) throw new Error('the extraction task module could not be bundled (esbuild, node_modules/.cache writable?)');
  const task: typeof import('../src/pipeline/threads/extractionTask.ts') = await import(bundle.href);
  let id = 0;
  const extract: Extract = (document) => task.runExtractionTask({ id: ++id, name: document.name, bytes: document.bytes });
  const seeds = readDirectory(new URL('corpus/', fixtures), (name) => name.endsWith('.txt'));
  const seedFigures = run(extract, seeds, SEED_RUNS);
  console.log(line(`seeds (${seeds.length} documents)`, seedFigures));
  console.log(`    target ≥ 300 reports/s on seed-sized documents: ${seedFigures.reportsPerSecond >= 300 ? 'met' : 'NOT met'}`);
  console.log(line('  the same, a module per file (tsx)', run(extractDocument, seeds, SEED_RUNS)));

  const wildDirectory = new URL('wild/', fixtures);
  const largest = readdirSync(wildDirectory)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ name, size: statSync(new URL(name, wildDirectory)).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 4)
    .map(({ name }) => ({ name, bytes: readFileSync(new URL(name, wildDirectory)) }));
  console.log(line(`largest wild (${largest.map((document) => document.name.slice(0, 2)).join(', ')})`, run(extract, largest, WILD_RUNS)));
  for (const document of largest) console.log(line(`  ${document.name.slice(0, 32)}`, run(extract, [document], WILD_RUNS / 2)));

  console.log('  scaling: seed 000 with its narrative repeated (the table unchanged); lengths interleaved, so load hits all alike');
  const seed = readFileSync(new URL('corpus/000_b19e0a271049421c.txt', fixtures), 'utf8');
  const factors = [1, 2, 4, 8];
  const documents = factors.map((factor) => lengthened(seed, factor));
  const times = factors.map(() => [] as number[]);
  for (const document of documents) for (let index = 0; index < 5; index++) extract(document);
  for (let round = 0; round < SCALING_RUNS; round++) {
    documents.forEach((document, index) => {
      const before = performance.now();
      extract(document);
      times[index]!.push(performance.now() - before);
      peak.sample();
    });
  }
  const medians = times.map((list) => percentile([...list].sort((a, b) => a - b), 0.5));
  factors.forEach((factor, index) => {
    const kilobytes = documents[index]!.bytes.length / 1024;
    const lengthRatio = documents[index]!.bytes.length / documents[0]!.bytes.length;
    const timeRatio = medians[index]! / medians[0]!;
    console.log(`    ×${factor}  ${kilobytes.toFixed(1).padStart(6)} KB   median ${medians[index]!.toFixed(2).padStart(7)} ms   length ×${lengthRatio.toFixed(2)}, time ×${timeRatio.toFixed(2)}, ${(medians[index]! / kilobytes).toFixed(3)} ms/KB`);
  });
  console.log(`  peak memory (sampled after each document): rss ${megabytes(peak.rss)}, heapUsed ${megabytes(peak.heapUsed)}`);
}
