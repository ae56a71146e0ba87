import type { RuleDefinition } from '../templates/TemplateDefinition.ts';
import type { RuleCheck } from '../validate/checkRules.ts';

/**
 * Cells of failing hard rules that the failures do not implicate. Failing rules that share cells are taken together
 * (a slip in 三 and another in 四 are two separate failures); where two or more of them fail and exactly one cell
 * lies in every one, that cell alone explains them all (one misprinted or misread number breaks each rule it is in),
 * and a second error would be needed to implicate any other. Of those rules' other cells, the ones a rule that holds
 * confirms are cleared: they keep their rule findings, and their bucket says how they were cleared, measured like
 * any other. A swap of two cells (two column sums failing, the row's sum holding) leaves no cell common to the
 * failures, and a single failing rule none to tell apart: they clear nothing.
 */
export function clearedByOneSuspect(rules: RuleCheck, clearable: (fieldId: string, suspect: string) => boolean): Set<string> {
  const cleared = new Set<string>();
  for (const group of connectedRules(rules.failedHardRules)) {
    if (group.length < 2) continue;
    const cellsOf = group.map((rule) => new Set([...rule.left, ...rule.right]));
    const common = [...cellsOf[0]!].filter((fieldId) => cellsOf.every((cells) => cells.has(fieldId)));
    if (common.length !== 1) continue;
    const suspect = common[0]!;
    for (const cells of cellsOf) for (const fieldId of cells) if (fieldId !== suspect && clearable(fieldId, suspect)) cleared.add(fieldId);
  }
  return cleared;
}

/** The rules in groups that share cells, directly or through other rules of the group. */
function connectedRules(rules: readonly RuleDefinition[]): RuleDefinition[][] {
  const groups: { rules: RuleDefinition[]; cells: Set<string> }[] = [];
  for (const rule of rules) {
    const cells = new Set([...rule.left, ...rule.right]);
    const joined = groups.filter((group) => [...cells].some((fieldId) => group.cells.has(fieldId)));
    const merged = { rules: [...joined.flatMap((group) => group.rules), rule], cells: new Set([...joined.flatMap((group) => [...group.cells]), ...cells]) };
    for (const group of joined) groups.splice(groups.indexOf(group), 1);
    groups.push(merged);
  }
  return groups.map((group) => group.rules);
}
