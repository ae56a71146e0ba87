import { isDigitOrShaped } from './isValueText.ts';

/**
 * Whether the bars of a line are cell boundaries: some bar stands between spaces (or a line's edge) on both sides
 * ("a | b", "| 72 |"), or between characters on both sides ("a|b|c"). A line whose every bar touches a number on one
 * side only ("规章 I3 |3 524", "行政处罚 8|") prints OCR'd ones, not cells.
 */
export function pipesSeparateCells(line: string): boolean {
  // One bar in a line of many numbers is no row of two cells but a table run into one line, a 1 OCR'd as a bar in it
  // ("…会议数 次 | （二）举办各类培训班数 次 2 …").
  if (singleBarAmongNumbers(line)) return false;
  // A run of bars is judged as one ("||9" for 119; "||" an empty cell between boundaries).
  for (const run of line.matchAll(/\|+/gu)) {
    const before = line[run.index - 1];
    const after = line[run.index + run[0].length];
    const openBefore = before === undefined || /\s/u.test(before);
    const openAfter = after === undefined || /\s/u.test(after);
    // Bars between a sign and a digit are the number's ones ("+|3" for +13): no cell is a sign alone.
    if (!openBefore && !openAfter && /[+\-＋－]/u.test(before!) && /[0-9]/u.test(after!)) continue;
    // So is a bar after a sign standing alone ("-|" for -1, "+|" for +1).
    if (!openBefore && openAfter && /[+\-＋－]/u.test(before!) && /^(?:|\s)$/u.test(line[run.index - 2] ?? '')) continue;
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

/** Fewest numbers in a line whose one bar is taken for an OCR'd 1: a row of two cells holds a label and a value or two. */
const MANY_NUMBERS = 6;

function singleBarAmongNumbers(line: string): boolean {
  const first = line.search(/[|｜]/u);
  if (first < 0 || /[|｜]/u.test(line.slice(first + 1))) return false;
  let numbers = 0;
  for (const _number of line.matchAll(/[0-9０-９]+/gu)) if (++numbers >= MANY_NUMBERS) return true;
  return false;
}
