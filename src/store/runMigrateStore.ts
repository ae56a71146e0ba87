import { join, resolve } from 'node:path';
import type { CliStreams } from '../cli/runExtract.ts';
import type { Config } from '../config/loadConfig.ts';
import { isGongkaiError } from '../errors/GongkaiError.ts';
import { createFileStore } from './createFileStore.ts';
import { migrateStore } from './migrateStore.ts';
import { createFileAgencyIdentityStore } from '../panel/agency/createFileAgencyIdentityStore.ts';
import { createPostgresStore, type PostgresStore } from './postgres/createPostgresStore.ts';
import { importAgencyIdentities } from './postgres/importAgencyIdentities.ts';
import type { Store } from './Store.ts';

const USAGE = 'usage: npm run migrate-store -- --to postgres://user:password@host:port/database   (copies the file store under GONGKAI_DATA_DIR)';

/**
 * `migrate-store --to URL`: copies the file store (GONGKAI_DATA_DIR, locked meanwhile: stop the server first)
 * into the PostgreSQL database at URL, then verifies counts and hashes. Prints the report as JSON; exits 1 when
 * the check finds a difference. Safe to run again (see migrateStore). The agency identities (agencies.json) are
 * copied too (importAgencyIdentities).
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
  let target: PostgresStore | undefined;
  try {
    source = await createFileStore(resolve(config.dataDirectory));
    target = await createPostgresStore(url, { log });
    const documents = await migrateStore(source, target, log);
    // The reviewers' agency identities live beside the file store (agencies.json), in the database on PostgreSQL.
    const agencies = await importAgencyIdentities(await createFileAgencyIdentityStore(join(resolve(config.dataDirectory), 'agencies.json')), target.sql);
    const report = { ...documents, agencies };
    streams.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (report.verified.mismatched.length > 0) {
      streams.stderr.write(`migrate-store: ${report.verified.mismatched.length} difference(s) after the copy (listed under verified.mismatched)\n`);
      return 1;
    }
    streams.stderr.write(`migrate-store: ${report.verified.documents} documents, ${report.verified.decisions} decisions, ${report.verified.accounts} accounts, ${report.verified.tokens} tokens verified by count and hash; agency identities ${agencies.outcome} (${agencies.identities} identities, ${agencies.decisions} decisions)\n`);
    return 0;
  } catch (error) {
    streams.stderr.write(`migrate-store: ${isGongkaiError(error) || error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await source?.close();
    await target?.close();
  }
}
