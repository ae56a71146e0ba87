import type { CellReading } from '../parse/ParseResult.ts';

/** A piece of a table row that looks like a number, OCR letters included (I, l, O, o, full-width digits). */
const NUMBER_LIKE = /^[+\-＋－]?[0-9０-９OoIlＯＩｌ]+(?:[.．][0-9０-９OoIlＯＩｌ]+)?$/u;
/** What separates the cells of a row: tabs and pipes in text, tags in HTML ("…</td><td>lO</td>…"). */
const CELL_SEPARATOR = /[\t|<>]/u;

/**
 * Blank cells that are doubtful: their row (the text line their empty span sits on, or the HTML table row) holds a
 * number-like piece, cut out by tabs, pipes or tags, that no cell read. That is how an unrepaired OCR letter ("I" for 1) or a shifted
 * cell shows; no rule can catch it, since a blank never confirms or contradicts anything. Returns the doubtful
 * field ids with the piece found.
 */
export function findDoubtfulBlanks(decodedText: string, cells: ReadonlyMap<string, CellReading>): Map<string, string> {
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
