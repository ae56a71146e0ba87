import type { Sql } from 'postgres';
import { agencyIdentitySchema, type AgencyIdentity } from '../../panel/agency/AgencyIdentity.ts';
import { identityDecisionRecordSchema, type IdentityDecisionRecord } from '../../panel/agency/agencyIdentityFile.ts';
import type { AuditedAgencyIdentityStore } from '../../panel/agency/AuditedAgencyIdentityStore.ts';
import { applyIdentityDecision, findIdentity, type IdentityDecision } from '../../panel/agency/applyIdentityDecision.ts';

const identitiesSchema = agencyIdentitySchema.array();

/**
 * The agency identities in PostgreSQL (migration 004), shared by every server and worker on the database. A decision
 * locks the one identities row, applies itself to what the database holds (not to a copy this process read
 * earlier: another server may have decided since), writes the result and appends the decision to the audit
 * trail in the same transaction. Reads go to the database each time: identities are few and a stale copy would
 * resolve agency keys differently on two servers.
 */
export function createPostgresAgencyIdentityStore(sql: Sql): AuditedAgencyIdentityStore {
  const current = async (): Promise<AgencyIdentity[]> => {
    const [row] = await sql<{ identities: unknown }[]>`SELECT identities FROM agency_identities WHERE id = 1`;
    return identitiesSchema.parse(row?.identities ?? []);
  };
  const decide = async (decision: IdentityDecision, audit: IdentityDecisionRecord): Promise<AgencyIdentity[]> =>
    sql.begin(async (transaction) => {
      const [row] = await transaction<{ identities: unknown }[]>`SELECT identities FROM agency_identities WHERE id = 1 FOR UPDATE`;
      const next = applyIdentityDecision(identitiesSchema.parse(row?.identities ?? []), decision);
      await transaction`UPDATE agency_identities SET identities = ${transaction.json(next as never)}, updated_at = now() WHERE id = 1`;
      await transaction`INSERT INTO agency_decisions (decision) VALUES (${transaction.json(audit as never)})`;
      return next;
    }) as Promise<AgencyIdentity[]>;
  return {
    get: async (key) => findIdentity(await current(), key),
    list: async () => current(),
    decisions: async () => {
      const rows = await sql<{ decision: unknown }[]>`SELECT decision FROM agency_decisions ORDER BY id`;
      return rows.map((row) => identityDecisionRecordSchema.parse(row.decision));
    },
    confirm: async (input) => findIdentity(await decide({ kind: 'confirm', input }, { kind: 'confirm', ...input, names: [...input.names], evidence: [...input.evidence] }), input.key)!,
    merge: async (input) => findIdentity(await decide({ kind: 'merge', input }, { kind: 'merge', ...input, evidence: [...input.evidence] }), input.into)!,
    keepApart: async (input) => {
      await decide({ kind: 'keep-apart', input }, { kind: 'keep-apart', ...input, keys: [input.keys[0], input.keys[1]] });
    },
  };
}
