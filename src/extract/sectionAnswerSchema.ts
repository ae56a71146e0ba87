import { z } from 'zod';

/** Longest evidence quote the model may give (characters). */
export const MAX_EVIDENCE_LENGTH = 80;

/**
 * The only shape a model may answer in for one section: the requested field ids (an enum, so no other id can
 * come back), a number or null, and a verbatim quote. Strict (no other key). The quote length is stated in the
 * description rather than as `maxLength`, which strict structured outputs do not accept on every endpoint; it
 * is enforced when the answer is believed (verifySectionAnswer), field by field.
 */
export function createSectionAnswerSchema(fieldIds: readonly string[]) {
  if (fieldIds.length === 0) throw new RangeError('createSectionAnswerSchema: at least one field id is needed');
  const ids = fieldIds as [string, ...string[]];
  return z.strictObject({
    fields: z.array(
      z.strictObject({
        id: z.enum(ids).describe('one of the requested field ids'),
        value: z.number().nullable().describe('the number printed for this field, in the unit given; null when blank, "/", "—" or not stated'),
        evidence: z
          .string()
          .describe(`a verbatim quote of at most ${MAX_EVIDENCE_LENGTH} characters copied from the document that contains the number`),
      }),
    ),
  });
}

/** A model's answer for one section, once it matches the schema. */
export type SectionAnswer = z.infer<ReturnType<typeof createSectionAnswerSchema>>;

/** One answered field. */
export type AnsweredField = SectionAnswer['fields'][number];

/** The outcome of reading what the model returned: the answer, or the errors to send back for a repair. */
export type SectionAnswerReading =
  | { readonly ok: true; readonly answer: SectionAnswer }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Parses and validates the text a model returned (never throws): JSON first, then the schema. The errors are
 * short sentences with the JSON path, fit to be sent back to the model in a repair request.
 */
export function readSectionAnswer(content: string, fieldIds: readonly string[]): SectionAnswerReading {
  let json: unknown;
  try {
    json = JSON.parse(stripCodeFence(content));
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = createSectionAnswerSchema(fieldIds).safeParse(json);
  if (result.success) return { ok: true, answer: result.data };
  return {
    ok: false,
    errors: result.error.issues.slice(0, 20).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`),
  };
}

/** Some OpenAI-compatible servers wrap JSON in a Markdown fence even in JSON mode. */
function stripCodeFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/u.exec(content);
  return fenced ? fenced[1]! : content;
}
