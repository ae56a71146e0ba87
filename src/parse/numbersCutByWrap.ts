import { displayWidth } from '../normalise/columnMetric.ts';

/**
 * Whether a value read at text[start, end) may be only part of a number a hard wrap cut: text wrapped at a fixed
 * width, every full line as wide as the next, cuts wherever the width falls, inside a number too ("行政许可 19" /
 * "0 第二十条…" for 190; "18651." / "06" for 18651.06). A value that ends a full line with digits opening the next
 * line, or opens a line after a full one that ends with digits, is in doubt: the two pieces may be one number or two
 * cells the wrap fell between, which nothing in the text tells apart.
 *
 * A text is hard-wrapped when most of its lines (of some length) are within a column of one width, in characters
 * or in display width (a wrap counts one or the other): tables laid out in rows, cells a line each and running
 * prose have lines of every width.
 */
export function numbersCutByWrapIn(text: string, rowsBroken = false): (start: number, end: number) => boolean {
  const lines = splitLines(text);
  const wrap = wrapWidth(lines);
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lines[middle]!.start <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  if (wrap === undefined && !rowsBroken) return (start, end) => decimalsOnNextLine(lines, lineAt(start), end);
  // With `rowsBroken`, at any width: a row of cells set apart by tabs or bars that ends its line on a digit, the next
  // line opening on one, was broken inside a cell or at a boundary the break swallowed ("行政许可\t18" / "2\t0").
  // …and where the lines of numbers close their cells with a bar ("9 |"), one that ends on a digit with no bar is a cell
  // the break left open ("77" / ".530829 |").
  const closedByBars = rowsBroken && closesCellsWithBars(lines);
  const full = (line: Line): boolean => (wrap !== undefined && wrap.measure(line.text) >= wrap.width - 1)
    || (rowsBroken && CELLS_BEFORE_DIGIT_END.test(line.text)) || (closedByBars && DIGIT_ENDS.test(line.text));
  return (start, end) => {
    if (end <= start) return false;
    const index = lineAt(start);
    const line = lines[index]!;
    const next = lines[index + 1];
    const previous = lines[index - 1];
    // The value's digits reach the line end (a decimal point may stand after them), or start the line.
    const endsLine = /^[.．,，]?$/u.test(line.text.slice(end - line.start)) && next !== undefined && DIGIT_OPENS.test(next.text) && full(line);
    const opensLine = start === line.start && previous !== undefined && DIGIT_ENDS.test(previous.text) && full(previous);
    return endsLine || opensLine || decimalsOnNextLine(lines, index, end);
  };
}

/**
 * Whether the value ends its line and the next line opens with a decimal point and digits ("…经费）:１５" / "．３。"
 * for 15.3): a number went on across the break whatever the text's line widths say (a wrap width a few lines of
 * other widths hide: seed 4844, variant 2684, 15 committed for 15.3). No count or amount opens with its point.
 */
function decimalsOnNextLine(lines: readonly Line[], index: number, end: number): boolean {
  const line = lines[index]!;
  const next = lines[index + 1];
  return next !== undefined && line.start + line.text.length === end && DECIMALS_OPEN.test(next.text);
}

/** A line opening with a decimal point and a digit. */
const DECIMALS_OPEN = /^[.．][0-9０-９]/u;

interface Line {
  readonly start: number;
  /** The line without its line end (LF, CR LF or a bare CR). */
  readonly text: string;
}

// (A decimal point or a thousands separator on either side of the cut: "18651." / "06", "3" / ".7", "7" / ",417".)
// (Not a row's ordinal opening the next line: "2. 政府网站在线访谈次数".)
// (A digit an OCR read as a letter ends or opens a piece too: "行政事业性收费\tI" / "39.2" for I39.2, the cell read as 1,
// and "36.745" / "I |" for 36.745I, were committed: measureIndependentBreaks seed 141, tab-broken and pipe-broken-cut.)
const DIGIT_OPENS = /^[.．,，]?(?:[0-9０-９]|[IlOo〇](?![A-Za-z]))+(?![0-9０-９]|[.、．]\s*\p{Script=Han})/u;
const DIGIT_ENDS = /[0-9０-９IlOo〇][.．,，]?$/u;
/** A line of cells (a tab or a bar before) that ends on a digit, no boundary after it. */
const CELLS_BEFORE_DIGIT_END = /[\t|｜][^\t|｜]*[0-9０-９IlOo〇][.．,，]?$/u;
/** Lines shorter than this are no evidence of a wrap width (a footer, a heading, a cell alone on its line). */
const MIN_WRAPPED = 12;
/** Share of the lines of some length that stand within a column of the wrap width in a hard-wrapped text. */
const WRAPPED_SHARE = 0.6;
/** Fewest such lines: a few lines of one width are a coincidence. */
const MIN_FULL_LINES = 5;

/** Share of the lines of numbers and bars that close with a bar, in a text that closes its cells so. */
const CLOSED_SHARE = 0.6;

/** Whether the text's lines of numbers close their cells with a bar: most lines holding a digit and a bar end in one. */
function closesCellsWithBars(lines: readonly Line[]): boolean {
  let barred = 0;
  let closed = 0;
  for (const line of lines) {
    if (!/[0-9０-９]/u.test(line.text) || !/[|｜]/u.test(line.text)) continue;
    barred++;
    if (/[|｜]\s*$/u.test(line.text)) closed++;
  }
  return barred >= MIN_FULL_LINES && closed >= barred * CLOSED_SHARE;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 10;
    if (code !== 10 && code !== 13) continue;
    lines.push({ start, text: text.slice(start, index) });
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    start = index + 1;
  }
  return lines;
}

/** The width the text is hard-wrapped at, and the measure it counts in; undefined for text not hard-wrapped. */
function wrapWidth(lines: readonly Line[]): { width: number; measure: (text: string) => number } | undefined {
  const measures = [(line: string) => line.length, displayWidth];
  for (const measure of measures) {
    const widths = lines.map((line) => measure(line.text)).filter((width) => width >= MIN_WRAPPED);
    if (widths.length < MIN_FULL_LINES) continue;
    const counts = new Map<number, number>();
    for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
    const widest = Math.max(...widths);
    // A wrap leaves every full line at the width, or a column short where a wide character did not fit.
    const full = (counts.get(widest) ?? 0) + (counts.get(widest - 1) ?? 0);
    if (full >= MIN_FULL_LINES && full >= widths.length * WRAPPED_SHARE) return { width: widest, measure };
  }
  return undefined;
}

/** The note on a value held as perhaps only part of a number a hard wrap cut. */
export const CUT_BY_WRAP_NOTE = 'ambiguous: digits run on across a hard wrap: the value may be part of a number the line end cut';
/** The note on a cell of a row placed by order beside a number a hard wrap may have cut, the row's rule failing as read. */
export const CUT_ROW_SHIFT_NOTE = 'ambiguous: a number of its row may be cut in two by a hard wrap, the row\'s rule failing as read: its cells may stand a place off';
