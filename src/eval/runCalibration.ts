/**
 * `npm run calibrate`: measures the error rate of every calibration bucket (score/FieldSignals) on labelled
 * documents and writes src/score/calibration.json, which scoring reads. Deterministic: the same code and the
 * same documents give the same file.
 *
 * By default it measures on randomised garbled variants (src/eval/garble) of seed 7919 — a seed the CI property
 * test does not use — every labelled document reprinted in composed random layouts and garblings the readers were
 * not tuned on, and on the printed calibration set (test/fixtures/printed-calibration: other garbled HTML variants
 * printed to PDF by Chromium and read back by pdftotext, whose reading order real programs scramble in ways no
 * simulation reproduces). Other labelled data can be named instead:
 *   npm run calibrate -- --random N --seed S                 garbled variants
 *   npm run calibrate -- --set GOLD_DIR:DOCUMENT_DIR [--set …] labelled sets on disk (gold *.json + documents)
 * `--check` measures and prints without writing; `--examples FILE` writes the first wrong fields of each bucket there
 * (document, field, value read and due: what a bucket gets wrong, to be looked up); `--workers N` measures in N child
 * processes (default: one per core),
 * each a share of the documents, their counts added up (the same table whatever N).
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractDocument, type DocumentInput, type ExtractionResult } from '../pipeline/extractDocument.ts';
import { extractionTaskModule } from '../pipeline/threads/extractionTaskModule.ts';
import { calibrationTable, countBuckets, mergeRows, type CalibrationRow, type LabelledField } from '../score/measureCalibration.ts';
import { formatCalibrationRows } from './formatCalibrationRows.ts';
import { compareWithGold } from './compareWithGold.ts';
import { generateVariants } from './garble/generateVariants.ts';
import { goldDocuments } from './goldDocuments.ts';
import type { GoldFile } from './goldFile.ts';

/** A labelled set: gold files (*.json) and the directory holding the documents they name. */
export interface LabelledSet {
  readonly gold: URL;
  readonly documents: URL;
  /** How the set is named in the calibration file's sources. */
  readonly name: string;
}

/** Garbled variants to measure on (generateVariants). */
export interface RandomVariants {
  readonly seed: number;
  readonly count: number;
}

/**
 * The default: a seed of its own (the CI property test and `eval --random` default to others). A bucket needs about
 * 2,700 fields and none wrong before its fields may be auto: at 32,000 variants, dozens of buckets measured no error
 * and still sent every field to a person for want of measurement; 128,000 (measured by two workers in about the
 * time one took for 96,000) leave fewer such; 192,000 (about 50 minutes on two cores) let the rarer joint and
 * column-order readings, none of them wrong in 128,000, be measured at last (2,505 fields, 0 wrong, was still too few);
 * 256,000 (about 70 minutes on two cores) measure eight more buckets no error in 2,800 to 4,000 fields, and found the
 * first wrong blank in cell/doubt/none/blank (1 in 4,010), which 192,000 had let be auto; 352,000 (74 minutes on two
 * cores) lift the rarest readings of cells one a line and of blank cells proven by their totals, none wrong in some
 * 2,000 fields each at 256,000.
 */
const defaultRandom: RandomVariants = { seed: 7919, count: 352000 };
/** Variants generated at a time: the whole run at once would hold every variant's bytes in memory. */
const VARIANT_CHUNK = 1000;
const printedCalibration = new URL('../../test/fixtures/printed-calibration/', import.meta.url);
/** The labelled sets measured by default, besides the garbled variants. */
const defaultSets: readonly LabelledSet[] = [
  { name: 'test/fixtures/printed-calibration', gold: new URL('gold/', printedCalibration), documents: printedCalibration },
];
const output = new URL('../score/calibration.json', import.meta.url);

/** A labelled document: its bytes, its gold and the index of its set among the calibration's sources. */
interface LabelledDocument {
  readonly bytes: Uint8Array;
  readonly gold: GoldFile;
  readonly source?: number;
}

