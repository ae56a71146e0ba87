import { z } from 'zod';
import { agencyEvidenceSchema } from './AgencyEvidence.ts';
import { agencyIdentitySchema } from './AgencyIdentity.ts';

/** One reviewer decision on agency identities, as the audit trail keeps it. */
export const identityDecisionRecordSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('confirm'), by: z.string(), at: z.string(),
    key: z.string(), displayName: z.string(), names: z.array(z.string()), evidence: z.array(agencyEvidenceSchema),
  }),
  z.object({ kind: z.literal('merge'), by: z.string(), at: z.string(), from: z.string(), into: z.string(), evidence: z.array(agencyEvidenceSchema) }),
  z.object({ kind: z.literal('keep-apart'), by: z.string(), at: z.string(), keys: z.tuple([z.string(), z.string()]) }),
]);
/** One reviewer decision on agency identities. */
export type IdentityDecisionRecord = z.infer<typeof identityDecisionRecordSchema>;

/** Schema version of agencies.json. */
export const AGENCY_FILE_SCHEMA_VERSION = 1;

/**
 * `agencies.json` in the data directory: the confirmed identities and every decision that made them (the audit
 * trail, oldest first). Validated when read; a corrupt file stops the start rather than being overwritten.
 */
export const agencyIdentityFileSchema = z.object({
  schemaVersion: z.literal(AGENCY_FILE_SCHEMA_VERSION),
  identities: z.array(agencyIdentitySchema),
  decisions: z.array(identityDecisionRecordSchema),
});
/** The agencies file. */
export type AgencyIdentityFile = z.infer<typeof agencyIdentityFileSchema>;
