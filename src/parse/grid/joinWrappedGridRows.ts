import { parseLabelOrdinal } from '../list/compileListRows.ts';
import type { GridCell, GridRow } from './GridRow.ts';
import { isValueText } from './isValueText.ts';

/** One pipe line of a drawn table and the row read from it; `rule` when the line is a border (full or partial). */
export interface DrawnLine {
  readonly row: GridRow | undefined;
  readonly rule: boolean;
}

/**
 * Joins the lines of a drawn table's rows that wrapped inside their cells: where a rule is drawn under every row
 * ("+----+----+", or a partial one under a row group's cell), the pipe lines between two rules are one row, its long
 * labels wrapped over them and each value on one of them (its first, its middle or its last line: however the cell
 * was aligned). Their cells are joined column by column: a label's pieces run together, a value taken from the one
 * line that prints it. Only where rules stand between most rows (a table ruled under its header alone prints many
 * rows between two rules), every line of the run has as many cells, and no value column prints on two of its lines
 * (two rows, then). Rows that wrapped and cannot be joined so are marked instead (GridRow.wrappedLabel): a ruled row
 * a hard wrap broke again, and label pieces beside their values in a table with no rule between the rows
 * (markWrappedLabelLines). Returns the rows in order, each joined row once.
 */
export function joinWrappedGridRows(lines: readonly DrawnLine[]): GridRow[] {
  const rows = lines.flatMap((line) => (line.row && !line.rule ? [line.row] : []));
  const rules = lines.filter((line) => line.rule).length;
  if (rules < MIN_RULES || rules * MAX_LINES_PER_RULE < rows.length) return markWrappedLabelLines(lines);
  const joined: GridRow[] = [];
  let run: GridRow[] = [];
  let ruledBefore = false;
  const flush = (ruledAfter: boolean): void => {
    const ruled = ruledBefore && ruledAfter && run.length >= 2 && run.length <= MAX_WRAPPED_LINES;
    const whole = ruled ? joinRun(run) : undefined;
    // A row between two rules whose lines cannot be joined (a hard wrap broke them again, at other places) and whose
    // label wrapped: which of its lines the values go with is not known.
    const unjoined = ruled && !whole && run.some(isLabelPiece) && oneRowOfPipes(run);
    joined.push(...(whole ? [whole] : unjoined ? run.map(withWrappedLabel) : run));
    run = [];
  };
  for (const line of lines) {
    if (line.rule) {
      flush(true);
      if (line.row) joined.push(line.row);
      ruledBefore = true;
      continue;
    }
    if (line.row) run.push(line.row);
  }
  flush(false);
  return markWrappedLabelLines(joined.map((row) => ({ row, rule: false })));
}

/**
 * Marks the lines of piped rows whose labels wrapped inside their cells with no rule between the rows: a line that
 * prints only a label's piece (no ordinal opening it, every column its neighbour prints a value in left empty) next
 * to a line of values in as many cells, and those lines of values. Nothing tells which label piece the values go
 * with (the first line's, "（七） | 163 | … | 196" over "总计 | | |", or the last's), so none of them is read as
 * certain (GridRow.wrappedLabel). Rules stop the search: rows ruled one by one were joined before.
 */
function markWrappedLabelLines(lines: readonly DrawnLine[]): GridRow[] {
  const rows = lines.map((line) => line.row);
  const marked = new Set<number>();
  const piece = (index: number): boolean => {
    const line = lines[index];
    return line?.row !== undefined && !line.rule && isLabelPiece(line.row);
  };
  lines.forEach((line, index) => {
    if (!piece(index)) return;
    for (const step of [-1, 1]) {
      const neighbour = lines[index + step];
      if (!neighbour?.row || neighbour.rule || !continues(line.row!, neighbour.row)) continue;
      // Past the run of pieces, away from the values: a line printing words over the value columns makes the run a
      // table's heading over its header ("第二十条第（六）项" / "信息内容 | 上一年项目数量 | …"), not a label's pieces.
      let beyond = index - step;
      while (piece(beyond) && !wordsOverValues(lines[beyond]!.row!, neighbour.row)) beyond -= step;
      const after = lines[beyond]?.row;
      if (after && !lines[beyond]!.rule && wordsOverValues(after, neighbour.row)) continue;
      marked.add(index);
      marked.add(index + step);
    }
  });
  return rows.flatMap((row, index) => (row === undefined ? [] : marked.has(index) ? [withWrappedLabel(row)] : [row]));
}

