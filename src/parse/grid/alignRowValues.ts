import type { GridCell } from './GridRow.ts';
import type { PlacedCell } from './splitRowParts.ts';

/** Where each column of a table starts in its printed header row(s), by cell position. */
export interface HeaderPositions {
  /** Cell position of each column's header, in column order. */
  readonly positions: readonly number[];
  /** How well each header cell matched the column's label. */
  readonly scores: readonly number[];
}

/** The value cells of a row assigned to the row's columns. */
export type Alignment =
  | {
      readonly kind: 'aligned';
      /** One entry per column of the row definition; undefined where the form prints no cell. */
      readonly cells: readonly (GridCell | undefined)[];
      readonly method: string;
      /** True when the columns were placed by the header row positions. */
      readonly byHeader: boolean;
    }
  | { readonly kind: 'unaligned'; readonly reason: string };

/**
 * Assigns a row's value cells to its columns without guessing. `columns` are the row definition's field ids
 * (null where the form prints no cell). A row with exactly one cell per column is read in order; otherwise
 * the header row positions decide (HTML colspan/rowspan padding); otherwise padding is dropped only when
 * every way of dropping it gives the same reading (blank cells left over at either end make it ambiguous).
 */
export function alignRowValues(
  values: readonly PlacedCell[],
  labelPositions: readonly number[],
  columns: readonly (string | null)[],
  header: HeaderPositions | undefined,
): Alignment {
  const printed = columns.flatMap((field, position) => (field === null ? [] : [position]));
  const cells = values.map((placed) => placed.cell);
  const byHeader = header ? alignByHeader(values, labelPositions, columns, header) : undefined;
  const direct = inOrder(cells, columns.length, printed);
  if (direct) {
    if (byHeader && !sameReading(direct, byHeader, printed)) {
      return { kind: 'unaligned', reason: 'the cells read in order and the cells under the header columns disagree' };
    }
    return { kind: 'aligned', cells: direct, method: 'one cell per column', byHeader: false };
  }
  if (byHeader) return { kind: 'aligned', cells: byHeader, method: 'cells placed under the header columns', byHeader: true };

  const readings: { cells: (GridCell | undefined)[]; method: string }[] = [];
  const add = (candidate: (GridCell | undefined)[] | undefined, method: string): void => {
    if (candidate) readings.push({ cells: candidate, method });
  };
  const filled = cells.filter((cell) => cell.text !== '');
  const withoutTrailing = trimEnd(cells);
  const withoutLeading = trimStart(cells);
  add(inOrder(withoutTrailing, columns.length, printed), 'blank padding after the values dropped');
  add(inOrder(withoutLeading, columns.length, printed), 'blank padding before the values dropped');
  add(inOrder(trimStart(withoutTrailing), columns.length, printed), 'blank padding around the values dropped');
  if (filled.length === printed.length) add(inOrder(filled, columns.length, printed), 'blank padding cells dropped');
  if (filled.length === 0 && cells.length >= printed.length) {
    add(inOrder(cells.slice(0, printed.length), columns.length, printed), 'every cell of the row blank');
  }
  if (readings.length === 0) {
    return { kind: 'unaligned', reason: `${cells.length} cell(s) (${filled.length} filled) for ${printed.length} column(s)` };
  }
  const first = readings[0]!;
  if (readings.some((reading) => !sameReading(reading.cells, first.cells, printed))) {
    return { kind: 'unaligned', reason: `${cells.length} cell(s) for ${printed.length} column(s): blank cells could belong to either end` };
  }
  return { kind: 'aligned', cells: first.cells, method: first.method, byHeader: false };
}

/**
 * Cells in order, one per column (a column the form does not print must then be blank), or one per printed
 * column; undefined when the count fits neither.
 */
function inOrder(cells: readonly GridCell[], columnCount: number, printed: readonly number[]): (GridCell | undefined)[] | undefined {
  if (cells.length === columnCount && cells.every((cell, position) => printed.includes(position) || cell.text === '')) {
    return printedOnly(cells.slice(), printed);
  }
  if (cells.length === printed.length) {
    const result: (GridCell | undefined)[] = new Array(columnCount).fill(undefined);
    printed.forEach((position, index) => (result[position] = cells[index]));
    return result;
  }
  return undefined;
}

function printedOnly(cells: (GridCell | undefined)[], printed: readonly number[]): (GridCell | undefined)[] {
  return cells.map((cell, position) => (printed.includes(position) ? cell : undefined));
}

function sameReading(first: readonly (GridCell | undefined)[], second: readonly (GridCell | undefined)[], printed: readonly number[]): boolean {
  return printed.every((position) => (first[position]?.text ?? '') === (second[position]?.text ?? ''));
}

function trimEnd(cells: readonly GridCell[]): GridCell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.text === '') end--;
  return cells.slice(0, end);
}

function trimStart(cells: readonly GridCell[]): GridCell[] {
  let start = 0;
  while (start < cells.length && cells[start]!.text === '') start++;
  return cells.slice(start);
}

/**
 * Places value cells under the header columns by position: column c spans from its header cell to the next
 * column's (a colspan in the data row lands inside the span). Valid only when the labels stand left of the
 * first column, each span holds at most one filled cell, and the row reaches every column.
 */
function alignByHeader(
  values: readonly PlacedCell[],
  labelPositions: readonly number[],
  columns: readonly (string | null)[],
  header: HeaderPositions,
): (GridCell | undefined)[] | undefined {
  const columnCount = columns.length;
  const positions = header.positions;
  if (positions.length !== columnCount) return undefined;
  const first = positions[0]!;
  if (labelPositions.some((position) => position >= first)) return undefined;
  const result: (GridCell | undefined)[] = [];
  for (let column = 0; column < columnCount; column++) {
    const from = positions[column]!;
    const to = column + 1 < columnCount ? positions[column + 1]! : Number.POSITIVE_INFINITY;
    const inSpan = values.filter((placed) => placed.index >= from && placed.index < to);
    const filled = inSpan.filter((placed) => placed.cell.text !== '');
    if (columns[column] === null) {
      // A column the form does not print: nothing may stand under it.
      if (filled.length > 0) return undefined;
      result.push(undefined);
      continue;
    }
    if (inSpan.length === 0 || filled.length > 1) return undefined;
    result.push((filled[0] ?? inSpan[0]!).cell);
  }
  if (values.some((placed) => placed.cell.text !== '' && placed.index < first)) return undefined;
  return result;
}
