import { z } from 'zod';

const ruleId = z.string();
const model = { model: z.string(), promptVersion: z.string() };

/**
 * One thing known about a field, as data: what it is (`kind`), the rule it concerns, the numbers and the cells.
 * describeFinding turns it into words (the record's `issues`); code decides on the kind, never on the wording.
 */
export const fieldFindingSchema = z.discriminatedUnion('kind', [
  /** The parser did not find the cell. */
  z.object({ kind: z.literal('not-found') }),
  /** Digits are printed but no value was read from them (an unsolved glued run, say). */
  z.object({ kind: z.literal('value-not-read'), raw: z.string() }),
  /** The value read cannot stand in this field (templates/valueBounds: a negative count, a count with decimals). */
  z.object({ kind: z.literal('impossible-value'), value: z.number(), problem: z.enum(['negative', 'fraction']) }),
  /** Read as blank, but a number-like piece stands unread in the same row. */
  z.object({ kind: z.literal('doubtful-blank'), piece: z.string() }),
  /** Several readings satisfy every rule and differ in this cell; `explanation`: the parser's own account. */
  z.object({ kind: z.literal('ambiguous'), explanation: z.string().optional() }),
  /** No reading of the printed digits satisfies the form's rules (the parser's note says how). */
  z.object({ kind: z.literal('printed-inconsistency'), note: z.string() }),
  /** A repair made to read the cell (OCR letter, unit), as the parser wrote it. */
  z.object({ kind: z.literal('repair'), text: z.string() }),
  /** Anything else the parser (or the LLM verification) noted about how the cell was read. */
  z.object({ kind: z.literal('note'), text: z.string() }),
  /** A rule fails on the values as read: sum(left) ≠ sum(right) (`equal`) or sum(left) > sum(right) (`atMost`). */
  z.object({ kind: z.literal('rule-failed'), ruleId, severity: z.enum(['hard', 'soft']), leftSum: z.number(), rightSum: z.number() }),
  /** A rule cannot be checked: these cells are blank or unread. */
  z.object({ kind: z.literal('rule-unchecked'), ruleId, severity: z.enum(['hard', 'soft']), missing: z.array(z.string()) }),
  /** A hard sum fails even with its blank cells taken as 0 (a blank total next to filled parts, say). */
  z.object({ kind: z.literal('rule-blanks-contradict'), ruleId, blanks: z.array(z.string()), leftSum: z.number(), rightSum: z.number() }),
  /** A hard sum fails whatever its blank or unread cells hold (counts are never negative). */
  z.object({
    kind: z.literal('rule-cannot-hold'), ruleId,
    leftKnown: z.number(), leftUnknown: z.number().int(), rightKnown: z.number(), rightUnknown: z.number().int(),
  }),
  /**
   * Nothing read the cell with certainty; the record's value (in review) is the likeliest reading, offered for the
   * reviewer to approve or correct: the plainest split of a glued run, the likeliest placement of a row's values, the
   * value as read before it was put in doubt. Not a value read: no rule and no other report counts on it.
   */
  z.object({ kind: z.literal('likeliest-reading'), value: z.number() }),
  /** A blank the hard rule forces to 0, proposed for a reviewer to confirm (the value stays null). */
  z.object({ kind: z.literal('proposed-zero'), ruleId }),
  /** A blank the rule proves 0: its total and other parts printed and read cleanly, the sum exact. */
  z.object({ kind: z.literal('proven-zero'), ruleId }),
  /**
   * A blank the rule would prove 0, but a printed cell of the blank's own row in the proof (`heldField`) is held for
   * review: the row may have been read a cell beside its own, its sum holding either way, so the proof is no proof.
   */
  z.object({ kind: z.literal('proof-in-doubt'), ruleId, heldField: z.string() }),
  /** Read as blank in a document whose tables read no number at all: a reading that found nothing proves no blank. */
  z.object({ kind: z.literal('nothing-read') }),
  /** A row the document does not print, 0 because the rule holds with the printed values without it (a person confirms). */
  z.object({ kind: z.literal('absent-row-zero'), ruleId }),
  /** The narrative states another number than the table. */
  z.object({ kind: z.literal('narrative-disagrees'), claimId: z.string(), quote: z.string(), stated: z.number(), tableValue: z.number() }),
  /** The field's section was not read by the LLM (endpoint down, budget spent, section not found). */
  z.object({ kind: z.literal('llm-not-read'), reason: z.string() }),
  /**
   * A rule between two consecutive reports of one agency fails (src/panel/crossYear): `years` [N, N+1], the other
   * report of the pair, the two sums. A soft warning on both reports: it does not hold the field.
   */
  z.object({
    kind: z.literal('cross-year-broken'), ruleId, years: z.tuple([z.number().int(), z.number().int()]),
    otherDocument: z.string(), otherSha256: z.string(), leftSum: z.number(), rightSum: z.number(),
  }),
  /**
   * An ambiguous glued run settled by a neighbouring year: of the splits of `printed` the document's rules allow,
   * exactly one keeps the cross-year rules with the report(s) in `decidedBy`. The value is still the table's.
   */
  z.object({
    kind: z.literal('cross-year-settled'), printed: z.string(),
    decidedBy: z.array(z.object({ year: z.number().int(), document: z.string(), sha256: z.string(), ruleIds: z.array(z.string()) })).min(1),
  }),
  z.object({ kind: z.literal('llm-unanswered'), ...model }),
  /** The LLM's answer was not believed (quote not found, number not in it, …). */
  z.object({ kind: z.literal('llm-rejected'), ...model, value: z.number().nullable(), reason: z.string() }),
  /** The LLM reports the cell blank, which a quote cannot show. */
  z.object({ kind: z.literal('llm-blank-unconfirmed'), ...model, quote: z.string() }),
  z.object({ kind: z.literal('llm-agrees'), ...model, quote: z.string() }),
  z.object({
    kind: z.literal('llm-disagrees'), ...model,
    parserValue: z.number().nullable(), parserRaw: z.string(), llmValue: z.number().nullable(), quote: z.string(), shown: z.enum(['parser', 'llm']),
  }),
]);
/** One thing known about a field, as data. */
export type FieldFinding = z.infer<typeof fieldFindingSchema>;
/** The kinds of finding. */
export type FindingKind = FieldFinding['kind'];

