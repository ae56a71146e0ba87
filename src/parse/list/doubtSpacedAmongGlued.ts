import type { CellReading } from '../ParseResult.ts';
import { withSecondReading } from './withSecondReading.ts';

/** Fewest values glued to their labels that make a space before another one stand out. */
const MIN_GLUED = 5;

/**
 * Running text whose values are glued to their units ("条02.政府网站…条23.政务微博…") does not set one apart by a space
 * unless something was put there: a bare page number run into the value ("条 215.其他" for page 2 and 1 before "5."
 * reads 21). Where at least MIN_GLUED values are glued and at most one in five is spaced, a spaced value of two
 * digits or more keeps a second reading (its first digits may be a page number), never certain.
 */
export function doubtSpacedAmongGlued(cells: Map<string, CellReading>, spaced: readonly string[], glued: readonly string[]): void {
  if (glued.length < MIN_GLUED || spaced.length * 4 > glued.length) return;
  for (const fieldId of spaced) {
    const cell = cells.get(fieldId);
    if (!cell || cell.ambiguous || cell.value === null || !/\d\D*\d/u.test(cell.raw)) continue;
    cells.set(fieldId, withSecondReading(cell, `"${cell.raw}" set apart by a space where the table's other values are glued to their units: a page number may stand before its digits`));
  }
}
