import type { PageBox, PdfPageText, TextPlacement } from './PdfPageText.ts';

/** The text rebuilt from a PDF's text layer, and where each cell of it was printed. */
export interface PdfLayout {
  /** One line per printed line (a table row is one line, its cells separated by tabs); pages in order. */
  readonly text: string;
  /** Every cell (tab-separated piece) of `text` with its page and box, in text order. */
  readonly placements: readonly TextPlacement[];
}

/** A run of text on one line whose pieces touch: a cell of a table, or a line of prose. */
interface Chunk {
  /** Pieces of the chunk's text with the baseline they were printed on (wrapped labels have several). */
  pieces: { readonly base: number; readonly text: string }[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  readonly size: number;
}

/** Chunks printed on one baseline of one page. */
interface Line {
  readonly page: number;
  readonly base: number;
  readonly size: number;
  chunks: Chunk[];
}

/** Items whose baselines differ by less than this share of the smaller font size are on one line. */
const SAME_LINE = 0.4;
/**
 * A horizontal gap wider than this share of the font size separates two cells of text. Measured: prose runs
 * touch or are a space apart (≤ 0.28 em in the real reports), table cells are at least the cell padding apart
 * (≥ 1.2 em in the Word-made reports, 0.64 em in Chromium prints of tight tables).
 */
const CELL_GAP = 0.45;
/** Between two numbers a smaller gap already separates cells (narrow columns of figures). */
const NUMBER_GAP = 0.3;
/** Control characters some PDF fonts map glyphs to (NUL, …): never text. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/gu;
/** A label line this close (in font sizes) to a row of figures is a wrapped part of that row's labels. */
const WRAP_DISTANCE = 1.6;
/** Footers and headers live in this share of the page height at its bottom or top. */
const MARGIN_SHARE = 0.1;

/** A cell as printed: figures, or the marks tables print for "none" (/, —, -). */
const VALUE_CELL = /^(?:[-+−]?\d[\d,，]*(?:\.\d+)?%?|[/／—–\-－]+)$/u;
/** Page numbers as printed in footers: "- 3 -", "—3—", "3", "第3页", "第 3 页 共 6 页", "3/6". */
const PAGE_NUMBER = /^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页)$/u;

/**
 * Rebuilds the printed text of a PDF from its text items: items on one baseline form a line, a wide gap
 * between items separates cells (written tab-separated, the way the engine reads table rows best), a label
 * that wraps over several lines beside a row of figures is joined into that row's label cell, and page
 * numbers in the page margins are dropped, so a table continued on the next page reads on without a break.
 * Pure: positions in, text and placements out.
 */
export function layoutPdfPages(pages: readonly PdfPageText[]): PdfLayout {
  const lines: Line[] = [];
  for (const page of pages) lines.push(...joinWrappedLabels(withoutPageNumbers(pageLines(page), page)));
  return writeLines(lines);
}

/** The page's items as lines of chunks, top to bottom (coordinates measured from the page's top-left corner). */
function pageLines(page: PdfPageText): Line[] {
  const items = page.items
    .map((item) => ({
      text: item.text.replace(CONTROL_CHARACTERS, '').trim(),
      x0: item.x - page.left,
      x1: item.x - page.left + Math.max(item.width, 0),
      base: page.top - item.baseline,
      size: item.size > 0 ? item.size : 10,
    }))
    .filter((item) => item.text !== '')
    .sort((a, b) => a.base - b.base || a.x0 - b.x0);

  const groups: (typeof items)[] = [];
  for (const item of items) {
    const current = groups.at(-1);
    const first = current?.[0];
    if (current && first && Math.abs(item.base - first.base) <= SAME_LINE * Math.min(item.size, first.size)) current.push(item);
    else groups.push([item]);
  }

  return groups.map((group) => {
    group.sort((a, b) => a.x0 - b.x0);
    const chunks: Chunk[] = [];
    for (const item of group) {
      const previous = chunks.at(-1);
      const top = item.base - item.size * 0.85;
      const bottom = item.base + item.size * 0.2;
      if (previous && !separates(previous, item)) {
        previous.pieces[0] = { base: previous.pieces[0]!.base, text: previous.pieces[0]!.text + item.text };
        previous.x1 = Math.max(previous.x1, item.x1);
        previous.top = Math.min(previous.top, top);
        previous.bottom = Math.max(previous.bottom, bottom);
        continue;
      }
      chunks.push({ pieces: [{ base: item.base, text: item.text }], x0: item.x0, x1: item.x1, top, bottom, size: item.size });
    }
    const base = group[0]!.base;
    const size = Math.min(...group.map((item) => item.size));
    return { page: page.number, base, size, chunks };
  });
}

