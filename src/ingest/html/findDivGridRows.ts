import type { HtmlElement } from './parseHtml.ts';

/** Elements a site builds a CSS table's rows of. */
const ROW_ELEMENTS = new Set(['div', 'li', 'section']);
/** Elements a CSS table's cells are built of (blocks: each would start a line of its own). */
const CELL_ELEMENTS = new Set(['div', 'p', 'li', 'section', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'address']);
/** Elements that hold page structure: a cell holding two of them side by side is a page's layout, not a cell. */
const CONTAINERS = new Set(['div', 'li', 'section', 'ul', 'ol', 'dl', 'article', 'table', 'aside', 'main', 'nav']);
/** A cell holding more text than this is page layout, not a table cell (as for a <table>). */
const MAX_CELL_TEXT = 400;
/** A grid has at least this many rows of its most common cell count. */
const MIN_ROWS = 3;
/**
 * The median length of a grid's filled cells is at most this: a form's cells are labels, units and numbers, while
 * divs of paragraphs side by side hold sentences.
 */
const MAX_MEDIAN_CELL_TEXT = 40;

/**
 * The children of `parent` that are rows of a table built of block elements (a site's CSS table: `<div class="tr">`
 * rows of `<div class="td">` cells, a flex row, a list item of cells), to be rendered as table rows: one line each,
 * cells apart. Rendered as blocks, such a table puts every cell on a line of its own and a blank cell is an empty line
 * nobody can place. A row is a row, element or section whose content is two or more block cells and no loose text; a
 * cell holds short text and no page structure (no table, no two containers side by side). The parent holds a grid when
 * at least three of its rows share their count of cells and its filled cells are short, as a form's are; otherwise
 * nothing (paragraph divs, page columns).
 */
export function findDivGridRows(parent: HtmlElement, source: string): ReadonlyMap<HtmlElement, readonly HtmlElement[]> {
  const rows: { row: HtmlElement; cells: HtmlElement[] }[] = [];
  let elementChildren = 0;
  for (const child of parent.children) {
    if (child.kind !== 'element') continue;
    elementChildren++;
    const cells = rowCells(child, source);
    if (cells) rows.push({ row: child, cells });
  }
  if (elementChildren < MIN_ROWS || rows.length < MIN_ROWS) return EMPTY;
  const byCount = new Map<number, number>();
  for (const { cells } of rows) byCount.set(cells.length, (byCount.get(cells.length) ?? 0) + 1);
  if (Math.max(...byCount.values()) < MIN_ROWS) return EMPTY;
  const lengths = rows.flatMap(({ cells }) => cells.map((cell) => textLength(cell, source))).filter((length) => length > 0).sort((a, b) => a - b);
  if (lengths.length === 0 || lengths[Math.floor(lengths.length / 2)]! > MAX_MEDIAN_CELL_TEXT) return EMPTY;
  return new Map(rows.map(({ row, cells }) => [row, cells]));
}

/** The cells of `element` when it is a row of block cells (see findDivGridRows), else undefined. */
function rowCells(element: HtmlElement, source: string): HtmlElement[] | undefined {
  if (!ROW_ELEMENTS.has(element.name)) return undefined;
  const cells: HtmlElement[] = [];
  for (const child of element.children) {
    if (child.kind === 'text') {
      if (!isBlank(source, child.start, child.end)) return undefined;
    } else if (CELL_ELEMENTS.has(child.name) && isCell(child)) {
      cells.push(child);
    } else {
      return undefined;
    }
  }
  return cells.length >= 2 ? cells : undefined;
}

const EMPTY: ReadonlyMap<HtmlElement, readonly HtmlElement[]> = new Map();

/** Short text and no page structure inside. */
function isCell(cell: HtmlElement): boolean {
  let text = 0;
  const visit = (element: HtmlElement): boolean => {
    let containers = 0;
    for (const child of element.children) {
      if (child.kind === 'text') {
        text += child.end - child.start;
        if (text > MAX_CELL_TEXT) return false;
        continue;
      }
      if (child.name === 'table') return false;
      if (CONTAINERS.has(child.name) && ++containers >= 2) return false;
      if (!visit(child)) return false;
    }
    return true;
  };
  return visit(cell);
}

/** Characters of text in the element other than whitespace and &nbsp; (other entities counted as written). */
function textLength(element: HtmlElement, source: string): number {
  let length = 0;
  for (const child of element.children) {
    if (child.kind === 'element') {
      length += textLength(child, source);
      continue;
    }
    for (let index = child.start; index < child.end; index++) {
      if (source.startsWith(NBSP, index)) index += NBSP.length - 1;
      else if (!isSpace(source.charCodeAt(index))) length++;
    }
  }
  return length;
}

const NBSP = '&nbsp;';

function isBlank(source: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (!isSpace(source.charCodeAt(index))) return false;
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13 || code === 0xa0;
}
