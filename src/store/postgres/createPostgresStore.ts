import postgres, { type Sql } from 'postgres';
import { composeStore } from '../composeStore.ts';
import type { Store } from '../Store.ts';
import { applyMigrations } from './applyMigrations.ts';
import { reportUnavailable } from './reportUnavailable.ts';
import { createPostgresAccountStore } from './createPostgresAccountStore.ts';
import { createPostgresDocumentStore } from './createPostgresDocumentStore.ts';
import { createPostgresSettingsStore } from './createPostgresSettingsStore.ts';

/** How the PostgreSQL store is opened. */
export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  readonly maxConnections?: number;
  /** Told which migrations were applied at this start (operator log). */
  readonly log?: (line: string) => void;
}

/** A Store on PostgreSQL plus the connection pool under it (the work queue shares it). */
export interface PostgresStore extends Store {
  readonly sql: Sql;
}

/** The connection pool every PostgreSQL part of gongkai uses (server notices are not logged). */
export function connectPostgres(url: string, maxConnections = 10): Sql {
  return postgres(url, { max: maxConnections, onnotice: () => {}, connect_timeout: 10 });
}

/**
 * Opens the store on the database at `url` (postgres://…): applies the repository's migrations under an
 * advisory lock (several servers may start at once), then serves documents, accounts and settings from it.
 * Nothing is locked to one process: any number of servers and workers may share the database.
 */
export async function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const sql = connectPostgres(url, options.maxConnections);
  try {
    const applied = await applyMigrations(sql);
    if (applied.length > 0) options.log?.(`database migrated to version ${applied[applied.length - 1]} (applied ${applied.join(', ')})`);
  } catch (error) {
    await sql.end({ timeout: 5 });
    throw error;
  }
  const store = composeStore({
    // A database that went away answers 503 (GongkaiError 'unavailable'), not 500, until the pool reconnects.
    documents: reportUnavailable(createPostgresDocumentStore(sql)),
    accounts: reportUnavailable(createPostgresAccountStore(sql)),
    settings: reportUnavailable(createPostgresSettingsStore(sql)),
    close: () => sql.end({ timeout: 5 }),
  });
  return { ...store, sql };
}
