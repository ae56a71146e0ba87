import type { RuleDefinition } from '../../templates/TemplateDefinition.ts';

/** The candidate readings of one row: each gives every cell of the row a value (a blank counts 0). */
export interface RowCandidates {
  readonly fieldIds: readonly string[];
  readonly candidates: readonly (readonly number[])[];
}

/** Amounts carry up to six decimals: sums are compared as integers of millionths. */
const SCALE = 1e6;

/**
 * Sums of a rule's rows are tracked as sets of reachable values; a rule whose sets grow past this is left out
 * (leaving a rule out only keeps more candidates, it never drops a right one).
 */
const MAX_REACHABLE_SUMS = 20_000;

/**
 * Drops every candidate reading of a row that no choice of the other rows' candidates can complete into a reading
 * where the section's hard sum rules hold (generalised arc consistency, rule by rule, repeated until nothing
 * changes). Only rules whose every cell belongs to one of the rows take part: a rule touching a row nobody read
 * cannot tell. Counts are non-negative and a blank is 0, so a candidate the rules cannot complete is not how the
 * report was printed, as long as the report itself is consistent.
 *
 * Returns the indexes of the surviving candidates of each row, or undefined when some row keeps none: the rows
 * as read contradict the rules, and no candidate can be trusted over another.
 */
export function pruneByRules(rows: readonly RowCandidates[], rules: readonly RuleDefinition[]): number[][] | undefined {
  const cellOf = new Map<string, { row: number; cell: number }>();
  rows.forEach((row, rowIndex) => row.fieldIds.forEach((fieldId, cellIndex) => cellOf.set(fieldId, { row: rowIndex, cell: cellIndex })));
  const constraints = rules.flatMap((rule) => {
    if (rule.kind !== 'equal' || rule.severity !== 'hard') return [];
    const terms = new Map<number, { cell: number; sign: number }[]>();
    for (const [ids, sign] of [[rule.left, 1], [rule.right, -1]] as const) {
      for (const fieldId of ids) {
        const at = cellOf.get(fieldId);
        if (!at) return [];
        const list = terms.get(at.row) ?? [];
        list.push({ cell: at.cell, sign });
        terms.set(at.row, list);
      }
    }
    return [[...terms]];
  });
  const alive = rows.map((row) => row.candidates.map(() => true));
  let changed = true;
  while (changed) {
    changed = false;
    for (const terms of constraints) {
      // Each row's contribution to the rule (its left cells minus its right cells), per surviving candidate.
      const contributions = terms.map(([rowIndex, cells]) => rows[rowIndex]!.candidates.map((candidate, index) =>
        alive[rowIndex]![index] ? Math.round(cells.reduce((sum, { cell, sign }) => sum + sign * candidate[cell]!, 0) * SCALE) : undefined));
      const distinct = contributions.map((list) => new Set(list.filter((value): value is number => value !== undefined)));
      const prefix = reachableSums(distinct);
      const suffix = reachableSums([...distinct].reverse())?.reverse();
      if (!prefix || !suffix) continue;
      for (let position = 0; position < terms.length; position++) {
        const before = prefix[position]!;
        const after = suffix[position + 1]!;
        const supported = new Set<number>();
        for (const value of distinct[position]!) {
          for (const sum of before) {
            if (after.has(-value - sum)) {
              supported.add(value);
              break;
            }
          }
        }
        const rowIndex = terms[position]![0];
        contributions[position]!.forEach((value, index) => {
          if (value === undefined || supported.has(value)) return;
          alive[rowIndex]![index] = false;
          changed = true;
        });
        if (!alive[rowIndex]!.some(Boolean)) return undefined;
      }
    }
  }
  return alive.map((flags) => flags.flatMap((flag, index) => (flag ? [index] : [])));
}

/**
 * reachable[i] = every sum of one value from each of the first i sets (reachable[0] = {0}); undefined when the
 * sums grow past MAX_REACHABLE_SUMS.
 */
function reachableSums(sets: readonly ReadonlySet<number>[]): Set<number>[] | undefined {
  const reachable: Set<number>[] = [new Set([0])];
  for (const values of sets) {
    const next = new Set<number>();
    for (const sum of reachable[reachable.length - 1]!) for (const value of values) next.add(sum + value);
    if (next.size > MAX_REACHABLE_SUMS) return undefined;
    reachable.push(next);
  }
  return reachable;
}