/** Which share of the labelled documents a worker measures: documents (and chunks of variants) `index` of every `of`. */
interface Shard {
  readonly index: number;
  readonly of: number;
}

function* documentsOf(sets: readonly LabelledSet[], random: RandomVariants | null, shard: Shard = { index: 0, of: 1 }): Generator<LabelledDocument> {
  const mine = (position: number) => position % shard.of === shard.index;
  for (const [source, set] of sets.entries()) {
    let position = 0;
    for (const document of goldDocuments(set.gold, set.documents)) if (mine(position++)) yield { ...document, source };
  }
  if (!random) return;
  for (let first = 0; first < random.count; first += VARIANT_CHUNK) {
    if (!mine(first / VARIANT_CHUNK)) continue;
    for (const variant of generateVariants({ seed: random.seed, count: Math.min(VARIANT_CHUNK, random.count - first), first })) {
      yield { bytes: variant.bytes, gold: { ...variant.gold, document: variant.name }, source: sets.length };
    }
  }
}

/** What the calibration reads of an extraction. */
type Extract = (input: DocumentInput) => Pick<ExtractionResult, 'record' | 'buckets'>;

/**
 * The deterministic path as the extraction threads run it: the same code bundled into one module
 * (pipeline/threads/extractionTaskModule), which reads about a quarter more documents a second than the TypeScript
 * loaded a module per file when every core extracts, as the calibration's workers do; the TypeScript itself where no
 * bundle can be made. Either gives the same table.
 */
async function deterministicExtract(): Promise<Extract> {
  const file = await extractionTaskModule();
  if (!file) return extractDocument;
  const task: typeof import('../pipeline/threads/extractionTask.ts') = await import(file.href);
  let id = 0;
  return (input) => {
    const answer = task.runExtractionTask({ id: ++id, ...input });
    if ('failure' in answer) throw new Error(`${input.name}: ${answer.failure.message}`);
    return answer.extraction;
  };
}

/** Every gold field of every labelled document, with its bucket, whether the deterministic path read it right, and its set. */
function* labelledFields(documents: Iterable<LabelledDocument>, extract: Extract): Generator<LabelledField> {
  for (const { gold, bytes, source } of documents) {
    const result = extract({ name: gold.document, bytes });
    const byId = new Map(result.record.fields.map((field) => [field.id, field]));
    for (const field of compareWithGold(result.record, gold, result.buckets).scored) {
      if (field.bucket === undefined) continue;
      const example = field.right ? undefined : `${gold.document} ${field.field}: read ${byId.get(field.field)?.value ?? 'nothing'}, due ${gold.fields[field.field] ?? 'blank'}`;
      yield { bucket: field.bucket, right: field.right, ...(source !== undefined ? { source } : {}), ...(example ? { example } : {}) };
    }
  }
}

function parseSets(args: readonly string[]): LabelledSet[] {
  const sets: LabelledSet[] = [];
  for (let index = 0; index < args.length; index++) {
    if (args[index] !== '--set') continue;
    const value = args[index + 1] ?? '';
    const [gold, documents] = value.split(':');
    if (!gold || !documents) throw new Error(`--set wants GOLD_DIR:DOCUMENT_DIR, got "${value}"`);
    const directory = (path: string) => pathToFileURL(path.endsWith('/') ? path : `${path}/`);
    sets.push({ name: value, gold: directory(gold), documents: directory(documents) });
  }
  return sets;
}

