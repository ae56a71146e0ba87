import { isDigitOrShaped } from './isValueText.ts';

/**
 * Most bars a row's OCR'd ones add ("11" printed "||"). A row of many more cells than the separator is one the
 * separator does not describe: it follows the last row of a merged header (the appeals table's ten columns over its
 * rows of fifteen).
 */
const MAX_STRAY_BARS = 2;

/** A number's sign, half- or full-width. */
const SIGN = /[+\-＋－]/u;

/** A markdown separator row: bars, dashes, colons and spaces ("|---|:--:|"). */
const SEPARATOR_ROW = /^[|｜:\-\s]+$/u;

/**
 * The lines of a markdown table that hold more bars than its separator row ("| 条 | | |" under "|---|---|---|"):
 * one bar of such a row is no cell boundary but an OCR'd 1 ("| |" for 1, "|9" for 19), and which cell it belongs to
 * is not known. A table runs from its separator row to the first line without a bar, with the header row above it.
 * Only where at least half its rows have the separator's bars: a table whose separator follows a merged header row
 * ("| 申请人情况 |" over rows of nine cells) says nothing of its rows' cells. Also, with or without a separator, a
 * row whose bars all stand between spaces but one, glued to a digit on one side ("| 行政事业性收费 | |1 | 0 |").
 */
export function rowsWithStrayBars(lines: readonly string[]): Set<number> {
  const stray = new Set<number>();
  lines.forEach((line, index) => {
    if (hasBar(line) && lopsidedBar(line)) stray.add(index);
  });
  let index = 0;
  while (index < lines.length) {
    const separator = lines[index]!.trim();
    index++;
    if (!isSeparator(separator)) continue;
    const expected = countBars(separator);
    const headerVotes = separatorHeaderVotes(lines, index - 1, expected);
    // The table's rows run to the first line without a bar, or to the next separator row: a row right above one of its
    // own bars is the header of the next table (PDF text exported as one markdown fragment a row).
    const rows: { line: number; bars: number }[] = [];
    for (; index < lines.length; index++) {
      const bars = countBars(lines[index]!);
      if (bars === 0 || isSeparator(lines[index]!.trim())) break;
      rows.push({ line: index, bars });
    }
    const next = lines[index]?.trim();
    const nextSeparatorBars = next !== undefined && isSeparator(next) ? countBars(next) : undefined;
    const last = rows.at(-1);
    if (last !== undefined && last.bars === nextSeparatorBars) rows.pop();
    // Rows all alike are the table's cells, not OCR's: a stray bar falls on one row, not on every row the same way.
    // Unless the header vouches for the separator: then rows wider than both each hold a stray bar, however alike
    // ("| 规章 | | | 0 | 0 |" and "| 行政规范性文件 | 2|4 | 0 | 355 |" under four columns: 1 and 24 OCR'd).
    if (rows.length >= 2 && rows.every((row) => row.bars === rows[0]!.bars) && headerVotes === 0) continue;
    const matching = rows.filter((row) => row.bars === expected).length + headerVotes;
    if (matching * 2 < rows.length + headerVotes) continue;
    for (const row of rows) if (row.bars > expected && row.bars - expected <= MAX_STRAY_BARS) stray.add(row.line);
  }
  return stray;
}

/**
 * How many lines the header above the separator at `separatorIndex` adds to the rows that bear the separator out: two
 * (the header and the separator agreeing, so that a table of two rows may have a stray bar in each) when the header is
 * one row of two cells or more with the separator's bars, or rows all narrower than it and whole (a merged header
 * over a separator drawn for the rows; not a header a hard wrap broke). Under a header whose last row is as wide as
 * the separator and another above it (merged cells, or a table a page break cut) the separator describes that last
 * row, not the table's: none.
 */
function separatorHeaderVotes(lines: readonly string[], separatorIndex: number, expected: number): number {
  const header: string[] = [];
  for (let above = separatorIndex - 1; above >= 0 && countBars(lines[above]!) > 0; above--) header.push(lines[above]!);
  const oneRow = header.length === 1 && countBars(header[0]!) === expected && cellCount(header[0]!) >= 2;
  const narrower = header.length > 0 && header.every((line) => countBars(line) < expected && wholeRow(line));
  return oneRow || narrower ? 2 : 0;
}

/**
 * A line of spaced cell boundaries (" | " at least twice) with one bar glued to a digit, a letter shaped like one or a
 * sign, on one side only ("| 7| |" for 71, "| |4 |" for 14, "| B| |" for 81, "| -| |" for -1), or on both sides to a
 * number's pieces ("| +|1 |" for +11: adversarial seed 4822, ocr-letters, read as the cells + and 1, 1 committed).
 */
function lopsidedBar(line: string): boolean {
  let spaced = 0;
  let lopsided = 0;
  for (const run of line.matchAll(/[|｜]+/gu)) {
    const before = line[run.index - 1];
    const after = line[run.index + run[0].length];
    const openBefore = before === undefined || /\s/u.test(before);
    const openAfter = after === undefined || /\s/u.test(after);
    // Bars run together between spaces, at neither edge, where boundaries stand between spaces: OCR'd ones ("| || |"
    // for 11: adversarial seed 4836, ocr-letters, read as blank cells and 行政事业性收费's 11 committed blank).
    if (run[0].length > 1 && openBefore && openAfter && before !== undefined && after !== undefined) lopsided++;
    else if (openBefore && openAfter) spaced++;
    else if (openBefore || openAfter) {
      const glued = openBefore ? after! : before!;
      if (!isDigitOrShaped(glued) && !SIGN.test(glued)) return false;
      lopsided++;
    } else if ((isDigitOrShaped(before!) || SIGN.test(before!)) && isDigitOrShaped(after!)) {
      // Glued on both sides to a number's pieces, among spaced boundaries: an OCR'd 1 inside it ("+|1" for +11).
      lopsided++;
    } else return false;
  }
  return lopsided > 0 && spaced >= 2;
}

/** A separator row: a rule of three dashes at least ("|---|---|"; "| - |" and "- |" are blank marks between bars). */
function isSeparator(trimmed: string): boolean {
  return SEPARATOR_ROW.test(trimmed) && trimmed.includes('---') && countBars(trimmed) > 0;
}

/** A markdown row whole on its line: it opens and closes with a bar. */
function wholeRow(line: string): boolean {
  const trimmed = line.trim();
  return /^[|｜]/u.test(trimmed) && /[|｜]$/u.test(trimmed);
}

/** Cells with text between a line's bars. */
function cellCount(line: string): number {
  return line.split(/[|｜]/u).filter((cell) => cell.trim() !== '').length;
}

function hasBar(line: string): boolean {
  return line.includes('|') || line.includes('｜');
}

function countBars(line: string): number {
  let bars = 0;
  for (const character of line) if (character === '|' || character === '｜') bars++;
  return bars;
}
