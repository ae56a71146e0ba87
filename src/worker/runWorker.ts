import type { CliStreams } from '../cli/runExtract.ts';
import type { Config } from '../config/loadConfig.ts';
import { isGongkaiError } from '../errors/GongkaiError.ts';
import type { DocumentProcessor } from '../pipeline/DocumentProcessor.ts';
import { createPostgresStore } from '../store/postgres/createPostgresStore.ts';
import { ExtractionWorker } from './ExtractionWorker.ts';
import { countJobs } from './jobQueue.ts';
import { workerOptionsFromConfig } from './workerOptionsFromConfig.ts';

/** What `worker` can be given besides the configuration. */
export interface WorkerCommandOptions {
  readonly processor: DocumentProcessor;
  /** Resolves when the worker should stop (default: SIGINT or SIGTERM). */
  readonly stopSignal?: Promise<unknown>;
}

const USAGE = 'usage: npm run worker [-- status]   (needs GONGKAI_DATABASE_URL=postgres://…)';

/**
 * `worker`: runs extraction jobs from the PostgreSQL queue until SIGINT/SIGTERM (then finishes the jobs in
 * hand), GONGKAI_EXTRACTION_CONCURRENCY at a time. Any number of workers, on any machines, may share the
 * database. `worker status` prints the jobs per state and exits.
 */
export async function runWorker(args: readonly string[], config: Config, streams: CliStreams, options: WorkerCommandOptions): Promise<number> {
  const [command, ...extra] = args;
  if ((command !== undefined && command !== 'status') || extra.length > 0) {
    streams.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const url = config.service.databaseUrl;
  if (!url) {
    streams.stderr.write(`worker: the work queue is in PostgreSQL; set GONGKAI_DATABASE_URL (with the file store the server extracts by itself)\n${USAGE}\n`);
    return 2;
  }
  const log = (line: string) => streams.stderr.write(`${new Date().toISOString()} ${line}\n`);
  let store;
  try {
    store = await createPostgresStore(url, { log, maxConnections: config.service.extractionConcurrency + 2 });
  } catch (error) {
    streams.stderr.write(`worker: cannot open the database: ${isGongkaiError(error) || error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    if (command === 'status') {
      streams.stdout.write(`${JSON.stringify(await countJobs(store.sql))}\n`);
      return 0;
    }
    const worker = new ExtractionWorker({
      sql: store.sql,
      store,
      processor: options.processor,
      ...workerOptionsFromConfig(config),
      log,
    });
    worker.start();
    streams.stdout.write(`gongkai worker ${worker.workerId}: running extraction jobs, ${config.service.extractionConcurrency} at a time\n`);
    await (options.stopSignal ?? new Promise((stop) => {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }));
    streams.stderr.write('stopping: finishing the jobs in hand…\n');
    await worker.stop();
    return 0;
  } finally {
    await store.close();
  }
}
