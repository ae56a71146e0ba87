import type { GridCell, GridRow } from './GridRow.ts';
import { isUnitToken, isValueText } from './isValueText.ts';
import type { TextLine } from './splitLines.ts';
import { trimSpan } from './splitLines.ts';

/** A line of a one-cell-per-line stream: a cell, an explicit blank cell ("|" alone) or a row-end mark ("||"). */
export interface StreamLine extends TextLine {
  readonly kind: 'cell' | 'blank' | 'row-end';
  /** The cell's text span (trimmed, without the trailing pipe of broken pipe rows). */
  readonly cellStart: number;
  readonly cellEnd: number;
}

type Token =
  | { readonly kind: 'cell'; cell: GridCell }
  | { readonly kind: 'blank'; readonly at: number }
  | { readonly kind: 'row-end'; readonly uncertain: boolean }
  | { readonly kind: 'row-end-blanks'; readonly blanks: number; readonly at: number };

/**
 * Reads a stream of lines holding one cell each (PDF text, crawler CSV cells, broken pipe rows) into rows.
 *
 * The runs of line breaks between cells are measured first: the commonest run separates cells, the
 * commonest longer run that is not a multiple of it ends a row. A longer run then says how many blank cells
 * stood there (a blank cell leaves no text, only a longer run: 3 breaks per cell and 5 per row make 26 a row
 * end plus seven blanks). Shorter runs are line breaks inside a cell. Runs the model cannot explain mark
 * the rows beside them incomplete. Without row-end runs, a row starts at each label that follows a value.
 */
export function readCellPerLineRows(text: string, lines: readonly StreamLine[]): GridRow[] {
  if (lines.length === 0) return [];
  const model = breakModel(text, lines);
  const tokens = tokenise(text, lines, model);
  return assembleRows(tokens, model.note);
}

interface BreakModel {
  /** Breaks between two cells of one row. */
  readonly cell: number;
  /** Breaks at the end of a row, when the stream shows a distinct run for it. */
  readonly row: number | undefined;
  /**
   * One break between cells and no distinct row-end run: the run that stands before a row label (a blank line,
   * say), when one run does so consistently. It then ends the row only before a label; between two values a
   * longer run is blank cells (a blank cell leaves an empty line, just as the row gap does).
   */
  readonly rowBeforeLabel?: number;
  readonly note: string;
}

function breakModel(text: string, lines: readonly StreamLine[]): BreakModel {
  const counts = new Map<number, number>();
  for (let index = 1; index < lines.length; index++) {
    const run = lines[index]!.breaksBefore;
    counts.set(run, (counts.get(run) ?? 0) + 1);
  }
  let cell = 1;
  let best = 0;
  for (const [run, count] of counts) if (count > best || (count === best && run < cell)) [cell, best] = [run, count];
  // The row-end run is the one that explains the most runs (a row end plus whole cells of blanks), not merely
  // the commonest: a table with many blank rows prints "row end + seven blanks" more often than a bare row end.
  let row: number | undefined;
  let explainedBest = 0;
  for (const [run, count] of counts) {
    if (run <= cell || run % cell === 0 || count < 2) continue;
    let explained = 0;
    for (const [other, otherCount] of counts) {
      if (other > cell && (other % cell === 0 || (other >= run && (other - run) % cell === 0))) explained += otherCount;
    }
    if (explained > explainedBest || (explained === explainedBest && row !== undefined && run < row)) [row, explainedBest] = [run, explained];
  }
  if (row === undefined && cell === 1) {
    const rowBeforeLabel = runBeforeLabels(text, lines);
    if (rowBeforeLabel !== undefined) {
      const note = `one cell per line: 1 line break between cells, ${rowBeforeLabel} before a row label; longer runs between values read as blank cells`;
      return { cell, row, rowBeforeLabel, note };
    }
  }
  const note = row === undefined
    ? `one cell per line (${cell} line break${cell === 1 ? '' : 's'} between cells)`
    : `one cell per line: ${cell} line breaks between cells, ${row} at a row end; longer runs read as blank cells`;
  return { cell, row, note };
}

/** Fewest value-to-label transitions that establish the run before a row label. */
const MIN_LABEL_TRANSITIONS = 3;