function parseRandom(args: readonly string[], sets: readonly LabelledSet[]): RandomVariants | null {
  const valueAfter = (flag: string) => {
    const index = args.indexOf(flag);
    if (index < 0) return undefined;
    const value = Number(args[index + 1]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} wants a whole number, got "${args[index + 1] ?? ''}"`);
    return value;
  };
  const count = valueAfter('--random');
  const seed = valueAfter('--seed');
  if (count === undefined && seed === undefined) return sets.length > 0 ? null : defaultRandom;
  return { count: count ?? defaultRandom.count, seed: seed ?? defaultRandom.seed };
}

/**
 * Counts the buckets of the labelled documents: in `workers` child processes, each measuring a share (the machine's
 * cores measure twice the variants in the time one would take), or in this process for one worker.
 */
async function measure(sets: readonly LabelledSet[], random: RandomVariants | null, sourceCount: number, workers: number, args: readonly string[]): Promise<CalibrationRow[]> {
  if (workers <= 1) return countBuckets(labelledFields(documentsOf(sets, random), await deterministicExtract()), sourceCount);
  const script = fileURLToPath(import.meta.url);
  const shares = await Promise.all(Array.from({ length: workers }, (_, index) => new Promise<CalibrationRow[]>((resolve, reject) => {
    // The child runs under the same loader (tsx) as this process: fork passes process.execArgv on.
    const child = fork(script, [...args, SHARD_FLAG, `${index}/${workers}`], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let rows: CalibrationRow[] | undefined;
    child.on('message', (message) => { rows = message as CalibrationRow[]; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && rows ? resolve(rows) : reject(new Error(`calibration worker ${index + 1} of ${workers} exited with ${code}`))));
  })));
  return mergeRows(shares);
}

/** The internal flag a worker is started with: its share, "index/of". */
const SHARD_FLAG = '--shard';

function parseShard(args: readonly string[]): Shard | undefined {
  const at = args.indexOf(SHARD_FLAG);
  if (at < 0) return undefined;
  const [index, of] = (args[at + 1] ?? '').split('/').map(Number);
  if (!Number.isInteger(index) || !Number.isInteger(of) || index! < 0 || of! < 1 || index! >= of!) throw new Error(`${SHARD_FLAG} wants INDEX/OF, got "${args[at + 1] ?? ''}"`);
  return { index: index!, of: of! };
}

function parseWorkers(args: readonly string[]): number {
  const at = args.indexOf('--workers');
  if (at < 0) return availableParallelism();
  const workers = Number(args[at + 1]);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers wants a whole number above 0, got "${args[at + 1] ?? ''}"`);
  return workers;
}

async function main(args: readonly string[]): Promise<number> {
  const named = parseSets(args);
  const defaults = named.length === 0 && !args.includes('--random') && !args.includes('--seed');
  const sets = defaults ? defaultSets : named;
  const random = defaults ? defaultRandom : parseRandom(args, named);
  const sources = [...sets.map((set) => set.name), ...(random ? [`generateVariants({ seed: ${random.seed}, count: ${random.count} })`] : [])];
  const shard = parseShard(args);
  if (shard) {
    // A worker: count its share and hand the rows to the parent.
    const rows = countBuckets(labelledFields(documentsOf(sets, random, shard), await deterministicExtract()), sources.length);
    await new Promise<void>((resolve, reject) => process.send!(rows, (error: Error | null) => (error ? reject(error) : resolve())));
    return 0;
  }
  const rows = await measure(sets, random, sources.length, parseWorkers(args), args);
  const table = calibrationTable(rows, sources);
  process.stdout.write(`calibration on ${sources.join(', ')}\n`);
  process.stdout.write(formatCalibrationRows(rows));
  if (!args.includes('--check')) {
    writeFileSync(output, `${JSON.stringify(table, null, 2)}\n`);
    process.stdout.write(`wrote ${output.pathname} (${rows.length} buckets)\n`);
  }
  // The first wrong fields of each bucket, to look up what a bucket gets wrong (not part of the committed table).
  const examplesAt = args.indexOf('--examples');
  if (examplesAt >= 0) {
    const path = args[examplesAt + 1] ?? '';
    writeFileSync(path, rows.filter((row) => row.examples).map((row) => JSON.stringify({ bucket: row.bucket, fields: row.fields, wrong: row.wrong, examples: row.examples })).join('\n') + '\n');
    process.stdout.write(`wrote ${path} (wrong examples of ${rows.filter((row) => row.examples).length} buckets)\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => { process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`); process.exitCode = 1; },
);
