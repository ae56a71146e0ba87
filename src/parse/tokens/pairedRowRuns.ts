import type { Anchor } from './chooseAnchors.ts';
import { satisfiesRules } from './readingRules.ts';
import { nextRowsHeadAmongValues, valuesOfAnotherRow } from './runOfAnotherRow.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { Token, ValueToken } from './Token.ts';

/** Most consecutive rows whose values are cut again together. */
const MAX_WINDOW = 3;

/**
 * Consecutive rows whose values stand on the wrong side of their labels: a PDF's reading order draws a label cell
 * (a tall one, "四、结转下年度继续\n办理", or a label wrapped around its values) after the values beside it, or
 * several labels before their rows' values. Some runs then hold more than a row's values and one holds none. Taken
 * together the runs of two or three consecutive rows hold exactly their cells' worth of values, in the rows' order:
 * they are cut again, a row's worth each, when the rows have as many cells, one of them printed no value after its
 * label, every value is a plain number and each row's share holds its row's rules (the section's rules check the
 * rest), and none of the runs holds values printed after another row's head (valuesOfAnotherRow). Returns the runs to
 * read instead, by anchor position, and the positions of windows whose last run reaches past rows not anchored
 * (`reachingPast`): there the values of a row whose label was not found ("（七）总" / "计") stand in that run too, and a
 * share of them holds its row's own rules for the wrong row, so those rules confirm nothing (CellSupport.shareOfRun).
 */
export function pairedRowRuns(
  tokens: readonly Token[],
  anchors: readonly Anchor[],
  skeleton: readonly SkeletonRow[],
  runEnd: (position: number) => number,
  unitOf: (fieldId: string) => string,
): { runs: Map<number, readonly Token[]>; reachingPast: Set<number> } {
  const runs = new Map<number, readonly Token[]>();
  // (Seed 4683, variant 9: a grid's labels wrapped with their values on the first line, each anchored on its tail,
  // every run holding the next row's values; cut again, three runs held their rows' sums shifted by a row.)
  const valuesElsewhere = (position: number): boolean => {
    const anchor = anchors[position]!;
    const next = anchors[position + 1];
    return valuesOfAnotherRow(tokens.slice(anchor.tokenIndex + 1, runEnd(position)), tokens[anchor.tokenIndex]!, skeleton[anchor.rowIndex]!,
      next ? skeleton[next.rowIndex] : undefined, skeleton[anchor.rowIndex + 1], tokens[runEnd(position)]);
  };
  const reachingPast = new Set<number>();
  const valuesOf = valuesAfterLabels(tokens, anchors, skeleton, runEnd);
  for (let position = 0; position + 1 < anchors.length; position++) {
    for (let size = 2; size <= MAX_WINDOW && position + size <= anchors.length; size++) {
      const window = anchors.slice(position, position + size);
      const rows = window.map((anchor) => skeleton[anchor.rowIndex]!);
      const cells = rows[0]!.fieldIds.length;
      const consecutive = window.every((anchor, index) => index === 0 || anchor.rowIndex === window[index - 1]!.rowIndex + 1);
      if (!consecutive || cells < 2 || rows.some((row) => row.table !== rows[0]!.table || row.fieldIds.length !== cells || row.rules.length === 0)) break;
      const counts = window.map((_, index) => valuesOf(position + index).length);
      // A row's worth each in all, one row with none: its values stand in another's run (counted before the values
      // are gathered: most windows fail here).
      if (counts.reduce((sum, count) => sum + count, 0) !== size * cells || !counts.includes(0)) continue;
      // Values a run holds after the next row's head are that row's: the window's rows are not where its values are.
      if (window.some((_, index) => valuesElsewhere(position + index))) continue;
      // So are values the window's last run holds after the head of the row after the window (seed 4824 variant 2516:
      // a grid's labels wrapped, values on their first lines, "2.其他法" between two rows' values and its anchor on
      // "法规禁"; cut again, every row took the next one's zeros, every rule holding).
      const last = position + size - 1;
      if (nextRowsHeadAmongValues(tokens.slice(anchors[last]!.tokenIndex + 1, runEnd(last)), skeleton[anchors[last]!.rowIndex + 1])) continue;
      const values = window.flatMap((_, index) => valuesOf(position + index));
      if (values.some((token) => token.glued || token.ordinalTail || !/^\d+(?:\.\d+)?$/u.test(token.raw))) continue;
      const shares = rows.map((_, index) => values.slice(index * cells, (index + 1) * cells));
      const reading = (share: readonly ValueToken[]) => share.map((token) => ({ kind: 'value' as const, token }));
      if (!shares.every((share, index) => satisfiesRules(reading(share), rows[index]!, unitOf, 'zero'))) continue;
      shares.forEach((share, index) => runs.set(position + index, share));
      const after = anchors[position + size];
      const lastRow = window[size - 1]!.rowIndex;
      if (after ? after.rowIndex !== lastRow + 1 : lastRow !== skeleton.length - 1) window.forEach((_, index) => reachingPast.add(position + index));
      position += size - 1;
      break;
    }
  }
  return { runs, reachingPast };
}

/**
 * The values after each anchor's label, up to the next anchor's: a row's ordinal printed before its label's words
 * ("7" then ".属于行政") is no value.
 */
function valuesAfterLabels(
  tokens: readonly Token[],
  anchors: readonly Anchor[],
  skeleton: readonly SkeletonRow[],
  runEnd: (position: number) => number,
): (position: number) => ValueToken[] {
  const ordinals = new Set(skeleton.map((row) => row.ordinal).filter((ordinal) => ordinal !== undefined));
  const cache = new Map<number, ValueToken[]>();
  return (position) => {
    const cached = cache.get(position);
    if (cached) return cached;
    const values: ValueToken[] = [];
    for (let index = anchors[position]!.tokenIndex + 1; index < runEnd(position); index++) {
      const token = tokens[index]!;
      if (token.kind !== 'value') continue;
      const after = tokens[index + 1];
      if (ordinals.has(token.raw) && after?.kind === 'text' && /^[.、．]/u.test(after.text)) continue;
      values.push(token);
    }
    cache.set(position, values);
    return values;
  };
}