/**
 * The run of line breaks that stands between a row's last value and the next row's label, when (nearly) every
 * such transition shows the same run, longer than one break: undefined otherwise.
 */
function runBeforeLabels(text: string, lines: readonly StreamLine[]): number | undefined {
  const counts = new Map<number, number>();
  let transitions = 0;
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1]!;
    const line = lines[index]!;
    if (previous.kind !== 'cell' || line.kind !== 'cell') continue;
    if (!isValueText(cellText(text, previous)) || isValueText(cellText(text, line))) continue;
    transitions++;
    counts.set(line.breaksBefore, (counts.get(line.breaksBefore) ?? 0) + 1);
  }
  if (transitions < MIN_LABEL_TRANSITIONS) return undefined;
  // Trailing blank cells lengthen some of these runs; the shortest run that is common is the row gap itself.
  const runs = [...counts.keys()].sort((left, right) => left - right);
  const shortest = runs[0]!;
  if (shortest < 2 || (counts.get(shortest) ?? 0) * 2 < transitions) return undefined;
  return shortest;
}

function cellText(text: string, line: StreamLine): string {
  return text.slice(line.cellStart, line.cellEnd);
}

function tokenise(text: string, lines: readonly StreamLine[], model: BreakModel): Token[] {
  const tokens: Token[] = [];
  let previousEnd = lines[0]!.start;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const run = line.breaksBefore;
    const last = tokens[tokens.length - 1];
    if (index > 0 && model.cell > 1 && run < model.cell && line.kind === 'cell' && last?.kind === 'cell'
      && sameKindOfCell(last.cell.text, text.slice(line.cellStart, line.cellEnd))) {
      // A line break inside a cell (a wrapped header "商业\n企业").
      const span = trimSpan(text, last.cell.start, line.cellEnd);
      last.cell = { text: joinWrapped(last.cell.text, text.slice(line.cellStart, line.cellEnd)), start: span.start, end: span.end };
      previousEnd = line.end;
      continue;
    }
    if (index > 0 && run > model.cell) {
      const beforeLabel = line.kind === 'cell' && !isValueText(cellText(text, line));
      tokens.push(...runTokens(run, model, previousEnd, beforeLabel || standsAlone(text, lines, index, model)));
    }
    if (line.kind === 'cell') {
      tokens.push({ kind: 'cell', cell: { text: text.slice(line.cellStart, line.cellEnd), start: line.cellStart, end: line.cellEnd } });
    } else if (line.kind === 'blank') {
      tokens.push({ kind: 'blank', at: line.cellStart });
    } else if (!spansLabelColumns(text, lines, index, tokens)) {
      tokens.push({ kind: 'row-end', uncertain: false });
    }
    previousEnd = line.end;
  }
  return tokens;
}

/**
 * A run of pipes between a row label and the row's first value or blank ("一、本年新收… |", "||", "3 |"): the label's
 * merged cell spanning the label columns, not a row end (a row end stands after the row's values, or before the
 * next label or header).
 */
function spansLabelColumns(text: string, lines: readonly StreamLine[], index: number, tokens: readonly Token[]): boolean {
  const previous = tokens[tokens.length - 1];
  const next = lines[index + 1];
  if (previous?.kind !== 'cell' || isValueText(previous.cell.text) || next === undefined) return false;
  return next.kind === 'blank' || (next.kind === 'cell' && isValueText(cellText(text, next)));
}

/**
 * A value set apart by row gaps on both sides with a label (or nothing) after it: a page number ("3") as likely
 * as a row's last cell after a blank, so the gap before it is not read as blank cells.
 */
function standsAlone(text: string, lines: readonly StreamLine[], index: number, model: BreakModel): boolean {
  const gap = model.rowBeforeLabel;
  if (gap === undefined || lines[index]!.breaksBefore < gap) return false;
  const next = lines[index + 1];
  if (next === undefined) return true;
  return next.breaksBefore >= gap && (next.kind !== 'cell' || !isValueText(cellText(text, next)));
}

/**
 * Whether two lines a short run apart may be one wrapped cell: a label or header wraps into words, a number into
 * digits (or its unit), never a label into a value. Rows set apart by a shorter run before their labels than between
 * their cells (seed 4643, variant 703: values 3 breaks apart, a label 2 after the row's last value and 1 before its
 * first) would otherwise glue a row's last value and the next row's first onto the label ("0 2.重复申请0"), the row
 * between left to count off as many values as it has cells by chance, its blanks read as the 0s of rows whose labels
 * were lost.
 */
