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
  fillBlankCells(lines);
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
 * label cells they overlap horizontally, in reading order (see mergeInto).
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
    if (mergeInto(row, line)) absorbed.add(index);
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

/**
 * Adds a wrapped label line's chunks to the row's label cells they overlap; a chunk overlapping none becomes a
 * cell of its own when it lies right of all the row's labels (an inner label column whose text wraps around a
 * row that carries an outer rowspan label, or a lone figure whose label and unit wrap around it). Returns
 * false, changing nothing, when a chunk fits neither way: text beside the table (a page footer, the heading
 * of a rowspan group in an outer column) is not a wrapped label.
 */
function mergeInto(row: Line, line: Line): boolean {
  const labels = row.chunks.filter((cell) => !VALUE_CELL.test(chunkText(cell)));
  const labelsEnd = Math.max(-Infinity, ...labels.map((cell) => cell.x1));
  const targets = line.chunks.map((chunk) => labels.find((cell) => cell.x0 < chunk.x1 && chunk.x0 < cell.x1));
  if (line.chunks.some((chunk, index) => targets[index] === undefined && chunk.x0 < labelsEnd)) return false;
  line.chunks.forEach((chunk, index) => {
    const target = targets[index];
    if (!target) {
      row.chunks.push(chunk);
      row.chunks.sort((a, b) => a.x0 - b.x0);
      return;
    }
    target.pieces.push(...chunk.pieces);
    target.pieces.sort((a, b) => a.base - b.base);
    target.x0 = Math.min(target.x0, chunk.x0);
    target.x1 = Math.max(target.x1, chunk.x1);
    target.top = Math.min(target.top, chunk.top);
    target.bottom = Math.max(target.bottom, chunk.bottom);
  });
  return true;
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

/** A column of figures as its header prints it: the header cell's horizontal extent. */
interface Column {
  readonly x0: number;
  readonly x1: number;
}

/** Header lines are looked for this far above a table's first row (lines). */
const HEADER_LINES = 12;
/** A vertical gap wider than this many font sizes ends a table's header upwards. */
const HEADER_GAP = 5;

/**
 * Puts an empty cell where a row leaves a column of figures blank. A PDF prints nothing for a blank cell, so
 * without this "0 _ 3" would read as "0 3" and every figure after the blank would shift left. The columns are
 * the table's header cells over the figures (the narrowest ones: "结果维持" under "行政复议" under …), found above
 * a table's first row and kept for its following rows, also on the next page. A row is changed only when each
 * of its figures falls in a different column unambiguously; otherwise it is left as printed.
 */
function fillBlankCells(lines: Line[]): void {
  const tableOf = new Map<number, Column[]>();
  let columns: Column[] | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const firstValue = firstValueIndex(line);
    if (firstValue < 0) continue;
    const labelEnd = firstValue > 0 ? line.chunks[firstValue - 1]!.x1 : -Infinity;
    const found = headerColumns(lines, index, labelEnd);
    if (found !== null) columns = found;
    if (columns) tableOf.set(index, columns);
  }
  // In a table whose rows all start with a label, a header column left of every figure heads the labels
  // ("信息内容"), not figures. (Rows without labels, like 四's single row of figures, tell nothing.)
  const firstUsed = new Map<Column[], number>();
  const unlabelled = new Set<Column[]>();
  for (const [index, table] of tableOf) if (firstValueIndex(lines[index]!) === 0) unlabelled.add(table);
  for (const [index, table] of tableOf) {
    if (unlabelled.has(table)) continue;
    const line = lines[index]!;
    const centres = table.map((column) => (column.x0 + column.x1) / 2);
    for (const value of line.chunks.slice(firstValueIndex(line))) {
      const centre = (value.x0 + value.x1) / 2;
      const nearest = centres.reduce((best, other, column) => (Math.abs(other - centre) < Math.abs(centres[best]! - centre) ? column : best), 0);
      firstUsed.set(table, Math.min(firstUsed.get(table) ?? nearest, nearest));
    }
  }
  for (const [index, table] of tableOf) {
    const line = lines[index]!;
    const firstValue = firstValueIndex(line);
    const values = line.chunks.slice(firstValue);
    if (values.some((chunk) => !VALUE_CELL.test(chunkText(chunk)))) continue;
    const inColumns = table.slice(firstUsed.get(table) ?? 0);
    if (values.length >= inColumns.length) continue;
    const placed = placeInColumns(values, inColumns);
    if (!placed) continue;
    line.chunks = [
      ...line.chunks.slice(0, firstValue),
      ...placed.map((chunk, column) => chunk ?? emptyCell(inColumns[column]!, line)),
    ];
  }
}

