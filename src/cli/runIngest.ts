import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { Config } from '../config/loadConfig.ts';
import { isGongkaiError } from '../errors/GongkaiError.ts';
import { createDeterministicProcessor } from '../pipeline/deterministicProcessor.ts';
import { configSecrets, createRedactor } from '../review/redactSecrets.ts';
import { ReviewService } from '../review/ReviewService.ts';
import type { ServiceProcessor } from '../review/ServiceProcessor.ts';
import { createFileStore } from '../store/createFileStore.ts';
import { openAgencyIdentityStore } from '../store/openAgencyIdentityStore.ts';
import { openStore } from '../store/openStore.ts';
import { ProgressBar, type ProgressStream } from './ProgressBar.ts';
import type { CliStreams } from './runExtract.ts';

/** What `ingest` can be given besides arguments and configuration (main wires the LLM processor here). */
export interface IngestOptions {
  readonly processor?: ServiceProcessor;
  /** fetch for --server mode (tests inject one). */
  readonly fetch?: typeof fetch;
}

const USAGE = `usage: ingest [--server URL --token TOKEN] [--concurrency N] [--no-wait] <folder or files>...
  Submits reports (folders are searched recursively for .txt, .csv, .htm, .html, .pdf, .docx) to the store in GONGKAI_DATA_DIR,
  extracting them here, or with --server to a running service through its API (token from the Account page;
  GONGKAI_SERVER and GONGKAI_API_TOKEN work too). Same bytes twice are the same document.
`;

/** Extensions taken from folders (files named explicitly are always taken). */
const REPORT_EXTENSIONS = new Set(['.txt', '.csv', '.htm', '.html', '.pdf', '.docx']);

interface IngestArguments {
  readonly paths: string[];
  readonly server: string | undefined;
  readonly token: string | undefined;
  readonly concurrency: number;
  readonly wait: boolean;
}

/** How one file went. */
type Outcome = 'new' | 'duplicate' | 'error';

/**
 * `ingest <folder or files>`: submits every report, with a progress bar on stderr, an error line per file that
 * cannot be submitted (the others go on), and a summary at the end. Direct mode opens the store (refused while a
 * server holds it: use --server), extracts in the background and waits for the extractions (unless --no-wait:
 * the next `serve` resumes them). With the LLM processor, extractions go through the durable LLM work queue and
 * the LLM work earlier runs left pending is resumed too; the summary gives the store's LLM usage. Exit code 1
 * when any file failed.
 */
