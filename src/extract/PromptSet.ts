import { z } from 'zod';

/** One worked example: a section text, the answer a careful model gives (the fields asked are its ids). */
export const promptExampleSchema = z.strictObject({
  heading: z.string(),
  text: z.string(),
  answer: z.strictObject({
    fields: z.array(z.strictObject({ id: z.string(), value: z.number().nullable(), evidence: z.string() })).min(1),
  }),
});
/** One worked example. */
export type PromptExample = z.infer<typeof promptExampleSchema>;

/** An examples file of prompts/<version>/examples/<template>.json. */
export const promptExamplesFileSchema = z.strictObject({
  template: z.string(),
  examples: z.array(promptExampleSchema),
});

/**
 * A versioned prompt: the system message and worked examples per template id. `fingerprint` hashes the files,
 * so the answer cache never serves an answer obtained with an edited prompt under the same version name.
 */
export interface PromptSet {
  readonly version: string;
  readonly fingerprint: string;
  readonly system: string;
  readonly examples: Readonly<Record<string, readonly PromptExample[]>>;
}
