import { zoneOf, type ColumnZones } from './ColumnZones.ts';
import { isWithinPageLine, type DisplayColumns } from './displayColumn.ts';
import type { GridCell } from './GridRow.ts';

/** A row's value cells placed under its columns by where they stand on the line, or why they could not be. */
export type PositionalReading =
  | { readonly kind: 'placed'; readonly cells: readonly (GridCell | undefined)[] }
  | { readonly kind: 'unplaced'; readonly reason: string };

/**
 * Places the value cells of a row printed as aligned text (pdftotext -layout) under its columns by position:
 * each cell goes to the column zone it stands clearly inside; a column no cell stands in is a blank cell
 * (text "", value null). Accepted only when it is unambiguous: every cell inside exactly one zone, no two in
 * one zone, none under a column the form does not print (`columns` entries null). Blank cells get an empty
 * span right after the cell before them (the evidence points at the gap).
 */
export function alignByPosition(page: DisplayColumns, values: readonly GridCell[], columns: readonly (string | null)[], zones: ColumnZones): PositionalReading {
  if (zones.starts.length !== columns.length) return { kind: 'unplaced', reason: 'the header gives another number of columns' };
  const filled = values.filter((cell) => cell.text !== '');
  if (filled.length === 0) return { kind: 'unplaced', reason: 'no value cell' };
  if (filled.length > columns.length) return { kind: 'unplaced', reason: `${filled.length} cells for ${columns.length} columns` };
  const placed: (GridCell | undefined)[] = new Array(columns.length).fill(undefined);
  let lastColumn = -1;
  for (const cell of filled) {
    if (!isWithinPageLine(page.view.text, cell.end)) return { kind: 'unplaced', reason: 'the line is too long for a printed page' };
    const { x, xEnd } = page.extent(cell.start, cell.end);
    const column = zoneOf({ x, xEnd }, zones);
    if (column === undefined) return { kind: 'unplaced', reason: `"${cell.text}" at columns ${x}–${xEnd} stands under no single header column` };
    if (column <= lastColumn) return { kind: 'unplaced', reason: `"${cell.text}" stands under a column already taken` };
    if (columns[column] === null) return { kind: 'unplaced', reason: `"${cell.text}" stands under a column the form does not print` };
    placed[column] = cell;
    lastColumn = column;
  }
  let gapAt = values[0]!.start;
  const cells = columns.map((field, column) => {
    const cell = placed[column];
    if (cell) {
      gapAt = cell.end;
      return cell;
    }
    return field === null ? undefined : { text: '', start: gapAt, end: gapAt };
  });
  return { kind: 'placed', cells };
}
