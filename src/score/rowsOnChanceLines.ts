import type { CellReading, ParseResult } from '../parse/ParseResult.ts';
import { placementOf } from './FieldSignals.ts';

/**
 * The rows (by tableRowOf key) holding a value, counted or placed rather than read from a cell of its own, that was
 * read from a line of a bare numbering no longer than chance makes (bareNumberPages' `chance`): a page number, perhaps,
 * counted in with the row's values or taken for a blank cell's.
 */
export function rowsOnChanceLines(parse: ParseResult, rowOf: ReadonlyMap<string, string>, lines: readonly { readonly start: number; readonly end: number }[]): Set<string> {
  const rows = new Set<string>();
  if (lines.length === 0) return rows;
  for (const [fieldId, cell] of parse.cells) {
    // A row printed one cell per line with its blanks as empty lines, no line too many, counted in no page number.
    if (cell.value === null || placementOf(cell) === 'cell' || cell.support?.lineCells === true || !onChanceLine(cell, lines)) continue;
    const row = rowOf.get(fieldId);
    if (row !== undefined) rows.add(row);
  }
  return rows;
}

/** Whether the cell's value was read from one of the lines (a bare numbering's, each the line's span). */
function onChanceLine(cell: CellReading, lines: readonly { readonly start: number; readonly end: number }[]): boolean {
  return cell.end > cell.start && lines.some((line) => cell.start >= line.start && cell.end <= line.end);
}
