import type { Store } from '../store/Store.ts';
import { generatePassword, hashPassword } from './passwordHash.ts';

/** The first admin account, when it was just created. */
export interface FirstAdmin {
  readonly username: string;
  /** The password: printed once when generated; undefined when it came from GONGKAI_ADMIN_PASSWORD. */
  readonly generatedPassword: string | undefined;
}

/**
 * Creates the `admin` account when the store has no account at all: with the configured password, or a random
 * one that the caller prints once. Returns undefined when accounts exist.
 */
export async function ensureFirstAdmin(store: Store, configuredPassword: string | undefined, now: Date): Promise<FirstAdmin | undefined> {
  if ((await store.listAccounts()).length > 0) return undefined;
  const password = configuredPassword ?? generatePassword();
  // Created only if absent: of several servers starting at once on one database, one creates it.
  const created = await store.createAccount({ username: 'admin', role: 'admin', passwordHash: await hashPassword(password), createdAt: now.toISOString(), disabled: false });
  if (!created) return undefined;
  return { username: 'admin', generatedPassword: configuredPassword === undefined ? password : undefined };
}
