import { MappedText, MappedTextBuilder } from '../../text/MappedText.ts';
import { decodeHtmlEntity } from './decodeHtmlEntity.ts';
import { parseHtml, type HtmlElement, type HtmlNode } from './parseHtml.ts';
import { findDivGridRows } from './findDivGridRows.ts';

/** Elements whose content is never part of the report: code, styling, page chrome, embedded objects. */
const DROPPED = new Set(['script', 'style', 'head', 'nav', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'textarea', 'select', 'button', 'noembed', 'noframes', 'map', 'math']);
/** Page chrome, dropped unless inside an article or main (where a <header> holds the report's own title). */
const PAGE_CHROME = new Set(['header', 'footer']);
const CONTENT_ROOTS = new Set(['article', 'main']);
/** Elements that start and end a line. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend',
  'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul',
]);
const CELLS = new Set(['td', 'th']);
const TABLE_SECTIONS = new Set(['tbody', 'thead', 'tfoot']);
/** Upper bounds on spans, against pages that write colspan="1000". */
const MAX_COLSPAN = 64;
const MAX_ROWSPAN = 1000;
/** A cell holding more text than this is page layout, not a table cell. */
const MAX_CELL_TEXT = 400;

/**
 * Renders HTML (`view.text` is the markup) as plain text mapped to the markup: script, style, head,
 * navigation and comments dropped; entities decoded (&nbsp; as a space); block elements and <br> become line
 * breaks; each table row becomes exactly one line with its cells separated by tabs, a colspan cell followed
 * by colspan-1 empty cells and a rowspan cell leaving an empty cell at its column in the rows below, so
 * columns stay aligned; the text inside a cell has its whitespace collapsed to single spaces. Tables used
 * for page layout (holding other tables, one cell, or long text) are rendered as blocks instead.
 */
export function renderHtml(view: MappedText): MappedText {
  const root = parseHtml(view.text);
  const writer = new RenderWriter(view);
  renderChildren(root, writer, false);
  return writer.build();
}

/**
 * Writes rendered text, collapsing whitespace: a space is only written before more text on the same line
 * (or in the same cell), never at a line's or a cell's start or end.
 */
class RenderWriter {
  private readonly builder: MappedTextBuilder;
  private readonly source: string;
  private pendingSpaceAt = -1;
  private atLineStart = true;
  /** Inside a table cell: line breaks become spaces. */
  inCell = false;
  /** Inside <pre>: whitespace kept as it is. */
  preformatted = false;
  /** A block ended and nothing was written since. */
  private blockJustEnded = false;

  constructor(view: MappedText) {
    this.builder = new MappedTextBuilder(view);
    this.source = view.text;
  }

  /**
   * Writes the character data source[start, end), decoding entities and collapsing whitespace; with
   * `keepLineBreaks`, its line breaks stay line breaks.
   */
  text(start: number, end: number, keepLineBreaks = false): void {
    const source = this.source;
    let runStart = start;
    for (let index = start; index < end; index++) {
      const code = source.charCodeAt(index);
      if (code === 38 /* & */) {
        const entity = decodeHtmlEntity(source, index);
        if (!entity) continue;
        this.copy(runStart, index);
        this.replacement(index, index + entity.length, entity.text);
        index += entity.length - 1;
        runStart = index + 1;
      } else if (code === 32 || code === 9 || code === 10 || code === 12 || code === 13 || code === 0xa0) {
        if (this.preformatted && code !== 0xa0) continue;
        this.copy(runStart, index);
        if (code === 10 && keepLineBreaks) {
          // the line break that follows a block's end tag in the source is the one the block already wrote
          if (this.blockJustEnded) this.blockJustEnded = false;
          else this.lineBreak(index);
        }
        else if (code === 0xa0 && !this.inCell) this.replacement(index, index + 1, ' ');
        else this.space(index);
        runStart = index + 1;
      }
    }
    this.copy(runStart, end);
  }

  /** A collapsible space at source offset `at`. */
  space(at: number): void {
    if (!this.atLineStart && this.pendingSpaceAt < 0) this.pendingSpaceAt = at;
  }

