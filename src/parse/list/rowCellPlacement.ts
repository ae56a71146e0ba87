import type { CellSupport } from '../ParseResult.ts';
import type { ListCell } from './tokeniseListCells.ts';

/**
 * Whether a number cell stands after the text that stopped a row and before the next row starts: in a PDF's
 * reading order a heading drawn down the side of a group of rows ("（二）通过不同渠道…") comes out between a row's
 * unit and its value.
 */
function numberBeforeNextRow(cells: readonly ListCell[], from: number, limit: number): ListCell | undefined {
  for (let index = from; index < cells.length; index++) {
    const cell = cells[index]!;
    if (cell.outerStart >= limit || cell.kind === 'text' || cell.kind === 'unit') return undefined;
    if (cell.kind === 'number') return cell;
  }
  return undefined;
}

/**
 * Digits at the start of the text that stops a row, or a number cell after it before the next row begins: perhaps the
 * row's value a line wrap moved there ("0 2.政府网站…"). `moved` only where the number opens its line on a later line
 * than the row's last cell (`previousLine`): what a wrap moves.
 */
export function numberBeforeStopping(
  text: string,
  cells: readonly ListCell[],
  stop: ListCell,
  limit: number,
  previousLine: number,
): { found: boolean; moved: { raw: string; start: number; end: number } | undefined } {
  const leading = /^[+\-＋－]?[0-9０-９OoIl〇]+(?![.．、])/u.exec(text.slice(stop.start, Math.min(stop.end, limit)));
  if (leading) {
    const moved = stop.line > previousLine && startsLine(cells, stop) ? { raw: leading[0], start: stop.start, end: stop.start + leading[0].length } : undefined;
    return { found: true, moved };
  }
  const numberCell = numberBeforeNextRow(cells, stop.index + 1, limit);
  if (!numberCell) return { found: false, moved: undefined };
  const moved = numberCell.line > previousLine && startsLine(cells, numberCell) ? { raw: numberCell.content, start: numberCell.start, end: numberCell.end } : undefined;
  return { found: true, moved };
}

/** True when no cell stands before this one on its line (empty cells aside). */
function startsLine(cells: readonly ListCell[], cell: ListCell): boolean {
  for (let index = cell.index - 1; index >= 0; index--) {
    const before = cells[index]!;
    if (before.line !== cell.line) return true;
    if (before.kind !== 'empty') return false;
  }
  return true;
}

/**
 * How a value was tied to its row (CellSupport.placement): by explicit cell boundaries (tab, pipe, an empty cell
 * between separators), by display column (pdftotext -layout gaps), or by being the one value between the row's
 * label and the next row's (running text, one cell per line, a blank after a unit).
 */
export function placementOf(layout: string, boundedCell: boolean): CellSupport['placement'] {
  if (layout === 'aligned-row') return 'position';
  if ((layout === 'tab-row' || layout === 'pipe-row') && boundedCell) return 'cell';
  return 'count';
}

/** The layout a value cell was read from, by the separator before it. */
export function layoutOf(cell: ListCell, line: readonly ListCell[]): string {
  if (cell.separatorBefore === '\t') return 'tab-row';
  if (cell.separatorBefore === '|') return 'pipe-row';
  if (cell.separatorBefore === ' ') return 'aligned-row';
  // A value after its unit on a line of their own ("条 1683"): tied to its row by order, as one cell per line is.
  if (cell.separatorBefore === 'unit-space') return 'cell-per-line';
  const alone = line.every((other) => other === cell || other.kind === 'empty');
  return alone ? 'cell-per-line' : 'tab-row';
}

/** The layout named by the separator before a cell on a row line; undefined for a line break. */
function separatorLayout(separator: ListCell['separatorBefore']): string | undefined {
  if (separator === '|') return 'pipe-row';
  if (separator === '\t') return 'tab-row';
  if (separator === ' ') return 'aligned-row';
  return undefined;
}

/** Where a blank value cell stands: after the unit (in the empty cell there, if any), else in the empty cell after the label. */
export function blankSlot(
  rowCells: readonly ListCell[],
  unit: { end: number; cell: ListCell | undefined } | undefined,
  lastLabelCell: ListCell,
): { position: number; layout: string; emptyCell: boolean } | undefined {
  if (unit) {
    if (!unit.cell) return { position: unit.end, layout: 'flattened', emptyCell: false };
    const unitCell = unit.cell;
    const next = rowCells.find((cell) => cell.index === unitCell.index + 1);
    const layout = separatorLayout(unitCell.separatorBefore) ?? 'cell-per-line';
    // The empty cell after the unit, behind a tab or a pipe, is an explicit cell even on a line of its own.
    if (next && next.line === unitCell.line && next.kind === 'empty') return { position: next.start, layout: separatorLayout(next.separatorBefore) ?? layout, emptyCell: true };
    return { position: unitCell.end, layout, emptyCell: next !== undefined && next.kind === 'empty' };
  }
  const next = rowCells.find((cell) => cell.index === lastLabelCell.index + 1);
  if (next && next.line === lastLabelCell.line && next.kind === 'empty' && next.separatorBefore !== '\n') {
    return { position: next.start, layout: separatorLayout(next.separatorBefore) ?? 'tab-row', emptyCell: true };
  }
  return undefined;
}
