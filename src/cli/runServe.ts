import type { Config } from '../config/loadConfig.ts';
import { isGongkaiError } from '../errors/GongkaiError.ts';
import { startServer } from '../http/startServer.ts';
import { createDeterministicProcessor } from '../pipeline/deterministicProcessor.ts';
import { describeStore } from '../store/openStore.ts';
import type { ServiceProcessor } from '../review/ServiceProcessor.ts';
import type { CliStreams } from './runExtract.ts';

/** What `serve` can be given besides the configuration (main wires the LLM processor here). */
export interface ServeOptions {
  readonly processor?: ServiceProcessor;
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  readonly stopSignal?: Promise<unknown>;
}

/**
 * `serve`: starts the review service on the configured host and port (embedded defaults: 127.0.0.1:8787,
 * store under data/), prints the address and, on first start, the admin password (once). Runs until SIGINT or
 * SIGTERM, then closes the store cleanly. Returns 1 when the store is corrupt or locked, or the port is taken.
 */
export async function runServe(config: Config, streams: CliStreams, options: ServeOptions = {}): Promise<number> {
  const processor = options.processor ?? createDeterministicProcessor();
  const log = (line: string) => streams.stderr.write(`${new Date().toISOString()} ${line}\n`);
  let server;
  try {
    server = await startServer(config, processor, log);
  } catch (error) {
    streams.stderr.write(`serve: ${isGongkaiError(error) ? error.message : error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const lines = [
    `gongkai review service listening on ${server.url}/`,
    `  store: ${describeStore(config)}`,
  ];
  if (server.firstAdmin) {
    lines.push(
      server.firstAdmin.generatedPassword
        ? `  first start: created the admin account "admin" with password ${server.firstAdmin.generatedPassword}\n  (shown only this once: log in and change it under Account, or set GONGKAI_ADMIN_PASSWORD before the first start)`
        : '  first start: created the admin account "admin" with the password from GONGKAI_ADMIN_PASSWORD',
    );
  }
  const host = new URL(server.url).hostname;
  if (config.service.cookieSecure === 'auto' && !['127.0.0.1', 'localhost', '[::1]'].includes(host) && !config.service.publicOrigin?.startsWith('https:')) {
    lines.push('  note: serving plain HTTP beyond loopback: put it behind HTTPS and set GONGKAI_PUBLIC_ORIGIN=https://… (cookies are then Secure)');
  }
  streams.stdout.write(`${lines.join('\n')}\n`);

  await (options.stopSignal ?? new Promise((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }));
  streams.stderr.write('stopping: waiting for pending writes…\n');
  await server.close();
  return 0;
}
