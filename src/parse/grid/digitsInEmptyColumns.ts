import { characterWidth, columnMetric } from '../../normalise/columnMetric.ts';
import type { ReadLines } from './digitsAboveOrBelow.ts';

/**
 * Whether the line just above or just below a row's line (the line holding text[offset], the decoded text of
 * pdftotext -layout) holds nothing but numbers, no cell read from it, and a number standing in columns the row's
 * own line leaves empty, right of its label: the shape of numbers too wide for their cells, wrapped a digit above
 * and a digit below the row's line ("4   3   7" / "一、本年新收…   0   0   0" / "0   7   7" for 40, 37 and 77),
 * the row's line printing only the cells that fit. Such a row printed more than its line shows: cells its line
 * leaves empty are not blank.
 *
 * Measured like digitsAboveOrBelow: in characters (pdftotext's grid) or, where the text's rows line up so, in
 * display width.
 */
export function digitsInEmptyColumnsIn(text: string, readLines: ReadLines): (offset: number) => boolean {
  const display = columnMetric(text) === 'display';
  return (offset) => {
    const lineStart = lineStartOf(text, offset);
    const own = columnsOf(lineText(text, lineStart), display);
    // Numbers under the label are another thing (a page number centred under the table, a wrapped ordinal).
    const labelEnd = own.findLastIndex((character) => /[\p{Script=Han}\p{L}]/u.test(character)) + 1;
    if (labelEnd === 0) return false;
    const neighbours = [lineStart > 0 ? lineStartOf(text, lineStart - 1) : -1, nextLineStart(text, lineStart)];
    return neighbours.some((start) => {
      if (start < 0 || start >= text.length || readLines.has(start)) return false;
      const line = lineText(text, start);
      if (!/^[\s\p{Nd},.]+$/u.test(line) || !/\p{Nd}/u.test(line)) return false;
      const columns = columnsOf(line, display);
      for (let column = labelEnd; column < columns.length; column++) {
        if (!/\p{Nd}/u.test(columns[column]!)) continue;
        let end = column;
        while (end < columns.length && /\S/u.test(columns[end]!)) end++;
        const empty = own.slice(column, end).every((character) => character.trim() === '');
        if (empty) return true;
        column = end;
      }
      return false;
    });
  };
}

// A line ends at LF, CR LF or a bare CR (converters end lines all three ways), as digitsAboveOrBelow's lines do.
const isLineEnd = (text: string, index: number): boolean => text[index] === '\n' || (text[index] === '\r' && text[index + 1] !== '\n');

/** The start of the line holding text[index] (of the line it ends, at a line end). */
function lineStartOf(text: string, index: number): number {
  let start = index;
  while (start > 0 && !isLineEnd(text, start - 1)) start--;
  return start;
}

/** The start of the line after the one starting at `from`; -1 on the last line. */
function nextLineStart(text: string, from: number): number {
  for (let index = from; index < text.length; index++) if (isLineEnd(text, index)) return index + 1;
  return -1;
}

/** The text of the line starting at `from`: up to its line end, a CR before it and form feeds opening it left out. */
function lineText(text: string, from: number): string {
  const next = nextLineStart(text, from);
  const line = text.slice(from, next < 0 ? text.length : next - 1).replace(/\r$/u, '');
  // (pdftotext opens a page's first line with a form feed, which takes no column.)
  return line.replace(/^\f+/u, '');
}

/** A line as one character per column: a character of display width two takes two. */
function columnsOf(line: string, display: boolean): string[] {
  const columns: string[] = [];
  for (const character of line) {
    columns.push(character);
    if (display && characterWidth(character.codePointAt(0)!) === 2) columns.push(character);
  }
  return columns;
}
