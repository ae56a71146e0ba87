import { characterWidth, displayWidth, measuredMetric } from '../../normalise/columnMetric.ts';

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
export function digitsAboveOrBelowIn(text: string, readLines?: ReadLines): (start: number, end: number, row?: string) => boolean {
  const lines = indexLines(text);
  // Columns counted in characters (pdftotext: one grid cell a character) or, where the text's rows line up so, in
  // display width (tools that give CJK two columns): the value's own line may hold CJK words before it, its
  // neighbours none. A text whose rows show neither (a table of two rows with numbers, the rest wrapped over lines
  // of digits alone) is looked at in both: a digit over the value in either may be the rest of its number (seed 4847,
  // variant 1730: 119 printed "1" / "规范性文件  1" / "9", its label's width shifting the line's "1" in characters,
  // committed 1).
  const metric = measuredMetric(text);
  if (metric !== undefined) return checkIn(text, lines, readLines, metric === 'display');
  const inCharacters = checkIn(text, lines, readLines, false);
  // In display width only the plain shape (digits alone on the lines around the value), not digits beside another
  // label: a text whose columns show no metric may be laid out in none (wild/17's pipe row "其他主动公开文件 | 56 | 45"
  // under "规范性文件 | 11 | 11 | 119" puts 56 under the second 11 in display width).
  const inDisplayWidth = checkIn(text, lines, undefined, true);
  return (start, end, row) => inCharacters(start, end, row) || inDisplayWidth(start, end, row);
}

