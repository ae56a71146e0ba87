import { runExtractionBenchmark } from './extractionBenchmark.ts';
import { runPdfBenchmark } from './pdfBenchmark.ts';
import { runScaleBenchmark } from './scaleBenchmark.ts';
import { runServiceBenchmark } from './serviceBenchmark.ts';
import { startPostgres } from '../test/support/startPostgres.ts';

/** `npm run bench`: prints throughput and memory figures; asserts nothing. */
async function main(): Promise<void> {
  const only = process.argv[2];
  if (only === undefined || only === 'extract') await runExtractionBenchmark();
  if (only === undefined || only === 'pdf') await runPdfBenchmark();
  if (only === undefined || only === 'service') await runServiceBenchmark();
  // The same service benchmark on PostgreSQL, in a throwaway cluster (Debian's postgresql; not part of the default run).
  if (only === 'service-postgres') {
    const cluster = await startPostgres();
    try {
      await runServiceBenchmark({ databaseUrl: await cluster.createDatabase() });
    } finally {
      await cluster.stop();
    }
  }
  // Issue 11's scale run: GONGKAI_BENCH_DOCUMENTS (default 100,000) documents into a throwaway cluster, extracted by
  // two `npm run worker` processes; throughput, cost per report and queue page time at 1k/10k/100k, then the
  // wide CSV export with peak memory (not part of the default run: it takes tens of minutes at 100,000).
  if (only === 'scale-postgres') {
    const cluster = await startPostgres();
    try {
      await runScaleBenchmark(await cluster.createDatabase());
    } finally {
      await cluster.stop();
    }
  }
}

await main();
