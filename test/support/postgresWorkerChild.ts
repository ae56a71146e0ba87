/**
 * Test helper, run as a child process: an extraction worker on the database at argv[2] whose processor says
 * `started <name>` on stdout and then takes `argv[3]` ms before extracting, so a test can kill -9 it in the
 * middle of a document. Lease: argv[4] ms.
 */
import { createDeterministicProcessor } from '../../src/pipeline/deterministicProcessor.ts';
import { createPostgresStore } from '../../src/store/postgres/createPostgresStore.ts';
import { ExtractionWorker } from '../../src/worker/ExtractionWorker.ts';

const [url, delay = '60000', lease = '1500'] = process.argv.slice(2);
if (!url) throw new Error('usage: postgresWorkerChild.ts URL [delayMs] [leaseMs]');
const store = await createPostgresStore(url, { maxConnections: 4 });
const deterministic = createDeterministicProcessor();
const worker = new ExtractionWorker({
  sql: store.sql,
  store,
  processor: {
    async process(input) {
      process.stdout.write(`started ${input.name}\n`);
      await new Promise((resolve) => setTimeout(resolve, Number(delay)));
      return deterministic.process(input);
    },
  },
  concurrency: 2,
  leaseMs: Number(lease),
  pollMs: 50,
  backoffMs: 100,
  workerId: 'child',
});
worker.start();
