import { readdir, readFile } from 'node:fs/promises';
import type { Sql } from 'postgres';

/** The migrations kept in the repository: `NNN_name.sql`, applied in order of NNN. */
const MIGRATIONS = new URL('./migrations/', import.meta.url);

/** Key of the advisory lock every starting process takes while it migrates (any fixed 64-bit number). */
export const MIGRATION_LOCK_KEY = 7_160_411_001;

/** A migration file, by its version number. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The migrations in the repository, in order. */
export async function readMigrations(): Promise<readonly Migration[]> {
  const files = (await readdir(MIGRATIONS)).filter((file) => /^\d{3}_[\w-]+\.sql$/.test(file)).sort();
  return Promise.all(files.map(async (file) => ({
    version: Number(file.slice(0, 3)),
    name: file,
    sql: await readFile(new URL(file, MIGRATIONS), 'utf8'),
  })));
}

/**
 * Brings the database up to the repository's migrations, in one transaction under a transaction-level
 * advisory lock: servers and workers starting together wait for the first one, then find nothing to do. A
 * failing migration rolls back whole (and stops the start). Returns the versions applied now.
 */
export async function applyMigrations(sql: Sql): Promise<readonly number[]> {
  const migrations = await readMigrations();
  return sql.begin(async (transaction) => {
    await transaction`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
    await transaction`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`;
    const applied = new Set((await transaction<{ version: number }[]>`SELECT version FROM schema_migrations`).map((row) => row.version));
    const now: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      // Simple protocol: a migration file holds several statements.
      await transaction.unsafe(migration.sql).simple();
      await transaction`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`;
      now.push(migration.version);
    }
    return now;
  });
}
