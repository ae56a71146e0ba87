import { runExtractionBenchmark } from './extractionBenchmark.ts';
import { runPdfBenchmark } from './pdfBenchmark.ts';
import { runServiceBenchmark } from './serviceBenchmark.ts';

/** `npm run bench`: prints throughput and memory figures; asserts nothing. */
async function main(): Promise<void> {
  const only = process.argv[2];
  if (only === undefined || only === 'extract') await runExtractionBenchmark();
  if (only === undefined || only === 'pdf') await runPdfBenchmark();
  if (only === undefined || only === 'service') await runServiceBenchmark();
}

await main();
