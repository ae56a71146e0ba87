import type { Config } from '../config/loadConfig.ts';
import type { CliStreams } from './runExtract.ts';

/** `ingest <folder or files>`: submits documents to the store. STUB: replaced by the review-service work. */
export async function runIngest(args: readonly string[], config: Config, streams: CliStreams): Promise<number> {
  void args;
  void config;
  streams.stderr.write('ingest: not built yet\n');
  return 1;
}
