import { z } from 'zod';

/**
 * One step of reasoning behind an agency key or a merge proposal, so a reviewer sees why. `rule` names the data
 * entry or check that matched; `from`/`to` what it changed or related; `confidence` how far the step alone is
 * trusted.
 */
export const agencyEvidenceSchema = z.object({
  rule: z.enum([
    'normalise', 'alias', 'abbreviation', 'bracketed-abbreviation', 'joint-committee',
    'region-prefix', 'place-administration', 'reviewer',
  ]),
  from: z.string(),
  to: z.string(),
  confidence: z.number().min(0).max(1),
  detail: z.string().default(''),
});
/** One step of reasoning behind an agency key or a merge proposal. */
export type AgencyEvidence = z.infer<typeof agencyEvidenceSchema>;
