import { lineStartOf, type DisplayColumns } from '../grid/displayColumn.ts';
import type { Token, ValueToken } from './Token.ts';

/**
 * Whether a row's values, printed over several lines of positioned text (pdftotext -layout), stand where
 * reading them in order (line after line, left to right) cannot put them: a value on a later, indented line
 * that starts at or left of the end of the last value of the line before. That is the shape of a number's
 * digits split over lines ("1" above the row's line, "2" below it) or of numbers on a wrapped label's other
 * line; counting such values into the row's cells puts numbers in the wrong columns.
 *
 * Only lines that begin with wide indentation count as positioned: in text without display positions
 * (pdftotext without -layout, one value per line at or near the line start) reading order is the only order
 * there is.
 */
export function valuesStackedOverLines(text: string, page: DisplayColumns, run: readonly Token[]): boolean {
  const byLine = new Map<number, ValueToken[]>();
  for (const token of run) {
    if (token.kind !== 'value') continue;
    const line = byLine.get(token.line) ?? [];
    line.push(token);
    byLine.set(token.line, line);
  }
  if (byLine.size < 2) return false;
  const lines = [...byLine.entries()].sort((first, second) => first[0] - second[0]).map((entry) => entry[1]);
  for (let index = 1; index < lines.length; index++) {
    const before = lines[index - 1]!;
    const after = lines[index]!;
    const first = after[0]!;
    if (!indented(text, first.start) && !afterColumnGap(text, first.start)) continue;
    const last = before[before.length - 1]!;
    if (page.extent(first.start, first.end).x <= page.extent(last.start, last.end).xEnd) return true;
  }
  // A positioned line holding only numbers, besides another line of the row's: a cell's digits (or a cell)
  // printed above or below the row's line. Even when it stands right of the values before it (the last
  // column's number split, its first digit above the label and left out of the run), only the columns
  // could tell where it belongs, and counting does not look at them.
  // So does a line whose numbers stand at display positions after a fragment of a group label drawn down the side
  // of the rows ("度办理结          4" below the row's line).
  return lines.some((line) => (indented(text, line[0]!.start) && numbersOnly(text, line[0]!.start))
    || afterColumnGap(text, line[0]!.start));
}

/** Whether the line holding text[index] prints nothing but numbers. */
function numbersOnly(text: string, index: number): boolean {
  const start = lineStartOf(text, index);
  const newline = text.indexOf('\n', index);
  const line = text.slice(start, newline < 0 ? text.length : newline);
  return /^[\s\p{Nd}.,]+$/u.test(line);
}

/**
 * Blanks before a value that show its line laid out at display positions: under a table's value columns, right
 * of the label column. One or two spaces before a value on its own line are a renderer's (one cell per line).
 */
const MIN_LAYOUT_INDENT = 4;

/**
 * Whether the token at `start` follows a run of blanks wide enough to be a display position, after text on its
 * line: a number drawn below its row's line beside a fragment of a group label ("度办理结      1      1").
 */
function afterColumnGap(text: string, start: number): boolean {
  const before = text.slice(Math.max(lineStartOf(text, start), start - MIN_COLUMN_GAP), start);
  return before.length === MIN_COLUMN_GAP && /^[ \u3000]+$/u.test(before);
}

/** Blanks between a label fragment and a value that show a display position (pdftotext -layout pads to columns). */
const MIN_COLUMN_GAP = 8;

/** Whether the token at `start` follows blanks at its line's start wide enough to be a display position. */
function indented(text: string, start: number): boolean {
  const lineStart = lineStartOf(text, start);
  return start - lineStart >= MIN_LAYOUT_INDENT && /^[ \t\u3000]+$/u.test(text.slice(lineStart, start));
}