  /** A line break (in a cell: a space). */
  lineBreak(at: number): void {
    if (this.inCell) return this.space(at);
    this.pendingSpaceAt = -1;
    this.builder.insert(at, '\n');
    this.atLineStart = true;
  }

  /** A line break unless the output is already at the start of a line. */
  endLine(at: number): void {
    if (!this.atLineStart) this.lineBreak(at);
    else this.pendingSpaceAt = -1;
    this.blockJustEnded = true;
  }

  /** Starts a table cell: a tab unless it is the row's first cell. */
  startCell(at: number, first: boolean): void {
    this.pendingSpaceAt = -1;
    if (!first) this.builder.insert(at, '\t');
    this.atLineStart = true; // no leading space in a cell
  }

  /** Ends a table cell, dropping trailing space. */
  endCell(): void {
    this.pendingSpaceAt = -1;
    this.atLineStart = false;
  }

  build(): MappedText {
    return this.builder.build();
  }

  /** The markup being rendered. */
  get sourceText(): string {
    return this.source;
  }

  private copy(start: number, end: number): void {
    if (end <= start) return;
    this.blockJustEnded = false;
    this.flushSpace();
    this.builder.copy(start, end);
    this.atLineStart = false;
  }

  private replacement(start: number, end: number, text: string): void {
    if (text.length === 0) return;
    if (text === ' ' && this.inCell) return this.space(start);
    this.blockJustEnded = false;
    this.flushSpace();
    this.builder.replace(start, end, text);
    this.atLineStart = false;
  }

  private flushSpace(): void {
    if (this.pendingSpaceAt < 0) return;
    this.builder.insert(this.pendingSpaceAt, ' ');
    this.pendingSpaceAt = -1;
  }
}

/** Parents whose loose text is not HTML prose but text around markup (markdown with an HTML table in it). */
const TOP_LEVEL = new Set(['#document', 'html', 'body']);

function renderChildren(parent: HtmlElement, writer: RenderWriter, insideContent: boolean): void {
  const topLevel = TOP_LEVEL.has(parent.name);
  // A table built of divs (a site's CSS table) is rendered as a table: a line a row, its cells apart.
  const gridRows = writer.inCell || writer.preformatted ? undefined : findDivGridRows(parent, writer.sourceText);
  for (const child of parent.children) {
    const cells = child.kind === 'element' ? gridRows?.get(child) : undefined;
    if (cells) renderGridRow(child as HtmlElement, cells, writer, insideContent);
    else if (child.kind === 'text' && topLevel) writer.text(child.start, child.end, hasVisibleText(writer, child.start, child.end));
    else renderNode(child, writer, insideContent);
  }
}

/** One row of a table built of divs: one line, its cells apart, as a table row without spans. */
function renderGridRow(row: HtmlElement, cells: readonly HtmlElement[], writer: RenderWriter, insideContent: boolean): void {
  writer.endLine(row.start);
  cells.forEach((cell, index) => {
    writer.startCell(cell.start, index === 0);
    writer.inCell = true;
    renderChildren(cell, writer, insideContent);
    writer.inCell = false;
    writer.endCell();
  });
  writer.lineBreak(row.end);
}

function hasVisibleText(writer: RenderWriter, start: number, end: number): boolean {
  const source = writer.sourceText;
  for (let index = start; index < end; index++) {
    const code = source.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) return true;
  }
  return false;
}

function renderNode(node: HtmlNode, writer: RenderWriter, insideContent: boolean): void {
  if (node.kind === 'text') return writer.text(node.start, node.end);
  const name = node.name;
  if (DROPPED.has(name)) return;
  if (PAGE_CHROME.has(name) && !insideContent) return;
  if (name === 'br') return writer.lineBreak(node.start);
  if (name === 'table') return renderTable(node, writer, insideContent);
  const content = insideContent || CONTENT_ROOTS.has(name);
  if (!BLOCKS.has(name)) return renderChildren(node, writer, content);
  writer.endLine(node.start);
  const wasPreformatted = writer.preformatted;
  if (name === 'pre') writer.preformatted = true;
  renderChildren(node, writer, content);
  writer.preformatted = wasPreformatted;
  writer.endLine(node.end);
}

