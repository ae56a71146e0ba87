import type { CellReading } from '../parse/ParseResult.ts';

/** A piece of a table row that looks like a number, OCR letters included (I, l, O, o, full-width digits). */
const NUMBER_LIKE = /^[+\-＋－]?[0-9０-９OoIlＯＩｌ]+(?:[.．][0-9０-９OoIlＯＩｌ]+)?$/u;
/** What separates the cells of a row: tabs and pipes in text, tags in HTML ("…</td><td>lO</td>…"). */
const CELL_SEPARATOR = /[\t|<>]/u;

/**
 * Blank cells that are doubtful: their row (the text line their empty span sits on, or the HTML table row) holds a
 * number-like piece, cut out by tabs, pipes or tags, that no cell read. That is how an unrepaired OCR letter ("I" for 1) or a shifted
 * cell shows; no rule can catch it, since a blank never confirms or contradicts anything. Returns the doubtful
 * field ids with the piece found. With `wrappedCells` (text laid out in cells, pdftotext -layout) a number alone on a
 * line beside the blank's, among units only, counts too: a value cell wrapped over lines prints it there.
 */
export function findDoubtfulBlanks(
  decodedText: string,
  cells: ReadonlyMap<string, CellReading>,
  options: { readonly wrappedCells?: boolean } = {},
): Map<string, string> {
  const readSpans: { start: number; end: number }[] = [];
  for (const cell of cells.values()) if (cell.value !== null && cell.end > cell.start) readSpans.push({ start: cell.start, end: cell.end });
  const unreadByLine = new Map<number, string | null>();
  const doubtful = new Map<string, string>();
  let lineStarts: number[] | undefined;
  for (const cell of cells.values()) {
    if (cell.value !== null || cell.method !== 'table' || /[0-9０-９]/u.test(cell.raw)) continue;
    lineStarts ??= findLineStarts(decodedText);
    const line = lineIndexOf(lineStarts, cell.start);
    const lineStart = lineStarts[line]!;
    let unread = unreadByLine.get(lineStart);
    if (unread === undefined) {
      unread = unreadPieceOnLine(decodedText, lineStart, lineStarts[line + 1] ?? decodedText.length, readSpans);
      unreadByLine.set(lineStart, unread);
    }
    // A cell printed taller than its label (pdftotext -layout of a wrapped value cell, "万 ０．８２" on the line above
    // "七、依申请公开信息收取的费用") sets its number on a line next to the row's: a number there that no cell read
    // doubts the blank too.
    // Only in text laid out in cells: one cell per line puts every number on a line of its own.
    if (unread === null && options.wrappedCells === true) unread = unreadPieceNextTo(decodedText, lineStarts, line, readSpans);
    if (unread !== null) doubtful.set(cell.fieldId, unread);
  }
  return doubtful;
}

/**
 * Offsets where rows start, found once per document: after each line break, and at each HTML table row's tag
 * (a scraped page can be one very long line holding every table).
 */
function findLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) starts.push(index + 1);
    else if (code === 60 && /^<\/?tr[\s>]/iu.test(text.slice(index, index + 5)) && starts[starts.length - 1] !== index) starts.push(index);
  }
  return starts;
}

/** The index of the line holding `position`: the last line start at or before it (binary search). */
function lineIndexOf(lineStarts: readonly number[], position: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

function unreadPieceOnLine(text: string, lineStart: number, lineEnd: number, readSpans: readonly { start: number; end: number }[]): string | null {
  let pieceStart = lineStart;
  for (let index = lineStart; index <= lineEnd; index++) {
    if (index < lineEnd && !CELL_SEPARATOR.test(text[index]!)) continue;
    const piece = text.slice(pieceStart, index);
    const token = piece.trim();
    if (token.length > 0 && NUMBER_LIKE.test(token)) {
      const tokenStart = pieceStart + piece.indexOf(token);
      const tokenEnd = tokenStart + token.length;
      const covered = readSpans.some((span) => span.start < tokenEnd && span.end > tokenStart);
      if (!covered) return token;
    }
    pieceStart = index + 1;
  }
  return null;
}

/** A unit a cell prints beside its number (万元, 件, 个, 人, 条, 次, 元). */
const UNIT = /^[万元件个人条次项篇期]{1,2}$/u;
/** The same unit printed at a number's end. */
const UNIT_SUFFIX = /(?<=[0-9０-９OoIlＯＩｌ])[万元件个人条次项篇期]{1,2}$/u;

/** How many lines with text, above and below a blank's line, may hold its wrapped cell's number. */
const NEIGHBOUR_LINES = 2;

/**
 * A number-like piece on the lines with text just above or below `line` (NEIGHBOUR_LINES each way) that no cell read,
 * if any: only on a line that holds nothing but numbers and units (a wrapped cell's top or bottom), not prose that
 * states a number nor another row's label and values, nor a page number alone.
 */
function unreadPieceNextTo(text: string, lineStarts: readonly number[], line: number, readSpans: readonly { start: number; end: number }[]): string | null {
  for (const step of [-1, 1]) {
    let seen = 0;
    for (let neighbour = line + step; neighbour >= 0 && neighbour < lineStarts.length && seen < NEIGHBOUR_LINES; neighbour += step) {
      const start = lineStarts[neighbour]!;
      const end = lineStarts[neighbour + 1] ?? text.length;
      const content = text.slice(start, end);
      const pieces = [...content.matchAll(/\S+/gu)];
      if (pieces.length === 0) continue;
      seen++;
      // Cells drawn apart by tabs, pipes or tags are rows of their own: a number there is a row's, read or not.
      if (CELL_SEPARATOR.test(content)) continue;
      // A number may carry the unit its cell prints with it, cut by the wrap ("０万" / "元").
      const numbers = pieces.map((piece) => ({ text: piece[0].replace(UNIT_SUFFIX, ''), index: piece.index }));
      if (!numbers.every((number, index) => NUMBER_LIKE.test(number.text) || UNIT.test(pieces[index]![0]))) continue;
      // A whole number alone on its line is how a page number prints at a page's foot.
      if (pieces.length === 1 && /^[0-9０-９]+$/u.test(pieces[0]![0])) continue;
      for (const number of numbers) {
        if (!NUMBER_LIKE.test(number.text)) continue;
        const tokenStart = start + number.index;
        const tokenEnd = tokenStart + number.text.length;
        if (!readSpans.some((span) => span.start < tokenEnd && span.end > tokenStart)) return number.text;
      }
    }
  }
  return null;
}
