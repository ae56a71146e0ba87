import type { Config } from '../config/loadConfig.ts';
import type { DocumentProcessor } from '../pipeline/DocumentProcessor.ts';
import { connectPostgres } from '../store/postgres/createPostgresStore.ts';
import type { Store } from '../store/Store.ts';
import { ExtractionWorker } from './ExtractionWorker.ts';
import { workerOptionsFromConfig } from './workerOptionsFromConfig.ts';

/** A worker running inside a server process, and how to stop it. */
export interface ServerWorker {
  stop(): Promise<void>;
}

/**
 * With PostgreSQL and GONGKAI_EXTRACTION=on (the default), a server also runs extraction jobs from the
 * database queue, like one `npm run worker` (its own small connection pool). With extraction off, or with
 * the file store (whose server extracts through its in-process queue), nothing is started.
 */
export function startServerWorker(config: Config, store: Store, processor: DocumentProcessor, log: (line: string) => void): ServerWorker | undefined {
  const url = config.service.databaseUrl;
  if (!url || config.service.extraction === 'off') return undefined;
  const sql = connectPostgres(url, config.service.extractionConcurrency + 1);
  const worker = new ExtractionWorker({
    sql,
    store,
    processor,
    ...workerOptionsFromConfig(config),
    log,
  });
  worker.start();
  return {
    async stop() {
      await worker.stop();
      await sql.end({ timeout: 5 });
    },
  };
}
