import { resolve } from 'node:path';
import type { CliStreams } from '../cli/runExtract.ts';
import type { Config } from '../config/loadConfig.ts';
import { isGongkaiError } from '../errors/GongkaiError.ts';
import { createFileStore } from './createFileStore.ts';
import { migrateStore } from './migrateStore.ts';
import { createPostgresStore } from './postgres/createPostgresStore.ts';
import type { Store } from './Store.ts';

const USAGE = 'usage: npm run migrate-store -- --to postgres://user:password@host:port/database   (copies the file store under GONGKAI_DATA_DIR)';

/**
 * `migrate-store --to URL`: copies the file store (GONGKAI_DATA_DIR, locked meanwhile: stop the server first)
 * into the PostgreSQL database at URL, then verifies counts and hashes. Prints the report as JSON; exits 1 when
 * the check finds a difference. Safe to run again (see migrateStore).
 */
export async function runMigrateStore(args: readonly string[], config: Config, streams: CliStreams): Promise<number> {
  const toIndex = args.indexOf('--to');
  const url = toIndex >= 0 ? args[toIndex + 1] : undefined;
  if (!url || !/^postgres(ql)?:\/\//.test(url) || args.length !== 2) {
    streams.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const log = (line: string) => streams.stderr.write(`${line}\n`);
  let source: Store | undefined;
  let target: Store | undefined;
  try {
    source = await createFileStore(resolve(config.dataDirectory));
    target = await createPostgresStore(url, { log });
    const report = await migrateStore(source, target, log);
    streams.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (report.verified.mismatched.length > 0) {
      streams.stderr.write(`migrate-store: ${report.verified.mismatched.length} difference(s) after the copy (listed under verified.mismatched)\n`);
      return 1;
    }
    streams.stderr.write(`migrate-store: ${report.verified.documents} documents, ${report.verified.decisions} decisions, ${report.verified.accounts} accounts, ${report.verified.tokens} tokens verified by count and hash\n`);
    return 0;
  } catch (error) {
    streams.stderr.write(`migrate-store: ${isGongkaiError(error) || error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await source?.close();
    await target?.close();
  }
}