function checkIn(text: string, lines: LineIndex, readLines: ReadLines | undefined, display: boolean): (start: number, end: number, row?: string) => boolean {
  // Lines beside label fragments are looked at whatever the line ends (pdftotext -layout's LF, or the CR LF of a copy
  // saved on Windows: seed 5150, variant 729, committed 206's middle digit 0); lines are read at any line end.
  const besideLabels = readLines !== undefined;
  // A split number's other digits stand in a few columns only; a line with as many numbers as the value's own is a
  // row of its own (one no reader placed), not the rest of split numbers.
  const overlapsIn = (line: string | undefined, from: number, x: number, xEnd: number, own: string): boolean => line !== undefined
    && (numbersOverlap(line, x, xEnd)
      || (besideLabels && !readLines.has(from) && digitsOverlap(line, x, xEnd) && numberCount(line) < numberCount(own)));
  /** The characters of `line` under the value's columns. */
  // (A page's first line opens with pdftotext's form feed, which takes no column.)
  const under = (line: string, x: number, xEnd: number, own: string): { x: number; xEnd: number } | undefined => {
    const shift = feedOf(line) - feedOf(own);
    if (!display) return { x: x + shift, xEnd: xEnd + shift };
    const displayX = displayWidth(own.slice(feedOf(own), x));
    const at = charactersAt(line.slice(feedOf(line)), displayX, displayX + displayWidth(own.slice(x, xEnd)));
    return at && { x: at.x + feedOf(line), xEnd: at.xEnd + feedOf(line) };
  };
  const overlaps = (line: string | undefined, from: number, x: number, xEnd: number, own: string): boolean => {
    if (line === undefined) return false;
    const at = under(line, x, xEnd, own);
    return at !== undefined && overlapsIn(line, from, at.x, at.xEnd, own);
  };
  /** Whether `line` holds nothing under the value's columns (or ends before them). */
  const nothingUnder = (line: string, x: number, xEnd: number, own: string): boolean => {
    const at = under(line, x, xEnd, own);
    return at === undefined || line.slice(at.x, at.xEnd).trim() === '';
  };
  /** A line of a wrapped label with nothing under the value (the number's other piece may stand beyond it). */
  const passable = (line: string | undefined, x: number, xEnd: number, own: string): boolean =>
    line !== undefined && line.trim() !== '' && numberCount(line) === 0 && nothingUnder(line, x, xEnd, own);
  /**
   * A line of a wrapped label holding cells laid out beside it (numbers a column gap apart, as pdftotext -layout sets
   * cells; not a page number, not the single-spaced numbers of flattened or hard-wrapped text), none under the value,
   * the value itself set a column gap from what precedes it.
   */
  const besideValue = (line: string | undefined, x: number, xEnd: number, own: string): boolean => line !== undefined
    && /\p{Script=Han}/u.test(line) && LAID_OUT_NUMBERS.test(line) && /\s{2}$/u.test(own.slice(0, x)) && nothingUnder(line, x, xEnd, own);
  const below = (from: number): number => {
    const lineEnd = lines.newlineFrom(from);
    return lineEnd < 0 ? -1 : lineEnd + 1;
  };
  const above = (from: number): number => (from <= 0 ? -1 : lines.lineStartOf(from - 1));
  const textAt = (from: number): string | undefined => (from < 0 ? undefined : lines.lineText(from));
  return (start, end, row) => {
    if (end <= start || end > text.length) return false;
    const lineStart = lines.lineStartOf(start);
    const x = start - lineStart;
    const xEnd = end - lineStart;
    // Only a value on a row's line of aligned text (the label or other values beside it, the value indented):
    // lines of one value each (one cell per line) stand above one another by construction.
    const own = lines.lineText(lineStart);
    if (x < MIN_LAYOUT_INDENT) return false;
    if (own.trim() === text.slice(start, end).trim()) {
      // …except a value alone on its line, indented to a column of laid-out text, over or under a row's line (its
      // label and a number in the value's columns): one digit of a number a narrow cell wrapped around that row's
      // line ("2" / "2.政府网站公开…  条  1" / "9" for 219), not a cell of a row of its own. The row's line may be the
      // second of its wrapped label, past a first with nothing under the value ("5" / "5.不属于本行政机关公  件" /
      // "开数  9" / "1" for 591). Such a piece is a few plain digits (not "7.49", an amount under its label's first line).
      if (!/^\p{Nd}{1,3}$/u.test(own.trim())) return false;
      const rowLine = (from: number): boolean | undefined => {
        const line = textAt(from);
        if (line === undefined || !/\p{Script=Han}/u.test(line)) return false;
        const at = under(line, x, xEnd, own);
        // A line that ends before the value's columns has nothing under it.
        if (at === undefined) return undefined;
        return digitsOverlap(line, at.x, at.xEnd) ? true : line.slice(at.x, at.xEnd).trim() === '' ? undefined : false;
      };
      return [above, below].some((step) => {
        const next = step === below ? below(start) : above(lineStart);
        const found = rowLine(next);
        return found ?? (next >= 0 && rowLine(step === below ? below(next) : above(next)) === true);
      });
    }
    // Cells set apart by tabs are not laid out in display columns: a number on the next line is no part of this one
    // (a row of tab-separated numbers a hard wrap carried on: "69\t50\t30" / "310\t69\t46").
    if (own.includes('\t')) return false;
    // The line just above and just below, or past one line of a wrapped label with nothing under the value: a
    // number wrapped in its cell may stand on the far side of the label's other line ("1" / "1.参加…总次 次" /
    // "数  8" for 18).
    for (const step of [below, above]) {
      const next = step(step === below ? start : lineStart);
      if (overlaps(textAt(next), next, x, xEnd, own)) return true;
      if (next >= 0 && passable(textAt(next), x, xEnd, own)) {
        // …a line of fewer numbers than the value's own: one of as many is another row's, its label wrapped around it
        // (but a row of one value, a list's, has its number's other piece alone on its line).
        const beyond = step === below ? below(next) : above(next);
        const beyondText = textAt(beyond);
        const fewer = beyondText !== undefined && (numberCount(beyondText) < numberCount(own) || numberCount(own) === 1);
        if (fewer && overlaps(beyondText, beyond, x, xEnd, own)) return true;
      }
      // …or past a line of the row's wrapped label holding its other cells but nothing under the value (read as this
      // row's cells, or not read at all), the line beyond holding no cell read: digits under the value two lines off are
      // the rest of its number, centred in a cell three lines high ("1.申请人…不补正   2   2" / "、行政机关不再处理…
      // 0   0   0" / "公开申请   2   2" for 22, 22; seed 4833 variant 1332 and the calibration's seed 7919 variant
      // 338470, committed 2).
      if (besideLabels && next >= 0 && onlyRowOn(readLines, next, row) && besideValue(textAt(next), x, xEnd, own)) {
        const beyond = step === below ? below(next) : above(next);
        const beyondText = textAt(beyond);
        // (The line beyond may hold cells read as the next row's where the line between holds digits nobody read: the
        // reader gave the rest of this row's numbers to the row after it.)
        if (beyond >= 0 && beyondText !== undefined && (!readLines.has(beyond) || !readLines.has(next))) {
          const at = under(beyondText, x, xEnd, own);
          if (at !== undefined && digitsOverlap(beyondText, at.x, at.xEnd)) return true;
        }
      }
    }
    return false;
  };
}

/** Two numbers a column gap (two spaces or more) apart. */
const LAID_OUT_NUMBERS = /\p{Nd}[ \u3000]{2,}\p{Nd}/u;

/**
 * The starts of the lines (offsets into the decoded text) that hold a cell some reader read. A neighbouring line
 * that holds none may carry a fragment of a wrapped label beside the digits of a number split over lines
 * ("3.补正后申   1   1" / "请内容仍不   6 0 0 0 0 0 6" / "明确   9   9" for 169): its digits over the value's
 * columns count as well as a line of numbers alone. A line whose cells were read is another row.
 */
export interface ReadLines {
  has(lineStart: number): boolean;
  /** The rows ("三/granted") whose cells were read on the line, where the reader of the lines knows them. */
  rowsOn?(lineStart: number): ReadonlySet<string> | undefined;
}

