import { isDigitOrShaped } from './isValueText.ts';

/**
 * Whether the bars of a line are cell boundaries: some bar stands between spaces (or a line's edge) on both sides
 * ("a | b", "| 72 |"), or between characters on both sides ("a|b|c"). A line whose every bar touches a number on one
 * side only ("规章 I3 |3 524", "行政处罚 8|") prints OCR'd ones, not cells.
 */
export function pipesSeparateCells(line: string): boolean {
  // A run of bars is judged as one ("||9" for 119; "||" an empty cell between boundaries).
  for (const run of line.matchAll(/\|+/gu)) {
    const before = line[run.index - 1];
    const after = line[run.index + run[0].length];
    const openBefore = before === undefined || /\s/u.test(before);
    const openAfter = after === undefined || /\s/u.test(after);
    // Bars between a sign and a digit are the number's ones ("+|3" for +13): no cell is a sign alone.
    if (!openBefore && !openAfter && /[+\-＋－]/u.test(before!) && /[0-9]/u.test(after!)) continue;
    if (openBefore === openAfter) return true;
    // A bar touching neither a digit nor a letter shaped like one on its glued side is no OCR'd one either.
    const glued = openBefore ? after! : before!;
    if (!isDigitOrShaped(glued)) return true;
  }
  return false;
}

/** True when lines of the region other than lone bars close with a bar ("0 |", "| a | b |"): bars are cell boundaries there. */
export function closesCellsWithBars(text: string, start: number, end: number): boolean {
  for (const line of text.slice(start, end).split(/\r\n|\r|\n/u)) {
    const trimmed = line.trim();
    if (trimmed.length > 1 && trimmed.endsWith('|') && !/^\|+$/u.test(trimmed) && pipesSeparateCells(trimmed)) return true;
  }
  return false;
}
