import { doubtedCell } from './doubtedCell.ts';
import { CUT_BY_WRAP_NOTE, numbersCutByWrapIn } from './numbersCutByWrap.ts';
import type { CellReading } from './ParseResult.ts';

/**
 * Holds every value read at a hard wrap that may have cut its number (numbersCutByWrap: "行政许可 19" / "0 …" for
 * 190), whichever reader read it: the value as read stays the reviewer's proposal. Seeds of an independent
 * renderer's hard-wrapped flat text had committed 19 for 190, 24 for 244 and 18651 for 18651.06. Rows of tab or bar
 * cells broken at a digit at any width hold the cells no hard rule binds (`ruleBound` false): tab rows broken at a
 * random character had committed 186 for 18651.06 and 1 for 13 in section 二, where nothing else checks them.
 */
export function holdNumbersCutByWrap(cells: ReadonlyMap<string, CellReading>, decodedText: string, ruleBound: (fieldId: string) => boolean): Map<string, CellReading> {
  const held = new Map(cells);
  let cutByWrap: ((start: number, end: number) => boolean) | undefined;
  let rowsBroken: ((start: number, end: number) => boolean) | undefined;
  for (const [fieldId, cell] of cells) {
    if (cell.ambiguous || cell.value === null || cell.end <= cell.start) continue;
    cutByWrap ??= numbersCutByWrapIn(decodedText);
    // A row of cells broken at a digit, at any width, may have been broken between two cells as well: a cell a rule
    // binds is left to its rules (a piece too few or too many breaks them); a cell no rule checks is held.
    const broken = !ruleBound(fieldId) && (rowsBroken ??= numbersCutByWrapIn(decodedText, true))(cell.start, cell.end);
    if (broken || cutByWrap(cell.start, cell.end)) held.set(fieldId, doubtedCell(cell, CUT_BY_WRAP_NOTE, { splitPiece: true }));
  }
  return held;
}
