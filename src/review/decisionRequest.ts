import { z } from 'zod';

const version = z.number().int().nonnegative();
const fieldId = z.string().min(1).max(200);
const note = z.string().max(2000).optional();
/**
 * Control characters (NUL included), line and paragraph separators, and bidirectional overrides: none belongs
 * in an agency's name, and they corrupt the dataset's CSV/XLSX cells or disguise the name on screen.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const agency = z.string().trim().min(1).max(200).refine((value) => !FORBIDDEN_IN_NAME.test(value), 'the agency may not contain control characters');

/**
 * A reviewer's decision as the API accepts it. Every decision names the document version it was made on;
 * a decision on a stale version is refused (409) so no update is lost.
 * - approve: the value is right as read (a proposed 0 on a blank is accepted as 0, method `inferred`);
 * - correct: the value is `value`; a correction that makes a rule fail needs `confirm: true`;
 * - blank: the document leaves the cell blank (null);
 * - approve-auto: every `auto` field of the document is confirmed by this reviewer;
 * - reject: the document does not belong in the dataset (reason required);
 * - meta: the issuing agency / reporting year are corrected.
 */
export const decisionRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), version, fieldId, confirm: z.boolean().optional(), note }),
  z.object({ action: z.literal('correct'), version, fieldId, value: z.number().finite(), confirm: z.boolean().optional(), note }),
  z.object({ action: z.literal('blank'), version, fieldId, confirm: z.boolean().optional(), note }),
  z.object({ action: z.literal('approve-auto'), version, note }),
  z.object({ action: z.literal('reject'), version, reason: z.string().trim().min(1, 'say why the document is rejected').max(2000) }),
  z.object({
    action: z.literal('meta'),
    version,
    agency: agency.nullable(),
    year: z.number().int().min(1990).max(2100).nullable(),
    note,
  }),
]);
/** A reviewer's decision. */
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;
