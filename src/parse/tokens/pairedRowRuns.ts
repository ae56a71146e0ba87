import type { Anchor } from './chooseAnchors.ts';
import { satisfiesRules } from './placeRowValues.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { Token, ValueToken } from './Token.ts';

/**
 * Two consecutive rows whose values stand together on one side of the second row's label: a PDF's reading order
 * draws a label cell (a tall one, "四、结转下年度继续\n办理") after the values beside it, or both labels before
 * both rows' values. One run then holds twice a row's values and the other none. They are the two rows' values in
 * order, the first row's first: the run is cut in two, each half read by its row, when the two rows have as many
 * cells, every value is a plain number and each half holds its row's rules (the section's rules check the order).
 * Returns the runs to read instead, by anchor position.
 */
export function pairedRowRuns(
  tokens: readonly Token[],
  anchors: readonly Anchor[],
  skeleton: readonly SkeletonRow[],
  runEnd: (position: number) => number,
  unitOf: (fieldId: string) => string,
): Map<number, readonly Token[]> {
  const runs = new Map<number, readonly Token[]>();
  for (let position = 0; position + 1 < anchors.length; position++) {
    const anchor = anchors[position]!;
    const next = anchors[position + 1]!;
    const row = skeleton[anchor.rowIndex]!;
    const nextRow = skeleton[next.rowIndex]!;
    const cells = row.fieldIds.length;
    if (next.rowIndex !== anchor.rowIndex + 1 || nextRow.table !== row.table || nextRow.fieldIds.length !== cells || cells < 2) continue;
    if (runs.has(position) || row.rules.length === 0 || nextRow.rules.length === 0) continue;
    // The next rows' ordinals printed before their labels' words ("7" of "7.属于行政") are no values.
    const ordinals = new Set([nextRow.ordinal, skeleton[next.rowIndex + 1]?.ordinal].filter((ordinal) => ordinal !== undefined));
    const valuesIn = (from: number, to: number): ValueToken[] => {
      const values: ValueToken[] = [];
      for (let index = from; index < to; index++) {
        const token = tokens[index]!;
        if (token.kind !== 'value') continue;
        if (ordinals.has(token.raw) && tokens[index + 1]?.kind === 'text') continue;
        values.push(token);
      }
      return values;
    };
    const firstValues = valuesIn(anchor.tokenIndex + 1, runEnd(position));
    const secondValues = valuesIn(next.tokenIndex + 1, runEnd(position + 1));
    const fullValues = firstValues.length === 0 ? secondValues : secondValues.length === 0 ? firstValues : [];
    // Exactly two rows' values: blank lines between them (empty tokens) stand for no cell.
    if (fullValues.length !== 2 * cells) continue;
    if (fullValues.some((token) => token.glued || token.ordinalTail || !/^\d+(?:\.\d+)?$/u.test(token.raw))) continue;
    const halves = [fullValues.slice(0, cells), fullValues.slice(cells)] as const;
    const reading = (values: readonly ValueToken[]) => values.map((token) => ({ kind: 'value' as const, token }));
    if (!satisfiesRules(reading(halves[0]), row, unitOf, 'zero') || !satisfiesRules(reading(halves[1]), nextRow, unitOf, 'zero')) continue;
    runs.set(position, halves[0]);
    runs.set(position + 1, halves[1]);
  }
  return runs;
}
