/**
 * Whether a value read at text[start, end) (the decoded text of pdftotext -layout) has digits printed directly
 * above or below it, on a neighbouring line that holds nothing but numbers, overlapping its display columns:
 * the shape of a number too wide for its cell, its digits split over lines ("7" / "0" / "5" for 705, the row's
 * line holding only the middle digit). The value read is then only part of the number.
 *
 * Measured in characters: pdftotext -layout lays text on a grid of one character per cell, whatever the
 * glyph's width (a CJK label of 16 characters takes 16 cells; the digits of one number stand at the same
 * character index on their lines).
 */
export function digitsAboveOrBelow(text: string, start: number, end: number): boolean {
  return digitsAboveOrBelowIn(text)(start, end);
}

/**
 * digitsAboveOrBelow for many values of one text: its lines are indexed once, so each value costs a binary search
 * instead of a walk over its line (a flattened table is one long line: walking it for every cell was quadratic).
 */
export function digitsAboveOrBelowIn(text: string): (start: number, end: number) => boolean {
  const lines = indexLines(text);
  return (start, end) => {
    if (end <= start || end > text.length) return false;
    const lineStart = lines.lineStartOf(start);
    const x = start - lineStart;
    const xEnd = end - lineStart;
    // Only a value on a row's line of aligned text (the label or other values beside it, the value indented):
    // lines of one value each (one cell per line) stand above one another by construction.
    const own = lines.lineText(lineStart);
    if (own.trim() === text.slice(start, end).trim() || x < MIN_LAYOUT_INDENT) return false;
    const lineEnd = lines.newlineFrom(start);
    const below = lineEnd < 0 ? undefined : lines.lineText(lineEnd + 1);
    const above = lineStart === 0 ? undefined : lines.lineText(lines.lineStartOf(lineStart - 1));
    return [above, below].some((line) => line !== undefined && numbersOverlap(line, x, xEnd));
  };
}

/** The line structure of a text, for lookups by binary search. */
interface LineIndex {
  /** The start of text[index]'s line: after the nearest CR or LF before it (displayColumn's lineStartOf). */
  lineStartOf(index: number): number;
  /** text.indexOf('\n', from). */
  newlineFrom(from: number): number;
  /** The text from `from` to the next line feed, one CR before it left out. */
  lineText(from: number): string;
}

function indexLines(text: string): LineIndex {
  const starts: number[] = [0];
  const newlines: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) newlines.push(index);
    if (code === 10 || code === 13) starts.push(index + 1);
  }
  const newlineFrom = (from: number): number => {
    // The first line feed at or after `from`.
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (newlines[middle]! < from) low = middle + 1;
      else high = middle;
    }
    return low < newlines.length ? newlines[low]! : -1;
  };
  return {
    lineStartOf: (index) => {
      // The last line start at or before `index`.
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= index) low = middle;
        else high = middle - 1;
      }
      return starts[low]!;
    },
    newlineFrom,
    lineText: (from) => {
      const newline = newlineFrom(from);
      const line = text.slice(from, newline < 0 ? text.length : newline);
      return line.endsWith('\r') ? line.slice(0, -1) : line;
    },
  };
}

/** Columns before a value on a row's line of -layout text (the label column at least). */
const MIN_LAYOUT_INDENT = 4;

function numbersOverlap(line: string, x: number, xEnd: number): boolean {
  if (!/^[\s\p{Nd}]+$/u.test(line) || !/\p{Nd}/u.test(line)) return false;
  for (let index = x; index < Math.min(xEnd, line.length); index++) if (/\p{Nd}/u.test(line[index]!)) return true;
  return false;
}
