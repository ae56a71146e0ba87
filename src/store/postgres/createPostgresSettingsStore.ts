import type { Sql } from 'postgres';
import type { SettingsStore } from '../Store.ts';
import { settingsSchema, type Settings } from '../storeSchemas.ts';

/** The settings row's name (one row: the settings are small and change together). */
const SETTINGS = 'settings';

/** Settings in PostgreSQL (defaults until an admin saves them). */
export function createPostgresSettingsStore(sql: Sql): SettingsStore {
  return {
    async getSettings() {
      const [row] = await sql<{ value: Settings }[]>`SELECT value FROM settings WHERE name = ${SETTINGS}`;
      return row ? { ...row.value } : settingsSchema.parse({ publicDownloads: false });
    },
    async saveSettings(next) {
      await sql`
        INSERT INTO settings (name, value) VALUES (${SETTINGS}, ${sql.json(next as never)})
        ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`;
    },
  };
}
