import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { GongkaiError } from '../errors/GongkaiError.ts';
import { templateIdSchema } from '../record/ExtractionRecord.ts';

/** A gold file (test/fixtures/gold, test/fixtures/variants/gold): the true values of one document, cell by cell. */
export const goldFileSchema = z.object({
  /** File name of the document, in the directory next to the gold directory (corpus/ or variants/). */
  document: z.string().min(1),
  template: templateIdSchema,
  meta: z.object({
    agency: z.string().nullable(),
    agencyAliases: z.array(z.string()).default([]),
    year: z.number().int().nullable(),
  }),
  /** Field id → value as printed (null = blank). */
  fields: z.record(z.string(), z.number().nullable()),
  /** Fields a printed inconsistency must send to review with a rule issue. */
  expectFlags: z.array(z.string()).default([]),
  notes: z.string().default(''),
  /** Variants only: the seed the variant was made from and what was done to it. */
  source: z.string().optional(),
  garbling: z.array(z.string()).optional(),
});
/** A gold file. */
export type GoldFile = z.infer<typeof goldFileSchema>;

/** Reads and validates a gold file; a malformed one is an error naming the file. */
export function readGoldFile(path: string | URL): GoldFile {
  const parsed = goldFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new GongkaiError('bad-request', `gold file ${String(path)} is malformed: ${parsed.error.message}`, { path: String(path) });
  }
  return parsed.data;
}