/** True when the gap between a chunk and the next item on its line makes them two cells. */
function separates(chunk: Chunk, item: { readonly text: string; readonly x0: number; readonly size: number }): boolean {
  const gap = item.x0 - chunk.x1;
  const size = Math.min(chunk.size, item.size);
  if (VALUE_CELL.test(chunkText(chunk)) && VALUE_CELL.test(item.text)) return gap > NUMBER_GAP * size;
  return gap > CELL_GAP * size;
}

/**
 * Joins label lines into the row of figures they belong to: a line with no figures, close above or below a
 * row that has figures and lying entirely left of that row's first figure, is a wrapped part of the row's
 * labels (a long label set over two or three lines, vertically centred on its row). Its chunks join the
 * label cell they overlap horizontally, in reading order; a chunk overlapping none becomes a cell of its own.
 */
function joinWrappedLabels(lines: Line[]): Line[] {
  const isValueRow = lines.map((line) => firstValueX(line) !== undefined);
  const absorbed = new Set<number>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (isValueRow[index] || line.chunks.length === 0) continue;
    const target = nearestValueRow(lines, isValueRow, index);
    if (target === undefined) continue;
    const row = lines[target]!;
    const limit = firstValueX(row)!;
    if (line.chunks.some((chunk) => chunk.x1 > limit + 1)) continue;
    for (const chunk of line.chunks) mergeInto(row, chunk);
    absorbed.add(index);
  }
  return lines.filter((_, index) => !absorbed.has(index));
}

/** The nearer value row above or below (within WRAP_DISTANCE font sizes), if any. */
function nearestValueRow(lines: readonly Line[], isValueRow: readonly boolean[], index: number): number | undefined {
  const line = lines[index]!;
  let best: number | undefined;
  let bestDistance = Infinity;
  for (const step of [-1, 1]) {
    for (let other = index + step; other >= 0 && other < lines.length; other += step) {
      const distance = Math.abs(lines[other]!.base - line.base);
      if (distance > WRAP_DISTANCE * Math.max(line.size, lines[other]!.size)) break;
      if (!isValueRow[other]) continue;
      if (distance < bestDistance) {
        best = other;
        bestDistance = distance;
      }
      break;
    }
  }
  return best;
}

/** Adds a wrapped label chunk to the row's label cell it overlaps, or as a new cell in x order. */
function mergeInto(row: Line, chunk: Chunk): void {
  const overlapping = row.chunks.find((cell) => !VALUE_CELL.test(chunkText(cell)) && cell.x0 < chunk.x1 && chunk.x0 < cell.x1);
  if (overlapping) {
    overlapping.pieces.push(...chunk.pieces);
    overlapping.pieces.sort((a, b) => a.base - b.base);
    overlapping.x0 = Math.min(overlapping.x0, chunk.x0);
    overlapping.x1 = Math.max(overlapping.x1, chunk.x1);
    overlapping.top = Math.min(overlapping.top, chunk.top);
    overlapping.bottom = Math.max(overlapping.bottom, chunk.bottom);
    return;
  }
  row.chunks.push(chunk);
  row.chunks.sort((a, b) => a.x0 - b.x0);
}

/**
 * The left edge of the line's first figure, when the line is a row of figures. A line holding nothing but one
 * figure counts too: it is the value of a row whose label and unit wrap above and below it.
 */
function firstValueX(line: Line): number | undefined {
  const values = line.chunks.filter((chunk) => VALUE_CELL.test(chunkText(chunk)));
  if (values.length === 0) return undefined;
  return Math.min(...values.map((chunk) => chunk.x0));
}

/** Drops lines that are only a page number and sit in the page's top or bottom margin. */
function withoutPageNumbers(lines: readonly Line[], page: PdfPageText): Line[] {
  const margin = page.height * MARGIN_SHARE;
  return lines.filter((line) => {
    if (line.base > margin && line.base < page.height - margin) return true;
    return !PAGE_NUMBER.test(line.chunks.map(chunkText).join(' ').trim());
  });
}

function chunkText(chunk: Chunk): string {
  return chunk.pieces.map((piece) => piece.text).join('');
}

/** Writes the lines as text, one line each with tab-separated cells, recording every cell's placement. */
function writeLines(lines: readonly Line[]): PdfLayout {
  let text = '';
  const placements: TextPlacement[] = [];
  for (const line of lines) {
    line.chunks.forEach((chunk, index) => {
      if (index > 0) text += '\t';
      const start = text.length;
      text += chunkText(chunk);
      placements.push({ start, end: text.length, page: line.page, box: boxOf(chunk) });
    });
    text += '\n';
  }
  return { text, placements };
}

function boxOf(chunk: Chunk): PageBox {
  const round = (value: number) => Math.round(value * 10) / 10;
  return { x: round(chunk.x0), y: round(chunk.top), width: round(chunk.x1 - chunk.x0), height: round(chunk.bottom - chunk.top) };
}
