import type { ColumnMetric } from '../../normalise/columnMetric.ts';
import type { MappedText } from '../../text/MappedText.ts';

/** Columns a character takes in monospace text (pdftotext -layout): CJK characters and full-width forms two. */
export function characterWidth(code: number): number {
  return code >= 0x2e80 ? 2 : 1;
}

/** Index of the first character of the line holding text[index]. */
export function lineStartOf(text: string, index: number): number {
  let start = index;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (code === 10 || code === 13 || code === 12) break;
    start--;
  }
  return start;
}

/** Longest line measured: a printed page's line is a few hundred columns; longer lines are running text. */
export const MAX_PAGE_LINE = 1_000;

/** True when text[index] stands within MAX_PAGE_LINE characters of its line's start (worth measuring). */
export function isWithinPageLine(text: string, index: number): boolean {
  for (let position = index - 1; position >= Math.max(0, index - MAX_PAGE_LINE); position--) {
    const code = text.charCodeAt(position);
    if (code === 10 || code === 13 || code === 12) return true;
  }
  return index <= MAX_PAGE_LINE;
}

/** Where a span of the parsed text stands on its printed line, in display columns (end exclusive). */
export interface DisplayExtent {
  readonly x: number;
  readonly xEnd: number;
}

/**
 * Display columns of spans of the parsed (normalised) text as the page printed them. Measured in the
 * decoded text when it is given (normalisation folds full-width "（" of two columns to "(" of one, and
 * removes letter-spacing), else in the parsed text itself; in the text's metric (normalise/columnMetric): CJK
 * characters counting two columns, or one where the text lays its page out in characters (pdftotext -layout).
 */
export class DisplayColumns {
  constructor(
    readonly view: MappedText,
    private readonly decoded?: string,
    readonly metric: ColumnMetric = 'display',
  ) {}

  /** The extent of the non-empty span view.text[start, end). */
  extent(start: number, end: number): DisplayExtent {
    if (this.decoded !== undefined && end > start) {
      const from = this.view.originStart[start]!;
      const to = this.view.originEnd[end - 1]!;
      // A span the decoded text does not hold (inserted by rendering), or whose decoded line is not a printed
      // page line (HTML in one long line, say), is measured in the parsed text.
      const decodedLineStart = to > from && to <= this.decoded.length ? nearLineStart(this.decoded, from) : -1;
      if (decodedLineStart >= 0) {
        const x = widthOf(this.decoded, decodedLineStart, from, this.metric);
        return { x, xEnd: x + widthOf(this.decoded, from, to, this.metric) };
      }
    }
    const x = this.columnOf(start);
    return { x, xEnd: x + widthOf(this.view.text, start, end, this.metric) };
  }

  /**
   * Whether the span starting at view.text[start] stands one space after other text where the page is laid out in
   * characters (pdftotext -layout): a CJK word takes one column for the two it covers and pushes what follows it this
   * close, so the span's column is not where it stands on the page.
   */
  pushed(start: number): boolean {
    const text = this.view.text;
    return this.metric === 'chars' && start >= 2 && text.charCodeAt(start - 1) === 32 && !/\s/u.test(text.charAt(start - 2));
  }

  /** Display column of every character of the parsed text, from its line start; built on first use. */
  private columns?: Int32Array;

  /**
   * widthFromLineStart(view.text, index), looked up: measuring each span from its line start walked the line
   * once per span, quadratic on a table flattened into one long line.
   */
  private columnOf(index: number): number {
    this.columns ??= lineColumns(this.view.text, this.metric);
    return index < this.columns.length ? this.columns[index]! : widthOf(this.view.text, lineStartOf(this.view.text, index), index, this.metric);
  }
}

/** For each index, widthOf(text, lineStartOf(text, index), index), in one pass. */
function lineColumns(text: string, metric: ColumnMetric): Int32Array {
  const columns = new Int32Array(text.length);
  let width = 0;
  for (let index = 0; index < text.length; index++) {
    columns[index] = width;
    const code = text.charCodeAt(index);
    // A form feed starts a page: pdftotext writes it before the page's first line, in no column.
    if (code === 10 || code === 13 || code === 12) width = 0;
    else width = code === 9 ? (Math.floor(width / 8) + 1) * 8 : width + widthIn(metric, code);
  }
  return columns;
}

/** The start of text[index]'s line when it lies within MAX_PAGE_LINE characters, else -1 (bounded scan). */
function nearLineStart(text: string, index: number): number {
  const limit = Math.max(0, index - MAX_PAGE_LINE);
  for (let position = index; position > limit; position--) {
    const code = text.charCodeAt(position - 1);
    if (code === 10 || code === 13 || code === 12) return position;
  }
  return limit === 0 ? 0 : -1;
}

function widthOf(text: string, start: number, end: number, metric: ColumnMetric): number {
  let width = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    // A tab moves to the next multiple of eight, as terminals and pdftotext's readers show it.
    width = code === 9 ? (Math.floor(width / 8) + 1) * 8 : width + widthIn(metric, code);
  }
  return width;
}

function widthIn(metric: ColumnMetric, code: number): number {
  return metric === 'chars' ? 1 : characterWidth(code);
}
