import type { RowReadings } from './placeRowValues.ts';

/**
 * Rows of one table printed in cells share their frame: the same number of cells on a row's line puts the
 * first column at the same place (a label spanning two columns leaves one spacer cell in every row). A row
 * whose windows are ambiguous keeps the one that starts where every unambiguous row with as many cells starts.
 */
export function alignFrames(rows: readonly RowReadings[]): RowReadings[] {
  const offsetsByLength = new Map<number, Set<number>>();
  for (const row of rows) {
    if (row.readings.length !== 1 || !row.frame) continue;
    const offsets = offsetsByLength.get(row.frame.length) ?? new Set<number>();
    offsets.add(row.frame.offsets[0]!);
    offsetsByLength.set(row.frame.length, offsets);
  }
  return rows.map((row) => {
    if (row.readings.length < 2 || !row.frame) return row;
    const known = offsetsByLength.get(row.frame.length);
    if (!known || known.size !== 1) return row;
    const offset = [...known][0]!;
    const chosen = row.frame.offsets.indexOf(offset);
    if (chosen < 0) return row;
    return {
      ...row,
      readings: [row.readings[chosen]!],
      frame: { length: row.frame.length, offsets: [offset] },
      notes: [...row.notes, 'window of cells chosen where the other rows of the table start'],
    };
  });
}
