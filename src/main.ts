import { runAdmin } from './cli/runAdmin.ts';
import { runExtract } from './cli/runExtract.ts';
import { runIngest } from './cli/runIngest.ts';
import { runServe } from './cli/runServe.ts';
import { loadConfig } from './config/loadConfig.ts';
import { isGongkaiError } from './errors/GongkaiError.ts';
import { onExtractionThreads } from './review/onExtractionThreads.ts';
import { runMigrateStore } from './store/runMigrateStore.ts';
import { runWorker } from './worker/runWorker.ts';
import { createProcessor, readLlmFlags } from './extract/createProcessor.ts';

/** Entry point: wires configuration and concrete adapters to the command asked for. */
async function main(argv: readonly string[]): Promise<number> {
  const [command = 'serve', ...args] = argv;
  const streams = { stdout: process.stdout, stderr: process.stderr };
  const config = loadConfig(process.env);
  switch (command) {
    case 'extract':
    case 'serve':
    case 'ingest':
    case 'worker': {
      // The LLM processor when an endpoint is configured (and not --no-llm), else the deterministic one.
      const { flags, rest } = readLlmFlags(args);
      let processor;
      try {
        processor = createProcessor(config, flags);
      } catch (error) {
        if (!isGongkaiError(error)) throw error;
        streams.stderr.write(`error: ${error.message}\n`);
        return 2;
      }
      streams.stderr.write(`${processor.status}\n`);
      if (command === 'extract') return runExtract(rest, streams, processor);
      if (command === 'serve') return runServe(config, streams, { processor });
      // The queue's worker extracts as the server does: on GONGKAI_EXTRACTION_THREADS threads running the bundled
      // task module (pipeline/threads/extractionTaskModule), its own thread free for the database.
      if (command === 'worker') return runWorker(rest, config, streams, { processor: onExtractionThreads(processor, config) });
      return runIngest(rest, config, streams, { processor });
    }
    case 'admin':
      return runAdmin(args, config, streams);
    case 'migrate-store':
      return runMigrateStore(args, config, streams);
    default:
      process.stderr.write(`unknown command "${command}" (extract | serve | ingest | worker | admin | migrate-store)\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
