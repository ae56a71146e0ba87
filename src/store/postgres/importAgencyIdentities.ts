import { isDeepStrictEqual } from 'node:util';
import type { Sql } from 'postgres';
import { GongkaiError } from '../../errors/GongkaiError.ts';
import type { AuditedAgencyIdentityStore } from '../../panel/agency/AuditedAgencyIdentityStore.ts';
import { createPostgresAgencyIdentityStore } from './createPostgresAgencyIdentityStore.ts';

/** What migrate-store did with the agency identities. */
export interface AgencyImportReport {
  /** `copied` into an empty database, `unchanged` when it already held the same, `empty` when there was none. */
  readonly outcome: 'copied' | 'unchanged' | 'empty';
  readonly identities: number;
  readonly decisions: number;
}

/**
 * Copies the file store's agency identities (agencies.json) and their audit trail into the database, then checks the
 * database holds the same. Safe to run again: a database that already holds the same identities and decisions is
 * left alone; one whose identities were decided on since (on PostgreSQL) is refused rather than overwritten.
 */
export async function importAgencyIdentities(source: AuditedAgencyIdentityStore, sql: Sql): Promise<AgencyImportReport> {
  const identities = await source.list();
  const decisions = await source.decisions();
  const target = createPostgresAgencyIdentityStore(sql);
  const [held, heldDecisions] = [await target.list(), await target.decisions()];
  const same = () => isDeepStrictEqual(held, identities) && isDeepStrictEqual(heldDecisions, decisions);
  if (same()) return { outcome: decisions.length === 0 ? 'empty' : 'unchanged', identities: identities.length, decisions: decisions.length };
  if (heldDecisions.length > 0) {
    throw new GongkaiError('conflict', `the database holds other agency decisions (${heldDecisions.length}) than agencies.json (${decisions.length}): not overwritten`);
  }
  await sql.begin(async (transaction) => {
    await transaction`UPDATE agency_identities SET identities = ${transaction.json(identities as never)}, updated_at = now() WHERE id = 1`;
    for (const decision of decisions) await transaction`INSERT INTO agency_decisions (decision) VALUES (${transaction.json(decision as never)})`;
  });
  if (!isDeepStrictEqual(await target.list(), identities) || !isDeepStrictEqual(await target.decisions(), decisions)) {
    throw new GongkaiError('conflict', 'the agency identities read back from the database differ from agencies.json');
  }
  return { outcome: 'copied', identities: identities.length, decisions: decisions.length };
}
