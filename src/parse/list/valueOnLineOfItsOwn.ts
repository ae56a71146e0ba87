import type { ListCell } from './tokeniseListCells.ts';

/** A list's layout one cell a line: how many empty lines a row ends in (its row gap); undefined if not so printed. */
const layouts = new WeakMap<readonly ListCell[], { rowGap: number } | null>();

/** Fewest rows printed blank, an empty line for the value, that show a list printing its blanks so. */
const MIN_BLANK_ROWS = 3;

/** Fewest rows ending in a value before the next row's label that show a list's row gap. */
const MIN_ROW_ENDS = 3;

/** The empty cells from `index` on, each on the line after the one before, and the cell after them. */
function emptyLinesFrom(cells: readonly ListCell[], index: number, line: number): { count: number; next: ListCell | undefined } {
  let count = 0;
  while (cells[index + count]?.kind === 'empty' && cells[index + count]!.line === line + count + 1) count++;
  const next = cells[index + count];
  return { count, next: next !== undefined && next.line === line + count + 1 ? next : undefined };
}

/**
 * Whether a list table is printed one cell a line with its blank values as empty lines: rows' unit lines are
 * followed by one empty line (and the row gap the list keeps), then the next row's label ("3.网络申请数" / "件" / "" /
 * "4.信函申请数"). The row gap: the fewest empty lines between a value alone on its line and the next row's label.
 */
export function blankValuesAsEmptyLines(cells: readonly ListCell[]): { rowGap: number } | undefined {
  const known = layouts.get(cells);
  if (known !== undefined) return known ?? undefined;
  let fewest = Number.POSITIVE_INFINITY;
  let rowEnds = 0;
  for (const cell of cells) {
    if (cell.kind !== 'number' || cell.separatorBefore !== '\n') continue;
    const after = emptyLinesFrom(cells, cell.index + 1, cell.line);
    if (after.next?.kind !== 'text') continue;
    rowEnds++;
    fewest = Math.min(fewest, after.count);
  }
  const rowGap = rowEnds >= MIN_ROW_ENDS ? fewest : 0;
  // Rows printed blank so, again and again: a page break's empty lines may fall once after a unit as well.
  const blankRows = cells.filter((cell) => {
    if (cell.kind !== 'unit') return false;
    const after = emptyLinesFrom(cells, cell.index + 1, cell.line);
    return after.count === 1 + rowGap && after.next?.kind === 'text';
  }).length;
  const layout = blankRows >= MIN_BLANK_ROWS ? { rowGap } : null;
  layouts.set(cells, layout);
  return layout ?? undefined;
}

/**
 * In a list printed one cell a line with blank values as empty lines: the row's label, unit and value on consecutive
 * lines, the value alone on its line and the next row's label on the line after it (after the list's row gap). A
 * page number counted in there would have left a line too many (a number after the unit's empty line is caught
 * apart: afterEmptyValueLine), so the value is no chance page number (score/rowsOnChanceLines).
 */
export function valueOnLineOfItsOwn(cells: readonly ListCell[], lastLabelCell: ListCell, unitCell: ListCell | undefined, chosen: ListCell): boolean {
  if (unitCell?.separatorBefore !== '\n' || chosen.separatorBefore !== '\n') return false;
  return linesPastRowEnd(cells, lastLabelCell, unitCell, chosen) === 0;
}

/**
 * In a list printed one cell a line with blank values as empty lines: the row's value right after its unit, then one
 * empty line more than the list's rows end in before the next label. A line too many: the number may be a page
 * number put after the unit of a row printed blank, its empty line after it ("5.其他方式公开政府信息数" / "条" / "8" /
 * "" / "二、回应解读情况": measureIndependentBreaks seed 365, bare-pages, committed 8).
 */
export function emptyLineAfterValue(cells: readonly ListCell[], lastLabelCell: ListCell, unitCell: ListCell | undefined, chosen: ListCell): boolean {
  return linesPastRowEnd(cells, lastLabelCell, unitCell, chosen) === 1;
}

/**
 * For a row whose label, unit and value stand on consecutive lines of a list printing blank values as empty lines,
 * the empty lines after the value beyond the list's row gap before the next label; undefined for any other row.
 */
function linesPastRowEnd(cells: readonly ListCell[], lastLabelCell: ListCell, unitCell: ListCell | undefined, chosen: ListCell): number | undefined {
  const layout = unitCell === undefined ? undefined : blankValuesAsEmptyLines(cells);
  if (unitCell === undefined || layout === undefined) return undefined;
  if (unitCell.line !== lastLabelCell.line + 1 || chosen.line !== unitCell.line + 1 || chosen.index !== unitCell.index + 1) return undefined;
  const after = emptyLinesFrom(cells, chosen.index + 1, chosen.line);
  return after.next?.kind === 'text' ? after.count - layout.rowGap : undefined;
}