/** Whether the line holds no cell read, or only cells of `row`. */
function onlyRowOn(readLines: ReadLines, lineStart: number, row: string | undefined): boolean {
  if (!readLines.has(lineStart)) return true;
  const rows = row === undefined ? undefined : readLines.rowsOn?.(lineStart);
  return rows !== undefined && rows.size === 1 && rows.has(row!);
}

/** The line starts of the given evidence offsets in `text`. */
export function readLinesOf(text: string, offsets: Iterable<number>): ReadLines {
  const lines = indexLines(text);
  const starts = new Set<number>();
  for (const offset of offsets) starts.add(lines.lineStartOf(offset));
  return starts;
}

/**
 * readLinesOf for cells whose rows are known: which rows each line holds cells of, too. A cell joined from the lines a
 * narrow cell wrapped its number over ("5" / "0" / "1" for 501) holds every line it spans.
 */
export function readRowLinesOf(text: string, cells: Iterable<{ readonly start: number; readonly end: number; readonly row: string }>): ReadLines {
  const lines = indexLines(text);
  const rowsByLine = new Map<number, Set<string>>();
  const add = (lineStart: number, row: string) => {
    const rows = rowsByLine.get(lineStart) ?? new Set<string>();
    rows.add(row);
    rowsByLine.set(lineStart, rows);
  };
  for (const { start, end, row } of cells) {
    add(lines.lineStartOf(start), row);
    for (let lineEnd = lines.newlineFrom(start); lineEnd >= 0 && lineEnd < end - 1; lineEnd = lines.newlineFrom(lineEnd + 1)) add(lineEnd + 1, row);
  }
  return { has: (lineStart) => rowsByLine.has(lineStart), rowsOn: (lineStart) => rowsByLine.get(lineStart) };
}

/** The line structure of a text, for lookups by binary search. */
export interface LineIndex {
  /** The start of text[index]'s line: after the nearest CR or LF before it (displayColumn's lineStartOf). */
  lineStartOf(index: number): number;
  /** The first line end (LF, or a bare CR) at or after `from`. */
  newlineFrom(from: number): number;
  /** The text from `from` to the next line feed, one CR before it left out. */
  lineText(from: number): string;
}

/** The lines of a text indexed once (LF, CR LF and bare CR ends, as readLinesOf counts them). */
export function indexLines(text: string): LineIndex {
  const starts: number[] = [0];
  const newlines: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A line ends at LF, CR LF or a bare CR (converters end lines all three ways).
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) newlines.push(index);
    // A line starts after LF or a bare CR (after CR LF once, not between the two).
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(index + 1);
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

/** The character span of a line that covers display columns [from, to); undefined when the line ends before. */
function charactersAt(line: string, from: number, to: number): { x: number; xEnd: number } | undefined {
  let column = 0;
  let x: number | undefined;
  for (let index = 0; index < line.length; index++) {
    const width = characterWidth(line.codePointAt(index)!);
    if (x === undefined && column + width > from) x = index;
    column += width;
    if (column >= to) return { x: x ?? index, xEnd: index + 1 };
  }
  return x === undefined ? undefined : { x, xEnd: line.length };
}

/** Form feeds opening a line (pdftotext's page break, on the page's first line). */
function feedOf(line: string): number {
  let count = 0;
  while (line[count] === '\f') count++;
  return count;
}

/** Columns before a value on a row's line of -layout text (the label column at least). */
const MIN_LAYOUT_INDENT = 4;

function numbersOverlap(line: string, x: number, xEnd: number): boolean {
  if (!/^[\s\p{Nd}]+$/u.test(line) || !/\p{Nd}/u.test(line)) return false;
  return digitsOverlap(line, x, xEnd);
}

/**
 * A number as printed: digits with separators, full-width ones too (the decoded text keeps a full-width print's
 * "７．４": a fresh print, seed 4913 document 65, read 7.49 万元 split "万 ７．４" / "元 ９" as 9 元).
 */
const NUMBER_WORD = /^[\p{Nd},.，．]+$/u;

/** The numbers standing alone on a line (runs of digits between blanks). */
function numberCount(line: string): number {
  return line.split(/\s+/u).filter((word) => NUMBER_WORD.test(word)).length;
}

/** Whether a digit of `line` stands at a character index in [x, xEnd), on its own (not inside a word or label). */
function digitsOverlap(line: string, x: number, xEnd: number): boolean {
  for (let index = x; index < Math.min(xEnd, line.length); index++) {
    if (!/\p{Nd}/u.test(line[index]!)) continue;
    // The whole run of non-blank characters holding the digit is a number (not "3.补正后申" under a value).
    let from = index;
    let to = index;
    while (from > 0 && !/\s/u.test(line[from - 1]!)) from--;
    while (to < line.length && !/\s/u.test(line[to]!)) to++;
    if (NUMBER_WORD.test(line.slice(from, to))) return true;
  }
  return false;
}