function sameKindOfCell(first: string, second: string): boolean {
  return isValueLine(first) === isValueLine(second) || isUnitToken(first.trim()) || isUnitToken(second.trim());
}

/** A value (or blank mark) on its own line; an ordinal alone ("1.", the first piece of a wrapped label) is none. */
function isValueLine(text: string): boolean {
  return isValueText(text.trim()) && !/^[0-9０-９]+[.．、]$/u.test(text.trim());
}

/** Joins the two parts of a wrapped cell; no space between Chinese characters. */
function joinWrapped(first: string, second: string): string {
  return /[\x21-\x7e]$/u.test(first) && /^[\x21-\x7e]/u.test(second) ? `${first} ${second}` : first + second;
}

/** What a run of line breaks longer than a cell separator stands for. */
function runTokens(run: number, model: BreakModel, at: number, beforeLabel: boolean): Token[] {
  const { cell, row, rowBeforeLabel } = model;
  if (rowBeforeLabel !== undefined) {
    if (!beforeLabel) return Array.from({ length: run - 1 }, () => ({ kind: 'blank', at }) as const);
    if (run >= rowBeforeLabel) return [{ kind: 'row-end-blanks', blanks: run - rowBeforeLabel, at }];
    return [{ kind: 'row-end', uncertain: true }];
  }
  if (row !== undefined) {
    if (run === row) return [{ kind: 'row-end', uncertain: false }];
    if (run > row && (run - row) % cell === 0) return [{ kind: 'row-end-blanks', blanks: (run - row) / cell, at }];
    if (run % cell === 0) return Array.from({ length: run / cell - 1 }, () => ({ kind: 'blank', at }) as const);
  }
  return [{ kind: 'row-end', uncertain: true }];
}

interface RowUnderConstruction {
  cells: GridCell[];
  hasValues: boolean;
  incomplete: boolean;
  notes: string[];
}

function assembleRows(tokens: readonly Token[], note: string): GridRow[] {
  const rows: GridRow[] = [];
  let current: RowUnderConstruction = fresh(false);
  const close = (incompleteNext: boolean): void => {
    if (current.cells.length > 0) {
      const first = current.cells[0]!;
      const last = current.cells[current.cells.length - 1]!;
      rows.push({
        cells: current.cells,
        layout: 'cell-per-line',
        start: first.start,
        end: last.end,
        incomplete: current.incomplete,
        notes: [note, ...current.notes],
      });
    }
    current = fresh(incompleteNext);
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'cell') {
      const isValue = isValueText(token.cell.text);
      if (!isValue && current.hasValues) close(false);
      current.cells.push(token.cell);
      if (isValue) current.hasValues = true;
    } else if (token.kind === 'blank') {
      current.cells.push(blankCell(token.at));
      current.hasValues = true;
    } else if (token.kind === 'row-end') {
      if (token.uncertain) current.incomplete = true;
      close(token.uncertain);
    } else {
      const next = nextCell(tokens, index + 1);
      const blanks = Array.from({ length: token.blanks }, () => blankCell(token.at));
      if (next === undefined || !isValueText(next.text)) {
        current.cells.push(...blanks);
        current.notes.push(`${token.blanks} blank cell(s) at the row end inferred from a longer line-break run`);
        close(false);
      } else if (!current.hasValues) {
        close(false);
        current.cells.push(...blanks);
        current.hasValues = true;
        current.notes.push(`${token.blanks} blank cell(s) at the row start inferred from a longer line-break run`);
      } else {
        // Blank cells between two rows of values: they end one row or start the next, the run cannot say which.
        current.incomplete = true;
        close(true);
      }
    }
  }
  close(false);
  return rows;
}

function fresh(incomplete: boolean): RowUnderConstruction {
  return { cells: [], hasValues: false, incomplete, notes: [] };
}

function nextCell(tokens: readonly Token[], from: number): GridCell | undefined {
  for (let index = from; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'cell') return token.cell;
    if (token.kind === 'blank') return blankCell(token.at);
  }
  return undefined;
}

function blankCell(at: number): GridCell {
  return { text: '', start: at, end: at };
}
