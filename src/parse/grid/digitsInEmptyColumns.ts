import { characterWidth, columnMetric } from '../../normalise/columnMetric.ts';
import { indexLines, type ReadLines } from './digitsAboveOrBelow.ts';

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
  // Lines as readLinesOf counts them, so that a neighbour's start is the key it has in readLines.
  const lines = indexLines(text);
  // (pdftotext opens a page's first line with a form feed, which takes no column.)
  const lineText = (from: number): string => lines.lineText(from).replace(/^\f+/u, '');
  return (offset) => {
    const lineStart = lines.lineStartOf(offset);
    const own = columnsOf(lineText(lineStart), display);
    // Numbers under the label are another thing (a page number centred under the table, a wrapped ordinal).
    const labelEnd = own.findLastIndex((character) => /[\p{Script=Han}\p{L}]/u.test(character)) + 1;
    if (labelEnd === 0) return false;
    const lineEnd = lines.newlineFrom(lineStart);
    const neighbours = [lineStart > 0 ? lines.lineStartOf(lineStart - 1) : -1, lineEnd < 0 ? -1 : lineEnd + 1];
    return neighbours.some((start) => {
      if (start < 0 || start >= text.length || readLines.has(start)) return false;
      const line = lineText(start);
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

/** A line as one character per column: a character of display width two takes two. */
function columnsOf(line: string, display: boolean): string[] {
  const columns: string[] = [];
  for (const character of line) {
    columns.push(character);
    if (display && characterWidth(character.codePointAt(0)!) === 2) columns.push(character);
  }
  return columns;
}
