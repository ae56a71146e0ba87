import type { Config } from '../config/loadConfig.ts';
import type { CliStreams } from './runExtract.ts';

/** `serve`: starts the review service. STUB: replaced by the review-service work. */
export async function runServe(config: Config, streams: CliStreams): Promise<number> {
  void config;
  streams.stderr.write('serve: not built yet\n');
  return 1;
}