export async function runIngest(args: readonly string[], config: Config, streams: CliStreams, options: IngestOptions = {}): Promise<number> {
  let parsed: IngestArguments;
  try {
    parsed = parseArguments(args, config);
  } catch (error) {
    streams.stderr.write(`ingest: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const files = await collectFiles(parsed.paths, streams);
  if (files.missing > 0 && files.found.length === 0) return 1;
  if (files.found.length === 0) {
    streams.stderr.write('ingest: no .txt/.htm/.html/.pdf/.docx file found\n');
    return 1;
  }
  const stderr = streams.stderr as ProgressStream;
  const bar = new ProgressBar(stderr, 'submitting', files.found.length);
  const counts: Record<Outcome, number> = { new: 0, duplicate: 0, error: files.missing };
  const status = () => `new ${counts.new} · already stored ${counts.duplicate} · errors ${counts.error}`;
  let done = 0;
  const report = (file: string, outcome: Outcome, reason?: string) => {
    counts[outcome]++;
    done++;
    if (reason) bar.note(`error: ${file}: ${reason}`);
    bar.update(done, status());
  };

  if (parsed.server) {
    const submit = submitOverHttp(parsed.server, parsed.token!, options.fetch ?? fetch);
    await forEachLimited(files.found, parsed.concurrency, async (file) => {
      const result = await submit(file);
      report(file, result.outcome, result.reason);
    });
    bar.update(done, status(), true);
    bar.finish();
    streams.stdout.write(`ingest: ${files.found.length} file(s) sent to ${parsed.server}: ${counts.new} new, ${counts.duplicate} already stored, ${counts.error} error(s); extraction continues on the server\n`);
    return counts.error > 0 ? 1 : 0;
  }

  let store;
  try {
    store = config.service.databaseUrl ? await openStore(config) : await createFileStore(resolve(config.dataDirectory));
  } catch (error) {
    bar.finish();
    streams.stderr.write(`ingest: ${isGongkaiError(error) ? error.message : String(error)}\n`);
    return 1;
  }
  let service: ReviewService | undefined;
  try {
    // The reviewers' agency identities (agencies.json beside the file store, the database's on PostgreSQL): the
    // cross-year rules run in ingest too. Ingest writes to the file store even when the server's is in memory.
    let agencies;
    try {
      agencies = (await openAgencyIdentityStore({ ...config, service: { ...config.service, store: 'file' } }, store))!;
    } catch (error) {
      // A corrupt agencies file: refused, never overwritten.
      if (!isGongkaiError(error)) throw error;
      bar.finish();
      streams.stderr.write(`ingest: ${error.message}\n`);
      return 1;
    }
    service = new ReviewService({
      agencyIdentities: () => agencies.list(),
      store,
      processor: options.processor ?? createDeterministicProcessor(),
      clock: () => new Date(),
      maxDocumentBytes: config.service.maxDocumentBytes,
      extractionConcurrency: config.service.extractionConcurrency,
      extractInBackground: parsed.wait,
      log: (line) => bar.note(line),
      redact: createRedactor(configSecrets(config)),
    });
    try {
      await service.start();
    } catch (error) {
      // A corrupt LLM work queue file: refused, never overwritten.
      if (!isGongkaiError(error)) throw error;
      bar.finish();
      streams.stderr.write(`ingest: ${error.message}\n`);
      return 1;
    }
    const running = service;
    await forEachLimited(files.found, parsed.concurrency, async (file) => {
      try {
        const bytes = new Uint8Array(await readFile(file));
        const { created } = await running.submit({ bytes, name: basename(file), submittedBy: 'ingest (cli)' });
        report(file, created ? 'new' : 'duplicate');
      } catch (error) {
        report(file, 'error', describe(error));
      }
    });
    bar.update(done, status(), true);
    bar.finish();
    if (parsed.wait) {
      const pending = (await service.stats()).extractionPending;
      if (pending > 0) {
        const extraction = new ProgressBar(stderr, 'extracting', pending);
        const timer = setInterval(() => {
          void running.stats().then((stats) => extraction.update(pending - stats.extractionPending));
        }, 250);
        await service.idle();
        clearInterval(timer);
        extraction.update(pending, '', true);
        extraction.finish();
      }
      // LLM work left by an earlier run is resumed at start(): it too must end before the store closes.
      await service.idle();
    }
    const stats = await service.stats();
    const states = Object.entries(stats.byState).map(([state, count]) => `${state} ${count}`).join(', ');
    const { llm, processor } = stats;
    streams.stdout.write(
      `ingest: ${files.found.length + files.missing} file(s): ${counts.new} new, ${counts.duplicate} already stored, ${counts.error} error(s)\n` +
        `store ${resolve(config.dataDirectory)}: ${stats.documents} document(s) (${states}); ${stats.fieldsInReview} field(s) wait for review` +
        `${parsed.wait ? '' : '; extraction resumes when the server starts'}\n` +
        (processor.llmEnabled || llm.documents > 0
          ? `LLM (whole store): ${llm.calls} call(s) on ${llm.documents} document(s), ${llm.inputTokens} tokens in, ${llm.outputTokens} out, ~${llm.estimatedCost.toFixed(4)} ${llm.currency ?? ''}`.trimEnd() +
            `${processor.pendingLlmWork > 0 ? `; ${processor.pendingLlmWork} document(s) with LLM work pending (the server resumes it)` : ''}\n`
          : ''),
    );
  } finally {
    service?.stop();
    await store.close();
  }
  return counts.error > 0 ? 1 : 0;
}

function parseArguments(args: readonly string[], config: Config): IngestArguments {
  const paths: string[] = [];
  let server = config.service.ingestServer;
  let token = config.service.apiToken;
  let concurrency = 4;
  let wait = true;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]!;
    const value = () => {
      const next = args[++index];
      if (next === undefined) throw new Error(`${argument} needs a value`);
      return next;
    };
    if (argument === '--server') server = value();
    else if (argument === '--token') token = value();
    else if (argument === '--concurrency') concurrency = Number.parseInt(value(), 10);
    else if (argument === '--no-wait') wait = false;
    else if (argument === '--help' || argument === '-h') throw new Error('help');
    else if (argument.startsWith('--')) throw new Error(`unknown option ${argument}`);
    else paths.push(argument);
  }
  if (paths.length === 0) throw new Error('name at least one folder or file');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new Error('--concurrency must be 1…64');
  if (server !== undefined && (token === undefined || token === '')) throw new Error('--server needs --token (or GONGKAI_API_TOKEN)');
  return { paths, server: server?.replace(/\/+$/, ''), token, concurrency, wait };
}

async function collectFiles(paths: readonly string[], streams: CliStreams): Promise<{ found: string[]; missing: number }> {
  const found: string[] = [];
  let missing = 0;
  const walk = async (directory: string) => {
    const entries = await readdir(directory, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
    }
  };
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) await walk(path);
      else found.push(path);
    } catch (error) {
      missing++;
      streams.stderr.write(`error: ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : describe(error)}\n`);
    }
  }
  return { found, missing };
}

function submitOverHttp(server: string, token: string, fetcher: typeof fetch) {
  return async (file: string): Promise<{ outcome: Outcome; reason?: string }> => {
    try {
      const bytes = await readFile(file);
      const response = await fetcher(`${server}/api/documents?name=${encodeURIComponent(basename(file))}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bytes),
      });
      const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
      if (response.status === 202) return { outcome: 'new' };
      if (response.status === 200) return { outcome: 'duplicate' };
      return { outcome: 'error', reason: body?.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${response.status}` };
    } catch (error) {
      return { outcome: 'error', reason: describe(error) };
    }
  };
}

async function forEachLimited<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

function describe(error: unknown): string {
  if (isGongkaiError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
