import { join, resolve } from 'node:path';
import type { Config } from '../config/loadConfig.ts';
import type { AuditedAgencyIdentityStore } from '../panel/agency/AuditedAgencyIdentityStore.ts';
import { createFileAgencyIdentityStore } from '../panel/agency/createFileAgencyIdentityStore.ts';
import { createPostgresAgencyIdentityStore } from './postgres/createPostgresAgencyIdentityStore.ts';
import type { PostgresStore } from './postgres/createPostgresStore.ts';
import { reportUnavailable } from './postgres/reportUnavailable.ts';
import type { Store } from './Store.ts';

/**
 * The reviewers' agency identities beside the store openStore gave: in the database with PostgreSQL (every server
 * and worker shares them), agencies.json in the data directory with the file store, none in memory (the app keeps
 * its own). One place, so the server and ingest agree.
 */
export async function openAgencyIdentityStore(config: Config, store: Store): Promise<AuditedAgencyIdentityStore | undefined> {
  if (config.service.databaseUrl && 'sql' in store) return reportUnavailable(createPostgresAgencyIdentityStore((store as PostgresStore).sql));
  if (config.service.store === 'memory') return undefined;
  return createFileAgencyIdentityStore(join(resolve(config.dataDirectory), 'agencies.json'));
}
