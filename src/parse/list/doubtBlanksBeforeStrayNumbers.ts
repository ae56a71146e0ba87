import type { CellReading } from '../ParseResult.ts';
import type { RowSpan } from './buildListSections.ts';
import type { RowAnchor } from './findRowAnchors.ts';
import type { ListCell } from './tokeniseListCells.ts';
import { withSecondReading } from './withSecondReading.ts';

/** Field rows before a stray number whose blanks it may belong to. */
const ROWS_BEFORE_STRAY = 3;

/**
 * A number no row took, standing between rows of the table: in a PDF's reading order a row's value can come out
 * after the next rows or after a heading drawn down the side of a group of rows ("3.政务微博… 条 / 4.政务微信… 条 1,057
 * / （二）通过不同渠道… / 0"). A blank read in one of the rows just before it may be where that number belongs:
 * those blanks are marked ambiguous (two readings), never read as certain.
 */
export function doubtBlanksBeforeStrayNumbers(
  listCells: readonly ListCell[],
  ordered: readonly RowAnchor[],
  spans: ReadonlyMap<number, RowSpan>,
  cells: Map<string, CellReading>,
): void {
  if (ordered.length === 0) return;
  const covered = [...spans.values()];
  const tableStart = ordered[0]!.anchorStart;
  const tableEnd = Math.max(...covered.map((span) => span.end));
  for (const cell of listCells) {
    if (cell.kind !== 'number' || cell.start < tableStart || cell.start >= tableEnd) continue;
    if (covered.some((span) => cell.start >= span.start && cell.start < span.end)) continue;
    const before = ordered.filter((anchor) => anchor.pattern.fieldId && anchor.anchorStart < cell.start).slice(-ROWS_BEFORE_STRAY);
    for (const anchor of before) {
      const reading = cells.get(anchor.pattern.fieldId!);
      if (!reading || reading.value !== null || reading.raw !== '') continue;
      cells.set(reading.fieldId, withSecondReading(reading, `a number no row took ("${cell.content}") stands after this row: it may be this blank's value`));
    }
  }
}
