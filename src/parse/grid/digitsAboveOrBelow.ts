import { lineStartOf } from './displayColumn.ts';

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
  if (end <= start || end > text.length) return false;
  const lineStart = lineStartOf(text, start);
  const x = start - lineStart;
  const xEnd = end - lineStart;
  // Only a value on a row's line of aligned text (the label or other values beside it, the value indented):
  // lines of one value each (one cell per line) stand above one another by construction.
  const own = lineText(text, lineStart);
  if (own.trim() === text.slice(start, end).trim() || x < MIN_LAYOUT_INDENT) return false;
  const lineEnd = text.indexOf('\n', start);
  const below = lineEnd < 0 ? undefined : lineText(text, lineEnd + 1);
  const above = lineStart === 0 ? undefined : lineText(text, lineStartOf(text, lineStart - 1));
  return [above, below].some((line) => line !== undefined && numbersOverlap(line, x, xEnd));
}

/** Columns before a value on a row's line of -layout text (the label column at least). */
const MIN_LAYOUT_INDENT = 4;

function lineText(text: string, from: number): string {
  const newline = text.indexOf('\n', from);
  return text.slice(from, newline < 0 ? text.length : newline).replace(/\r$/u, '');
}

function numbersOverlap(line: string, x: number, xEnd: number): boolean {
  if (!/^[\s\p{Nd}]+$/u.test(line) || !/\p{Nd}/u.test(line)) return false;
  for (let index = x; index < Math.min(xEnd, line.length); index++) if (/\p{Nd}/u.test(line[index]!)) return true;
  return false;
}
