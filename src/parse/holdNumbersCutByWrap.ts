import { doubtedCell } from './doubtedCell.ts';
import { CUT_BY_WRAP_NOTE, numbersCutByWrapIn } from './numbersCutByWrap.ts';
import type { CellReading } from './ParseResult.ts';

/**
 * Holds every value read at a hard wrap that may have cut its number (numbersCutByWrap: "行政许可 19" / "0 …" for
 * 190), whichever reader read it: the value as read stays the reviewer's proposal. Seeds of an independent
 * renderer's hard-wrapped flat text had committed 19 for 190, 24 for 244 and 18651 for 18651.06.
 */
export function holdNumbersCutByWrap(cells: ReadonlyMap<string, CellReading>, decodedText: string): Map<string, CellReading> {
  const held = new Map(cells);
  let cutByWrap: ((start: number, end: number) => boolean) | undefined;
  for (const [fieldId, cell] of cells) {
    if (cell.ambiguous || cell.value === null || cell.end <= cell.start) continue;
    cutByWrap ??= numbersCutByWrapIn(decodedText);
    if (cutByWrap(cell.start, cell.end)) held.set(fieldId, doubtedCell(cell, CUT_BY_WRAP_NOTE, { splitPiece: true }));
  }
  return held;
}
