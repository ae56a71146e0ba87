import type { ListCell } from './tokeniseListCells.ts';

/** True when the label's line is a row of several cells (tab or pipe separated), not one cell per line. */
export function isTabular(cells: readonly ListCell[], labelCell: ListCell): boolean {
  const after: ListCell[] = [];
  for (let index = labelCell.index + 1; index < cells.length && cells[index]!.line === labelCell.line; index++) after.push(cells[index]!);
  // One empty cell after a closing pipe ("label |") is a cell per line with a trailing separator, not a row.
  if (after.length === 1 && after[0]!.kind === 'empty' && after[0]!.separatorBefore === '|') return false;
  return after.length > 0;
}

/** Consecutive cells grouped by line. */
export function groupByLine(cells: readonly ListCell[]): ListCell[][] {
  const lines: ListCell[][] = [];
  for (const cell of cells) {
    const current = lines[lines.length - 1];
    if (current && current[0]!.line === cell.line) current.push(cell);
    else lines.push([cell]);
  }
  return lines;
}
