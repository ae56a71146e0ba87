import type { FieldRuleFindings } from '../validate/checkRules.ts';

/**
 * The rule check as one cell sees it when the rules' other cells in `doubtful` prove nothing: a rule that holds
 * confirms the cell only when none of its other cells is doubtful. For a run-together cell, other run-together
 * cells: "0 0 0 04 0 0 04." (a page number glued to one 0, the next row's ordinal to the last) holds as 4 = 4 and
 * as 0 = 0: two doubtful readings that move together prove neither.
 */
export function withoutConfirmationsThrough(findings: FieldRuleFindings | undefined, fieldId: string, doubtful: ReadonlySet<string>): FieldRuleFindings | undefined {
  return keepingConfirmations(findings, (cells) => cells.every((id) => id === fieldId || !doubtful.has(id)));
}

/** A cell's rule findings with only the confirming rules whose cells `keep` accepts. */
function keepingConfirmations(findings: FieldRuleFindings | undefined, keep: (ruleCells: readonly string[]) => boolean): FieldRuleFindings | undefined {
  if (!findings) return findings;
  const confirmedBy = findings.confirmedBy.filter((evaluation) => keep([...evaluation.rule.left, ...evaluation.rule.right]));
  if (confirmedBy.length === findings.confirmedBy.length) return findings;
  return {
    ...findings,
    confirmedBy,
    confirmedNonTrivially: confirmedBy.some((evaluation) => (evaluation.leftSum ?? 0) !== 0 || (evaluation.rightSum ?? 0) !== 0),
  };
}

/**
 * The rule check as one cell sees it when only rules that reach beyond `chosen` (cells placed so that their rules
 * hold) confirm it: a rule all of whose cells were chosen so holds by construction.
 */
export function onlyConfirmationsBeyond(findings: FieldRuleFindings | undefined, chosen: ReadonlySet<string>): FieldRuleFindings | undefined {
  return keepingConfirmations(findings, (cells) => cells.some((id) => !chosen.has(id)));
}