function firstValueIndex(line: Line): number {
  return line.chunks.findIndex((chunk) => VALUE_CELL.test(chunkText(chunk)));
}

/**
 * The columns of figures named by the header lines right above a row: null when the row continues a table
 * (a row of figures right above it), undefined when there is no header (fewer than two header cells).
 */
function headerColumns(lines: readonly Line[], index: number, labelEnd: number): Column[] | null | undefined {
  const row = lines[index]!;
  const cells: Chunk[] = [];
  let below = row;
  for (let other = index - 1; other >= 0 && index - other <= HEADER_LINES; other--) {
    const line = lines[other]!;
    if (line.chunks.some((chunk) => VALUE_CELL.test(chunkText(chunk)))) {
      if (cells.length === 0) return null;
      break;
    }
    // Across a page break the distance means nothing: a header at a page's foot heads the next page's rows.
    if (line.page === below.page && below.base - line.base > HEADER_GAP * Math.max(line.size, below.size)) break;
    cells.push(...line.chunks.filter((chunk) => (chunk.x0 + chunk.x1) / 2 > labelEnd));
    below = line;
  }
  // The narrowest header cells that do not overlap: spanning headers ("行政诉讼" over ten columns) give way.
  const columns: Column[] = [];
  for (const cell of [...cells].sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0))) {
    if (columns.some((column) => column.x0 < cell.x1 && cell.x0 < column.x1)) continue;
    columns.push({ x0: cell.x0, x1: cell.x1 });
  }
  return columns.length >= 2 ? columns.sort((a, b) => a.x0 - b.x0) : undefined;
}

/**
 * Each figure in the column whose centre is nearest its own centre, when that column is nearer than half the
 * distance to the next one and no two figures share a column; undefined when the placement is not certain.
 */
function placeInColumns(values: readonly Chunk[], columns: readonly Column[]): (Chunk | undefined)[] | undefined {
  const centres = columns.map((column) => (column.x0 + column.x1) / 2);
  const placed: (Chunk | undefined)[] = columns.map(() => undefined);
  let previous = -1;
  for (const value of values) {
    const centre = (value.x0 + value.x1) / 2;
    let best = 0;
    for (let column = 1; column < centres.length; column++) if (Math.abs(centres[column]! - centre) < Math.abs(centres[best]! - centre)) best = column;
    const spacing = Math.min(...[centres[best - 1], centres[best + 1]].filter((other): other is number => other !== undefined).map((other) => Math.abs(other - centres[best]!)));
    if (Math.abs(centres[best]! - centre) >= spacing / 2 || best <= previous) return undefined;
    placed[best] = value;
    previous = best;
  }
  return placed;
}

/** An empty cell at a column of a row: no text, the column's width, the row's height (a visible highlight). */
function emptyCell(column: Column, line: Line): Chunk {
  const top = Math.min(...line.chunks.map((chunk) => chunk.top));
  const bottom = Math.max(...line.chunks.map((chunk) => chunk.bottom));
  return { pieces: [{ base: line.base, text: '' }], x0: column.x0, x1: column.x1, top, bottom, size: line.size };
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
