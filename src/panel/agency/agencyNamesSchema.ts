import { z } from 'zod';

/** The naming knowledge identity proposals use (agencyNames.json). */
export const agencyNamesSchema = z.object({
  version: z.number().int().positive(),
  note: z.string(),
  abbreviations: z.array(z.object({ short: z.string().min(1), full: z.string().min(2), confidence: z.number().gt(0).max(1) })),
  aliases: z.array(z.object({ name: z.string().min(1), key: z.string().min(1) })),
  jointCommittees: z.array(z.object({ pattern: z.string().min(1), replacement: z.string(), confidence: z.number().gt(0).max(1) })),
  genericNames: z.array(z.string().min(1)),
  regions: z.array(z.string().min(2)),
  administrativeLevels: z.array(z.string().min(1)),
}).superRefine((names, context) => {
  for (const abbreviation of names.abbreviations) {
    // The expansion skips short forms inside their full form (政府 in 人民政府), so a full form may contain its short form.
    if (abbreviation.short.length >= abbreviation.full.length) {
      context.addIssue({ code: 'custom', message: `abbreviation ${abbreviation.short} is not shorter than ${abbreviation.full}` });
    }
  }
  for (const committee of names.jointCommittees) {
    try {
      new RegExp(committee.pattern, 'u');
    } catch {
      context.addIssue({ code: 'custom', message: `jointCommittees pattern ${committee.pattern} is not a regular expression` });
    }
  }
});
/** The naming knowledge identity proposals use. */
export type AgencyNames = z.infer<typeof agencyNamesSchema>;
