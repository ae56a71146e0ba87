/**
 * The lines right before and after a line of a text, past one line break each (CR LF is one, a bare CR or LF is
 * one): what a reader checks a line's neighbours by without splitting the whole text.
 */

/** Longest stretch of text looked back over for the line before (a line longer than this is cut to its end). */
const LOOK_BACK = 300;

/** The line that ends right before `lineStart` (empty at the text's start). */
export function lineBefore(text: string, lineStart: number): string {
  return text.slice(Math.max(0, lineStart - LOOK_BACK), lineStart).replace(/(?:\r\n|\n|\r)$/u, '').split(/[\r\n]/u).pop() ?? '';
}

/** The line that starts right after the break ending the line at `lineEnd` (empty past `end`). */
export function lineAfter(text: string, lineEnd: number, end = text.length): string {
  const start = text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : lineEnd + 1;
  let stop = start;
  while (stop < end && text[stop] !== '\n' && text[stop] !== '\r') stop++;
  return start < end ? text.slice(start, stop) : '';
}

/** A line of tabs alone (spaces beside them). */
export function tabsAlone(line: string): boolean {
  return line.includes('\t') && line.trim() === '';
}

/**
 * A line of tabs alone between a line that ends with a tab and one that opens with one: a piece of a tab row a hard
 * wrap broke at its tabs ("…0\t⏎\t⏎\t\t\t\t0\t"), each of its tabs closing a cell and the blank cell it opens one of
 * the row's (measureIndependentBreaks seed 369, tab-broken: the line dropped, a row's total 0 was read one cell early,
 * in its blank 其他 column, and committed). Not a tab between cells each on lines of their own, as a browser copies a
 * table whose cells hold paragraphs ("1⏎⏎\t⏎⏎0"): there the tab separates the cells beside it and opens no blank.
 */
export function tabsInRow(text: string, lineStart: number, lineEnd: number, end: number): boolean {
  if (!tabsAlone(text.slice(lineStart, lineEnd))) return false;
  return /\t[^\S\n\r]*$/u.test(lineBefore(text, lineStart)) && /^[^\S\n\r]*\t/u.test(lineAfter(text, lineEnd, end));
}

/**
 * A bar alone on its line that is the next row's opening bar, a hard wrap having cut it off the row's long label
 * ("| 0 |⏎|⏎二、上年结转政府信息公开申⏎请数量 |  |  |…"): the line after opens with words, in a table printing several
 * cells a line (`region`), not one cell a line closed by a bar, where a bar alone is a blank cell. Seed 4840, variant
 * 2164: read as the row before's blank last cell, it made up for a blank the wrap had taken ("|  |" -> "|⏎|"), and the
 * row's total 0 was committed in its 其他 column.
 */
export function openingBarWrapped(text: string, lineEnd: number, end: number, region: string): boolean {
  if (!/^[^\s|｜0-9０-９\-—–－]/u.test(lineAfter(text, lineEnd, end))) return false;
  // Several cells a line: more lines of three bars or more than of a cell closed by its bar ("0 |").
  const lines = region.split(/[\r\n]/u);
  const bars = (line: string) => line.match(/[|｜]/gu)?.length ?? 0;
  return lines.filter((line) => bars(line) >= 3).length > lines.filter((line) => bars(line) === 1 && line.trim().length > 1).length;
}
