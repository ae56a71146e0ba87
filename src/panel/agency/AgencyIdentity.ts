import { z } from 'zod';
import { agencyEvidenceSchema } from './AgencyEvidence.ts';

/**
 * An agency identity a reviewer confirmed: its key, the name shown, the (normalised) names and the keys merged
 * into it, the keys a reviewer said are other agencies (so the same merge is not proposed again), and who decided.
 */
export const agencyIdentitySchema = z.object({
  key: z.string().min(1),
  displayName: z.string().min(1),
  names: z.array(z.string()),
  mergedKeys: z.array(z.string()),
  keptApart: z.array(z.string()),
  evidence: z.array(agencyEvidenceSchema),
  decidedBy: z.string().min(1),
  decidedAt: z.string().min(1),
});
/** An agency identity a reviewer confirmed. */
export type AgencyIdentity = z.infer<typeof agencyIdentitySchema>;
