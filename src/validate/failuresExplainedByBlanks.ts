import type { RuleDefinition } from '../templates/TemplateDefinition.ts';

/**
 * The failing hard sums a blank explains, each with the blanks that explain it: read with their blanks as 0 they
 * fail, and the side short of the other holds a blank, so a count in it would make the sum hold. A report that
 * prints a row's parts and leaves its total blank ("258 12 _ _ 1 1 _" under 合计) breaks its row's sum this way, and
 * nothing printed is in doubt for that, nor a blank part beside them: the blank total is not 0, which its own review
 * says. A sum short on a side with no blank fails whatever the blanks hold: the printed cells are in doubt, and it is
 * not listed. Only blanks `isBlank` accepts count (nothing printed, no unread piece beside them): an unread value
 * explains nothing.
 */
export function failuresExplainedByBlanks(
  failedHardRules: readonly RuleDefinition[],
  valueOf: (fieldId: string) => number | null | undefined,
  isBlank: (fieldId: string) => boolean,
): Map<string, ReadonlySet<string>> {
  const explained = new Map<string, ReadonlySet<string>>();
  for (const rule of failedHardRules) {
    if (rule.kind !== 'equal') continue;
    const left = sideOf(rule.left, valueOf, isBlank);
    const right = sideOf(rule.right, valueOf, isBlank);
    if (left === null || right === null) continue;
    const short = left.known < right.known ? left : right.known < left.known ? right : null;
    if (short !== null && short.blanks.length > 0) explained.set(rule.id, new Set(short.blanks));
  }
  return explained;
}

/**
 * True when every failing hard rule of a cell is one a blank explains, and the cell is not itself a blank that
 * explains one of them: a printed value, or a blank on the side already long enough.
 */
export function notInDoubtForBlanks(
  fieldId: string,
  failedHard: readonly RuleDefinition[],
  explained: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  return failedHard.length > 0 && failedHard.every((rule) => {
    const blanks = explained.get(rule.id);
    return blanks !== undefined && !blanks.has(fieldId);
  });
}

/** A side's printed sum and its blanks; null when a cell of it is neither printed nor an accepted blank. */
function sideOf(
  fieldIds: readonly string[],
  valueOf: (fieldId: string) => number | null | undefined,
  isBlank: (fieldId: string) => boolean,
): { known: number; blanks: string[] } | null {
  let known = 0;
  const blanks: string[] = [];
  for (const fieldId of fieldIds) {
    const value = valueOf(fieldId);
    if (value !== null && value !== undefined) known += value;
    else if (isBlank(fieldId)) blanks.push(fieldId);
    else return null;
  }
  return { known, blanks };
}