function renderTable(table: HtmlElement, writer: RenderWriter, insideContent: boolean): void {
  if (writer.inCell) {
    // a table inside a data cell: its text joins the cell's
    return renderChildren(table, writer, insideContent);
  }
  const rows = tableRows(table);
  writer.endLine(table.start);
  if (isLayoutTable(rows)) {
    renderChildren(table, writer, insideContent);
    writer.endLine(table.end);
    return;
  }
  for (const caption of table.children) {
    if (caption.kind === 'element' && caption.name === 'caption') renderNode(caption, writer, insideContent);
  }
  let rowspanLeft: number[] = [];
  for (const row of rows) {
    const cells = row.children.filter((child): child is HtmlElement => child.kind === 'element' && CELLS.has(child.name));
    if (cells.length === 0) continue;
    const occupied = rowspanLeft.map((left) => left > 0);
    rowspanLeft = rowspanLeft.map((left) => Math.max(0, left - 1));
    writer.endLine(row.start);
    let column = 0;
    let first = true;
    const emptyCell = (at: number): void => {
      writer.startCell(at, first);
      writer.endCell();
      first = false;
    };
    for (const cell of cells) {
      while (occupied[column]) {
        emptyCell(cell.start);
        column++;
      }
      writer.startCell(cell.start, first);
      first = false;
      writer.inCell = true;
      renderChildren(cell, writer, true);
      writer.inCell = false;
      writer.endCell();
      const colspan = spanAttribute(cell.attributes, 'colspan', MAX_COLSPAN);
      for (let extra = 1; extra < colspan; extra++) emptyCell(cell.end);
      const rowspan = spanAttribute(cell.attributes, 'rowspan', MAX_ROWSPAN);
      if (rowspan > 1) for (let spanned = column; spanned < column + colspan; spanned++) rowspanLeft[spanned] = Math.max(rowspanLeft[spanned] ?? 0, rowspan - 1);
      column += colspan;
    }
    const lastOccupied = occupied.lastIndexOf(true);
    while (column <= lastOccupied) {
      emptyCell(row.end);
      column++;
    }
    writer.lineBreak(row.end);
  }
  writer.endLine(table.end);
}

/** The rows of a table in order, through thead/tbody/tfoot, not descending into nested tables. */
function tableRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  const visit = (parent: HtmlElement): void => {
    for (const child of parent.children) {
      if (child.kind !== 'element') continue;
      if (child.name === 'tr') rows.push(child);
      else if (TABLE_SECTIONS.has(child.name) || child.name === 'form') visit(child);
    }
  };
  visit(table);
  return rows;
}

/** A table for page layout: it holds other tables, has a single cell, or a cell full of running text. */
function isLayoutTable(rows: readonly HtmlElement[]): boolean {
  let cellCount = 0;
  for (const row of rows) {
    for (const cell of row.children) {
      if (cell.kind !== 'element' || !CELLS.has(cell.name)) continue;
      cellCount++;
      if (containsTableOrLongText(cell)) return true;
    }
  }
  return cellCount <= 1;
}

function containsTableOrLongText(cell: HtmlElement): boolean {
  let textLength = 0;
  const visit = (node: HtmlElement): boolean => {
    for (const child of node.children) {
      if (child.kind === 'text') {
        textLength += child.end - child.start;
        if (textLength > MAX_CELL_TEXT) return true;
      } else if (child.name === 'table' || (!DROPPED.has(child.name) && visit(child))) {
        return true;
      }
    }
    return false;
  };
  return visit(cell);
}

const SPAN_ATTRIBUTES = {
  colspan: /(?:^|\s)colspan\s*=\s*["']?\s*(\d+)/i,
  rowspan: /(?:^|\s)rowspan\s*=\s*["']?\s*(\d+)/i,
} as const;

function spanAttribute(attributes: string, name: keyof typeof SPAN_ATTRIBUTES, maximum: number): number {
  const match = SPAN_ATTRIBUTES[name].exec(attributes);
  if (!match) return 1;
  const value = Number.parseInt(match[1]!, 10);
  return value >= 1 ? Math.min(value, maximum) : 1;
}
