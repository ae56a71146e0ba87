import type { PlacedCell, RowReadings } from './placeRowValues.ts';
import type { Token } from './Token.ts';

/** Fewest empty lines before a value that show a region printing its blank cells as empty lines. */
const MIN_EMPTY_LINES_BEFORE_VALUES = 3;

/** Fewest rows ending right before the next row's label that show a region's row gap. */
const MIN_ROW_ENDS = 3;

/** Where a region printed one cell per line shows its blank cells as empty lines, and how it ends its rows. */
export interface BlankLineCells {
  /** Empty lines every row ends in before the next row's label (0 where the next label follows the last cell). */
  readonly rowGap: number;
  /** How many tokens each line of the region holds. */
  readonly tokensOnLine: ReadonlyMap<number, number>;
}

/**
 * Whether a region prints its blank cells as empty lines (a crawler's or a copy's one cell per line: "258", "12", "",
 * "", "1"): empty cells stand alone on their lines between values, outside any page break, again and again (a
 * PDF's text prints no blank cell, only a page break's empty lines, before its header or a label). Then also the row
 * gap: the fewest empty lines between a row's last cell and the next row's label, over enough rows to tell.
 * Undefined otherwise.
 */
export function blankLineCellsOf(tokens: readonly Token[], anchorIndexes: readonly number[]): BlankLineCells | undefined {
  const perLine = new Map<number, number>();
  for (const token of tokens) perLine.set(token.line, (perLine.get(token.line) ?? 0) + 1);
  const aloneOnLine = (token: Token | undefined): boolean => token !== undefined && perLine.get(token.line) === 1;
  // Empty lines between two values of a row: a page break's empty lines stand before a header or a label instead, and
  // an HTML spacer cell's right after a label (where a blank cell may print nothing at all).
  const isCellLine = (token: Token | undefined): boolean => token?.kind === 'empty' && token.pageBreak !== true && aloneOnLine(token);
  let insideRows = 0;
  for (let index = 0; index < tokens.length; index++) {
    if (!isCellLine(tokens[index]) || tokens[index - 1]?.kind !== 'value') continue;
    let after = index;
    while (isCellLine(tokens[after])) after++;
    if (tokens[after]?.kind === 'value') insideRows += after - index;
    index = after - 1;
  }
  if (insideRows < MIN_EMPTY_LINES_BEFORE_VALUES) return undefined;
  let fewest = Number.POSITIVE_INFINITY;
  let rowEnds = 0;
  for (let position = 0; position + 1 < anchorIndexes.length; position++) {
    const last = tokens[anchorIndexes[position + 1]! - 1];
    const next = tokens[anchorIndexes[position + 1]!]!;
    if (last === undefined || last.kind === 'text' || !aloneOnLine(last) || next.line <= last.line) continue;
    rowEnds++;
    fewest = Math.min(fewest, next.line - last.line - 1);
  }
  return { rowGap: rowEnds >= MIN_ROW_ENDS ? fewest : 0, tokensOnLine: perLine };
}

/**
 * The row's reading marked `lineCells` where its cells stand one to a line (cellsOnLinesOfTheirOwn, or a row of blank
 * lines: blankLineRow), its one reading counted off: its empty lines are cells as surely as a tab's pieces are, no
 * gaps to doubt. Not after an empty line that may be a spacer (mayHaveSpacerAfterLabel): a row that dropped its last
 * blank reads as many lines as cells, every value a column on ("政府集中采购", spacer, "22", nothing for the blank amount).
 */
export function withLineCells(counted: RowReadings, row: {
  readonly printedRun: readonly Token[];
  readonly cellCount: number;
  readonly nextOrdinal: string | undefined;
  readonly blankLines: BlankLineCells | undefined;
  readonly blankRow: boolean;
  readonly afterSpacer: boolean;
}): RowReadings {
  const { blankLines } = row;
  const onOwnLines = blankLines !== undefined && counted.readings.length === 1 && counted.placement === 'count' && !counted.subset && !row.afterSpacer
    && (row.blankRow || cellsOnLinesOfTheirOwn(row.printedRun, row.cellCount, row.nextOrdinal, blankLines));
  return onOwnLines ? { ...counted, lineCells: true, gapBlanks: false } : counted;
}

/**
 * Whether a row's run (as printed, before any page break's empty lines were set aside) holds its cells one to a line,
 * exactly as many as the row has, none of them a page break's empty line, in a region that prints blank cells as empty
 * lines: then a page number counted in among them would leave a line too many, and a number alone on its line there is
 * no page number's (the next row's ordinal before its label aside).
 */
export function cellsOnLinesOfTheirOwn(run: readonly Token[], cellCount: number, nextOrdinal: string | undefined, cells: BlankLineCells): boolean {
  let count = 0;
  for (const [index, token] of run.entries()) {
    if (token.kind === 'text') continue;
    if (token.kind === 'value' && token.ordinalTail && index === run.length - 1 && token.raw === nextOrdinal) continue;
    if (token.kind === 'empty' && token.pageBreak === true) return false;
    if (cells.tokensOnLine.get(token.line) !== 1) return false;
    count++;
  }
  return count === cellCount;
}

/**
 * The cells of a row whose label is followed by nothing but empty lines up to the next row's label, in a region that
 * prints blank cells as empty lines: exactly as many empty lines as the row has cells (and the region's row gap)
 * make a row printed with every cell blank, read as certainly as a row of values ("2.其他法律行政法规禁止公开", seven
 * empty lines, "3.危及…"). Any other count (a page break's lines, a row gap the region does not keep) is left to the
 * solver, which reads the row as printing nothing. Returns the row's one reading, or undefined.
 */
export function blankLineRow(
  text: string,
  label: Token,
  run: readonly Token[],
  next: Token | undefined,
  cellCount: number,
  cells: BlankLineCells,
): RowReadings | undefined {
  if (next === undefined) return undefined;
  // The label may wrap over lines of its own; the next row's ordinal may stand before its label on the same line.
  let lastLabel = label;
  let end = next;
  for (const [index, token] of run.entries()) {
    if (token.kind === 'text' && end === next) lastLabel = token;
    else if (token.kind === 'value' && token.ordinalTail && index === run.length - 1 && token.line === next.line) end = token;
    else return undefined;
  }
  if (end.line - lastLabel.line - 1 !== cellCount + cells.rowGap) return undefined;
  const between = text.slice(lastLabel.end, end.start);
  // Nothing printed between, a page break's form feed included.
  if (/[^ \t\r\n\u3000\u00a0]/u.test(between)) return undefined;
  const empties: PlacedCell[] = [];
  let at = lastLabel.end;
  for (let line = 1; line <= cellCount; line++) {
    const lineBreak = text.indexOf('\n', at);
    if (lineBreak < 0 || lineBreak >= end.start) return undefined;
    at = lineBreak + 1;
    empties.push({ kind: 'empty', start: at });
  }
  return {
    readings: [empties], placement: 'count', celled: false, subset: false, inconsistent: false, cellTokens: cellCount,
    notes: ['every cell printed blank, an empty line each'],
  };
}
