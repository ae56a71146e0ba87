import type { Config } from '../config/loadConfig.ts';
import { configSecrets, createRedactor } from '../review/redactSecrets.ts';
import type { ExtractionWorkerOptions } from './ExtractionWorker.ts';

/**
 * The ExtractionWorker options the configuration sets (concurrency, lease, polling, backoff, secret redaction):
 * the `worker` command and a server's own worker run jobs alike.
 */
export function workerOptionsFromConfig(config: Config): Pick<ExtractionWorkerOptions, 'concurrency' | 'leaseMs' | 'pollMs' | 'backoffMs' | 'redact'> {
  return {
    concurrency: config.service.extractionConcurrency,
    leaseMs: config.service.jobs.leaseSeconds * 1000,
    pollMs: config.service.jobs.pollMs,
    backoffMs: config.service.jobs.backoffSeconds * 1000,
    redact: createRedactor(configSecrets(config)),
  };
}
