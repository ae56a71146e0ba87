import { resolve } from 'node:path';
import type { Config } from '../config/loadConfig.ts';
import { createFileStore } from './createFileStore.ts';
import { createMemoryStore } from './createMemoryStore.ts';
import { createPostgresStore } from './postgres/createPostgresStore.ts';
import type { Store } from './Store.ts';

/**
 * The store the configuration names: PostgreSQL when GONGKAI_DATABASE_URL is set, else memory or the file
 * store under the data directory (the default). One place, so the server, ingest and admin commands agree.
 */
export async function openStore(config: Config, options: { readonly log?: (line: string) => void } = {}): Promise<Store> {
  if (config.service.databaseUrl) return createPostgresStore(config.service.databaseUrl, options);
  if (config.service.store === 'memory') return createMemoryStore();
  return createFileStore(resolve(config.dataDirectory), options);
}

/** Where the store is, for the start-up line (a database URL without its password). */
export function describeStore(config: Config): string {
  if (config.service.databaseUrl) {
    const url = new URL(config.service.databaseUrl);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.toString()}`;
  }
  if (config.service.store === 'memory') return 'in memory (nothing is kept after exit)';
  return resolve(config.dataDirectory);
}