function withWrappedLabel(row: GridRow): GridRow {
  return row.wrappedLabel ? row : { ...row, wrappedLabel: true, notes: [...row.notes, WRAPPED_LABEL_NOTE] };
}

const WRAPPED_LABEL_NOTE = 'a label wrapped inside its cell over lines with no rule between the rows: which line\'s label the values go with is not certain';

/**
 * Whether the lines between two rules can be one row: all piped, and none printing words over another's values (a
 * header row under a table's heading, "信息内容 | 本年处理决定数量" over "行政许可 | 517645", makes them a table's head and rows).
 */
function oneRowOfPipes(run: readonly GridRow[]): boolean {
  if (run.some((row) => row.layout !== 'pipe-row')) return false;
  return !run.some((line) => run.some((values) => values !== line && wordsOverValues(line, values)));
}

/** Whether a line prints words in a column where a line of values prints a value (a header over the columns). */
function wordsOverValues(line: GridRow, values: GridRow): boolean {
  return values.cells.some((cell, column) => {
    const over = line.cells[column]?.text ?? '';
    return cell.text !== '' && isValueText(cell.text) && over !== '' && !isValueText(over);
  });
}

/** A piped line printing words in its first cells and nothing after them, its words not opening with an ordinal. */
function isLabelPiece(row: GridRow): boolean {
  if (row.layout !== 'pipe-row') return false;
  const printed = row.cells.filter((cell) => cell.text !== '');
  if (printed.length === 0 || printed.some((cell) => isValueText(cell.text))) return false;
  return parseLabelOrdinal(printed[0]!.text).ordinal === undefined;
}

/**
 * Whether a label piece's line goes with a neighbouring line of values: as many cells, the values after the words,
 * and the piece printing nothing where the values stand (a header over the columns prints words there).
 */
function continues(piece: GridRow, values: GridRow): boolean {
  if (values.layout !== 'pipe-row' || values.cells.length !== piece.cells.length) return false;
  const valueColumns = values.cells.flatMap((cell, column) => (cell.text !== '' && isValueText(cell.text) ? [column] : []));
  if (valueColumns.length === 0) return false;
  const lastWords = Math.max(...piece.cells.flatMap((cell, column) => (cell.text !== '' ? [column] : [])));
  return lastWords < Math.min(...valueColumns) && valueColumns.every((column) => piece.cells[column]!.text === '');
}

/** Rules a table draws at least before its rows are taken for ruled one by one. */
const MIN_RULES = 4;
/** Pipe lines per rule at most, on average, in a table ruled under every row (its wrapped rows take a few each). */
const MAX_LINES_PER_RULE = 4;
/** Lines a wrapped row takes at most (a long label at a narrow width, each line broken again by a hard wrap). */
const MAX_WRAPPED_LINES = 16;

/** The run's lines as one row, or undefined when they are no one wrapped row. */
function joinRun(run: readonly GridRow[]): GridRow | undefined {
  const width = run[0]!.cells.length;
  if (run.some((row) => row.cells.length !== width || row.layout !== 'pipe-row' || row.incomplete || row.strayBars)) return undefined;
  const cells: GridCell[] = [];
  for (let column = 0; column < width; column++) {
    const printed = run.map((row) => row.cells[column]!).filter((cell) => cell.text !== '');
    if (printed.length === 0) {
      cells.push(run[0]!.cells[column]!);
      continue;
    }
    // A value column prints on one line of the row; two values in one column are two rows.
    if (printed.length > 1 && printed.some((cell) => isValueText(cell.text))) return undefined;
    cells.push(printed.length === 1 ? printed[0]! : { text: printed.map((cell) => cell.text).join(''), start: printed[0]!.start, end: printed[printed.length - 1]!.end });
  }
  const first = run[0]!;
  const last = run[run.length - 1]!;
  return { cells, layout: first.layout, start: first.start, end: last.end, incomplete: false, notes: [...first.notes, `a row wrapped inside its cells over ${run.length} lines between two rules, its lines joined cell by cell`] };
}
