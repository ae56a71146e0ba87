import type { FormCell, FormTable, PrintedForm } from './PrintedForm.ts';
import { displayWidth, putAt, rowGroups, wrapText, type Rendered, type RenderedLine } from './Rendered.ts';

/** How `pdftotext -layout` places a table's cells. */
export interface PageOptions {
  /** Widest a label column gets (display columns); longer labels wrap inside the cell. */
  readonly labelWidth: number;
  /** Numbers right-aligned in their cell or centred. */
  readonly values: 'right' | 'center';
  /** A wrapped row prints its numbers on its first line or its last. */
  readonly valuesOn: 'first' | 'last';
  /** Prose wrapped at this width. */
  readonly pageWidth: number;
  /**
   * Most digits a number cell prints on a line (narrow cells at a large type): a longer count wraps inside its
   * cell, its pieces stacked over the lines around the row's middle line, where its one-line cells stand.
   */
  readonly valueDigits?: number;
}

/** A cell placed on the table's grid. */
interface Placed {
  readonly cell: FormCell;
  readonly column: number;
  readonly span: number;
}

/** Grid columns of every cell, HTML-style: a rowspan from above occupies its columns in the rows below. */
function placeCells(table: FormTable): Placed[][] {
  const occupied: number[] = [];
  return table.rows.map((row) => {
    let column = 0;
    const placed: Placed[] = [];
    for (const cell of row.cells) {
      while ((occupied[column] ?? 0) > 0) column++;
      const span = cell.colspan ?? 1;
      placed.push({ cell, column, span });
      for (let index = column; index < column + span; index++) occupied[index] = Math.max(occupied[index] ?? 0, cell.rowspan ?? 1);
      column += span;
    }
    for (let index = 0; index < occupied.length; index++) if ((occupied[index] ?? 0) > 0) occupied[index]!--;
    return placed;
  });
}

/**
 * PDF text as `pdftotext -layout` gives it: each table row on one line (more when a cell wraps), every cell at
 * its display position (CJK two columns wide), headers centred, numbers aligned, blank cells only a wider gap.
 */
export function pageLayout(form: PrintedForm, options: PageOptions): Rendered {
  const lines: RenderedLine[] = [];
  for (const block of form.blocks) {
    if (block.kind !== 'table') {
      const indent = block.kind === 'paragraph' ? '    ' : block.kind === 'title' ? ' '.repeat(10) : '';
      lines.push(...wrapText(block.text, options.pageWidth).map((text, index) => ({ text: `${index === 0 ? indent : ''}${text}`, breakable: true })), { text: '', breakable: true });
      continue;
    }
    lines.push(...rowGroups(tableLines(block.table, options)), { text: '', breakable: true });
  }
  return { kind: 'lines', lines };
}

function tableLines(table: FormTable, options: PageOptions): RenderedLine[][] {
  const placed = placeCells(table);
  const columns = Math.max(...placed.flat().map((item) => item.column + item.span));
  const widths = Array.from({ length: columns }, () => 6);
  const cap = (cell: FormCell) => (cell.role === 'value' ? options.valueDigits ?? 1000 : cell.role === 'label' ? options.labelWidth : 14);
  for (const item of placed.flat().filter((entry) => entry.span === 1)) {
    widths[item.column] = Math.max(widths[item.column]!, Math.min(cap(item.cell), displayWidth(item.cell.text)) + 2);
  }
  for (const item of placed.flat().filter((entry) => entry.span > 1)) {
    const have = widths.slice(item.column, item.column + item.span).reduce((sum, width) => sum + width, 0);
    const need = Math.min(cap(item.cell), displayWidth(item.cell.text)) + 2;
    if (need > have) widths[item.column + item.span - 1]! += need - have;
  }
  const x = widths.map((_, index) => widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const lines: RenderedLine[][] = [];
  table.rows.forEach((row, rowIndex) => {
    const cells = placed[rowIndex]!.map((item) => {
      const width = widths.slice(item.column, item.column + item.span).reduce((sum, value) => sum + value, 0);
      const pieces = item.cell.text === '' ? [] : item.cell.role === 'value' ? valuePieces(item.cell.text, options.valueDigits) : wrapText(item.cell.text, width - 2);
      return { item, width, pieces };
    });
    const labelHeight = Math.max(1, ...cells.filter((entry) => entry.item.cell.role !== 'value').map((entry) => entry.pieces.length));
    // A number wrapped in k pieces: the row's one-line cells on the middle line, the pieces around it (the middle
    // one on it when k is odd), the labels centred on it too.
    const stacked = Math.max(1, ...cells.filter((entry) => entry.item.cell.role === 'value').map((entry) => entry.pieces.length));
    const height = stacked > 1 ? Math.max(labelHeight, stacked % 2 === 1 ? stacked : stacked + 1) : labelHeight;
    const middle = Math.floor(height / 2);
    const texts = Array.from({ length: height }, () => '');
    for (const { item, width, pieces } of cells) {
      const start = x[item.column]!;
      pieces.forEach((piece, pieceIndex) => {
        const lineIndex = stacked > 1
          ? item.cell.role === 'value' ? stackedLine(pieceIndex, pieces.length, middle) : Math.min(height - pieces.length, Math.max(0, middle - Math.floor((pieces.length - 1) / 2))) + pieceIndex
          : item.cell.role === 'value' ? (options.valuesOn === 'first' ? 0 : height - 1) : pieceIndex;
        const pieceWidth = displayWidth(piece);
        const at = item.cell.role === 'label'
          ? start + 1
          : item.cell.role === 'value' && options.values === 'right'
            ? start + width - 1 - pieceWidth
            : start + Math.max(0, Math.floor((width - pieceWidth) / 2));
        texts[lineIndex] = putAt(texts[lineIndex]!, at, piece);
      });
    }
    lines.push(texts.map((text) => ({ text: text.trimEnd(), table: table.id, ...(row.header ? { header: true } : {}) })));
  });
  return lines;
}

/** A number cell's lines: whole, or a count longer than `digits` cut into pieces of `digits`. */
function valuePieces(text: string, digits: number | undefined): string[] {
  if (digits === undefined || text.length <= digits || !/^\d+$/u.test(text)) return [text];
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += digits) pieces.push(text.slice(index, index + digits));
  return pieces;
}

/** The line of piece `index` of `count` stacked around the middle line (skipping it when the count is even). */
function stackedLine(index: number, count: number, middle: number): number {
  if (count === 1) return middle;
  if (count % 2 === 1) return middle - (count - 1) / 2 + index;
  const half = count / 2;
  return index < half ? middle - half + index : middle + 1 + index - half;
}