/** Findings that keep a field in `review` whatever its confidence. */
const BLOCKING: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'not-found', 'value-not-read', 'impossible-value', 'doubtful-blank', 'ambiguous', 'printed-inconsistency',
  'rule-blanks-contradict', 'rule-cannot-hold', 'proposed-zero', 'absent-row-zero', 'likeliest-reading', 'proof-in-doubt',
  'nothing-read',
]);

/** True when the finding keeps its field in review whatever its confidence (a failed hard rule among them). */
export function findingBlocks(finding: FieldFinding): boolean {
  if (finding.kind === 'rule-failed') return finding.severity === 'hard';
  return BLOCKING.has(finding.kind);
}

/** True when the finding says a hard rule fails, or the printed digits admit no reading the rules accept. */
export function isHardRuleFailure(finding: FieldFinding): boolean {
  return (finding.kind === 'rule-failed' && finding.severity === 'hard')
    || finding.kind === 'rule-blanks-contradict' || finding.kind === 'rule-cannot-hold' || finding.kind === 'printed-inconsistency';
}

/** The rule a finding is about, if any. */
export function ruleIdOf(finding: FieldFinding): string | undefined {
  return 'ruleId' in finding ? finding.ruleId : undefined;
}

/** True when the finding comes from the LLM path. */
export function isLlmFinding(finding: FieldFinding): boolean {
  return finding.kind.startsWith('llm-');
}

/** The value a field was read with: null where it only carries a likeliest reading offered for review (or is blank). */
export function valueRead(field: { readonly value: number | null; readonly findings?: readonly FieldFinding[] }): number | null {
  return field.findings?.some((finding) => finding.kind === 'likeliest-reading') ? null : field.value;
}
