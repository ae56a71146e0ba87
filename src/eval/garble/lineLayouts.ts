import type { FormBlock, FormCell, FormRow, FormTable, PrintedForm } from './PrintedForm.ts';
import type { Rendered, RenderedLine } from './Rendered.ts';
import { chance, integer, type Random } from './random.ts';
import { displayWidth, rowGroups, wrapText } from './Rendered.ts';

/**
 * Layouts that print a table one row or one cell per line: tab rows, markdown pipes (and pipes broken one cell
 * per line), one cell per line, and `pdftotext` reading order (cells one per line, long cells wrapped, blank
 * cells printing nothing; section 三 optionally in column order as pdfminer gives it, and a list form's values after
 * all its labels).
 */

/** Titles, headings and paragraphs one per line, a blank line between them. */
function proseLines(block: Exclude<FormBlock, { kind: 'table' }>, wrapWidth?: number): RenderedLine[] {
  const pieces = wrapWidth ? wrapText(block.text, wrapWidth) : [block.text];
  return [...pieces.map((text) => ({ text, breakable: true })), { text: '', breakable: true }];
}

/** Prints the prose and, through `table`, each table as its rows' lines (one group per row). */
function render(form: PrintedForm, table: (table: FormTable) => RenderedLine[][], wrapWidth?: number): Rendered {
  const lines: RenderedLine[] = [];
  for (const block of form.blocks) {
    if (block.kind === 'table') lines.push(...rowGroups(table(block.table)), { text: '', breakable: true });
    else lines.push(...proseLines(block, wrapWidth));
  }
  return { kind: 'lines', lines };
}

const tagged = (table: FormTable, row: FormRow, text: string): RenderedLine => ({ text, table: table.id, ...(row.header ? { header: true } : {}) });

/** What a row prints where a merged group label from an earlier row covers it. */
export type CoveredCells = 'empty' | 'repeat' | 'drop';

function rowTexts(row: FormRow, covered: CoveredCells): string[] {
  const texts = row.cells.map((cell) => cell.text);
  if (!row.coveredBy || covered === 'drop') return texts;
  return [covered === 'repeat' ? row.coveredBy : '', ...texts];
}

/** How a tab layout splits a long label over two lines (PDF text): cut after `width` characters, numbers on the first or the last line. */
export interface LabelSplit {
  readonly width: number;
  readonly valuesOn: 'first' | 'last';
}

/**
 * A spreadsheet saving its rows as text wraps a long label over two lines inside its cell: the cell goes between
 * quotes with the line break in it ("\"一、本年新收\n政府信息公开申请数量\"\t70"). `wrapCells` draws which labels (more than
 * ten characters, one in two) and where they break.
 */
export type CellWrapper = (row: FormRow, texts: readonly string[]) => string[];

/** Wraps labels of more than ten characters as a spreadsheet does, one in two, at a drawn place. */
export function spreadsheetWrapper(next: Random): CellWrapper {
  return (row, texts) => texts.map((text, index) => {
    const cell = row.cells[index - (texts.length - row.cells.length)];
    const characters = [...text];
    if (cell?.role !== 'label' || characters.length <= 10 || !chance(next, 0.5)) return text;
    const at = integer(next, 4, characters.length - 4);
    return `"${characters.slice(0, at).join('').replaceAll('"', '""')}\n${characters.slice(at).join('').replaceAll('"', '""')}"`;
  });
}

/** A row's line as printed: one line, or several where a wrapped cell holds line breaks. */
function rowLines(table: FormTable, row: FormRow, line: string): RenderedLine[] {
  return line.split('\n').map((text) => tagged(table, row, text));
}

/**
 * Tab-separated rows (Word copied into a text box); optionally long labels split over two lines, or wrapped in their
 * cells; with `closingTab`, every line ends in a tab (a web page's cells each followed by one), so that a row with no
 * label opening with a blank cell starts and ends with a tab.
 */
export function tabLayout(form: PrintedForm, covered: CoveredCells, split?: LabelSplit, wrap?: CellWrapper, closingTab = false): Rendered {
  const joined = (cells: readonly string[]): string => `${cells.join('\t')}${closingTab ? '\t' : ''}`;
  return render(form, (table) => table.rows.flatMap((row): RenderedLine[][] => {
    const texts = rowTexts(row, covered);
    if (wrap && !split) return [rowLines(table, row, joined(wrap(row, texts)))];
    const labelIndex = texts.length - row.cells.length + row.cells.findLastIndex((cell) => cell.role === 'label');
    const label = texts[labelIndex];
    if (!split || row.header || label === undefined || [...label].length <= split.width) return [[tagged(table, row, joined(texts))]];
    const head = [...label].slice(0, split.width).join('');
    const tail = [...label].slice(split.width).join('');
    const before = texts.slice(0, labelIndex);
    const after = texts.slice(labelIndex + 1);
    const lines = split.valuesOn === 'first'
      ? [[...before, head, ...after], [...before.map(() => ''), tail]]
      : [[...before, head], [...before.map(() => ''), tail, ...after]];
    return [lines.map((cells) => tagged(table, row, joined(cells)))];
  }));
}

/**
 * Comma-separated rows (a crawler's CSV slice, a spreadsheet saved as text): a cell holding a comma or a quote is
 * quoted, its quotes doubled; with `quoteText`, every cell that is not a number is quoted as well; with
 * `indexColumn`, a column of row numbers first; with `wrap`, long labels wrapped in their cells.
 */
export function csvLayout(form: PrintedForm, covered: CoveredCells, quoteText: boolean, indexColumn = false, wrap?: CellWrapper): Rendered {
  const quote = (cell: string): string => {
    if (/[",\n]/u.test(cell) || (quoteText && cell !== '' && !/^[-+]?[0-9][0-9.]*$/u.test(cell))) return `"${cell.replaceAll('"', '""')}"`;
    return cell;
  };
  // With `indexColumn`, every row opens with its number, counting on from 0 over all the tables (a dataframe's index).
  let rowNumber = 0;
  return render(form, (table) => table.rows.map((row) => {
    const texts = rowTexts(row, covered);
    // A wrapped cell is quoted already (its quotes doubled): only the others go through quote().
    const wrapped = wrap ? wrap(row, texts) : texts;
    const cells = wrapped.map((cell, index) => (cell === texts[index] ? quote(cell) : cell));
    return rowLines(table, row, (indexColumn ? [String(rowNumber++), ...cells] : cells).join(','));
  }));
}

/** Markdown pipe rows, with a |---| line under the header rows. */
export function pipeLayout(form: PrintedForm, covered: CoveredCells): Rendered {
  return render(form, (table) => {
    return table.rows.map((row, index) => {
      const texts = rowTexts(row, covered);
      const line = tagged(table, row, `| ${texts.join(' | ')} |`);
      const rule = row.header && table.rows[index + 1]?.header !== true;
      return rule ? [line, { text: `|${texts.map(() => '---|').join('')}`, table: table.id, header: true }] : [line];
    });
  });
}

/** The characters a drawn table's borders are made of: horizontal, vertical, and the junctions by place. */
export interface GridStyle {
  readonly name: string;
  readonly horizontal: string;
  readonly vertical: string;
  /** Junctions of the top border, of a rule between rows, of the bottom border: left, inner, right. */
  readonly top: readonly [string, string, string];
  readonly middle: readonly [string, string, string];
  readonly bottom: readonly [string, string, string];
}

/** Box-drawing styles as text exports of Word and WPS tables print them, and the ASCII grid of console tools. */
export const GRID_STYLES: readonly GridStyle[] = [
  { name: 'light', horizontal: '─', vertical: '│', top: ['┌', '┬', '┐'], middle: ['├', '┼', '┤'], bottom: ['└', '┴', '┘'] },
  { name: 'heavy', horizontal: '━', vertical: '┃', top: ['┏', '┳', '┓'], middle: ['┣', '╋', '┫'], bottom: ['┗', '┻', '┛'] },
  { name: 'double', horizontal: '═', vertical: '║', top: ['╔', '╦', '╗'], middle: ['╠', '╬', '╣'], bottom: ['╚', '╩', '╝'] },
  { name: 'ascii', horizontal: '-', vertical: '|', top: ['+', '+', '+'], middle: ['+', '+', '+'], bottom: ['+', '+', '+'] },
];

/**
 * A table drawn with borders: a top border, the rows between verticals with their cells padded to their column's
 * display width (columns counted among rows of the same number of cells: merged cells leave rows of other counts
 * their own widths), a rule under the header or between every row, a bottom border.
 */
export function gridLayout(form: PrintedForm, covered: CoveredCells, style: GridStyle, everyRow: boolean, wrap?: GridWrap): Rendered {
  return render(form, (table) => {
    // Each row's cells as the lines they take: long labels wrapped at `wrap.width` from the top, every other cell on
    // one line of the row (its first, middle or last, as `wrap.valign` aligns it).
    const stacked = table.rows.map((row) => {
      const texts = rowTexts(row, covered);
      const pieces = texts.map((text, index) => {
        const cell = row.cells[index - (texts.length - row.cells.length)];
        return wrap && cell?.role === 'label' && displayWidth(text) > wrap.width ? wrapText(text, wrap.width) : [text];
      });
      const height = Math.max(...pieces.map((cell) => cell.length));
      const at = wrap?.valign === 'middle' ? Math.floor((height - 1) / 2) : wrap?.valign === 'bottom' ? height - 1 : 0;
      return Array.from({ length: height }, (_, line) => pieces.map((cell) => (cell.length > 1 ? cell[line] ?? '' : line === at ? cell[0]! : '')));
    });
    const widths = new Map<number, number[]>();
    for (const cells of stacked.flat()) {
      const known = widths.get(cells.length) ?? cells.map(() => 0);
      widths.set(cells.length, cells.map((cell, index) => Math.max(known[index]!, displayWidth(cell))));
    }
    const cellWidths = (cells: readonly string[]) => widths.get(cells.length)!;
    const border = (cells: readonly string[], [left, inner, right]: readonly [string, string, string]) =>
      `${left}${cellWidths(cells).map((width) => style.horizontal.repeat(width + 2)).join(inner)}${right}`;
    const line = (cells: readonly string[]) =>
      `${style.vertical}${cells.map((cell, index) => ` ${cell}${' '.repeat(cellWidths(cells)[index]! - displayWidth(cell))} `).join(style.vertical)}${style.vertical}`;
    return table.rows.map((row, index) => {
      const rowLines = stacked[index]!;
      const cells = rowLines[0]!;
      const next = stacked[index + 1]?.[0];
      const lines = [...(index === 0 ? [tagged(table, row, border(cells, style.top))] : []), ...rowLines.map((lineCells) => tagged(table, row, line(lineCells)))];
      const rule = next !== undefined && (everyRow || (row.header && table.rows[index + 1]?.header !== true));
      if (rule) lines.push(tagged(table, row, border(next, style.middle)));
      if (next === undefined) lines.push(tagged(table, row, border(cells, style.bottom)));
      return lines;
    });
  });
}

/** Long labels of a drawn table wrapped inside their cells, the row's other cells on its first, middle or last line. */
export interface GridWrap {
  readonly width: number;
  readonly valign: 'top' | 'middle' | 'bottom';
}

/** Pipe tables broken one cell per line as some converters leave them ("规章 |", "|||" for a merged span; cf. wild/19). */
export function brokenPipeLayout(form: PrintedForm): Rendered {
  return render(form, (table) => table.rows.map((row) => row.cells.flatMap((cell) => {
    const lines = [tagged(table, row, cell.text === '' ? '|' : `${cell.text} |`)];
    if ((cell.colspan ?? 1) > 1) lines.push(tagged(table, row, '|'.repeat((cell.colspan ?? 1) - 1)));
    return lines;
  })));
}

/** One cell per line; a blank cell is an empty line; optionally an empty line after each row. */
export function cellPerLineLayout(form: PrintedForm, rowGap: boolean): Rendered {
  return render(form, (table) => table.rows.map((row) => [
    ...row.cells.map((cell) => tagged(table, row, cell.text)),
    ...(rowGap ? [tagged(table, row, '')] : []),
  ]));
}

/**
 * `pdftotext` without -layout: every cell on its own line(s), a cell longer than its printed width wrapped,
 * a blank cell printing nothing, prose wrapped at the page width. With `columnOrder` section 三 comes out as
 * pdfminer gives it: header and row labels first, then the numbers column by column.
 */
export function pdfReadingLayout(form: PrintedForm, cellWidth: number, pageWidth: number, columnOrder: boolean): Rendered {
  const cellLines = (table: FormTable, row: FormRow, cell: FormCell): RenderedLine[] =>
    cell.text === '' ? [] : wrapText(cell.text, cell.role === 'value' ? 1000 : cellWidth).map((text) => tagged(table, row, text));
  const labelLines = (table: FormTable): RenderedLine[][] =>
    table.rows.map((row) => row.cells.filter((cell) => cell.role !== 'value').flatMap((cell) => cellLines(table, row, cell)));
  // Section 二's small tables in pdfminer's order (drawn from the widths already drawn, so the random stream of every
  // other variant stays as it was): row by row as printed; or each table's labels, then its values; or every table's
  // labels, then all their values after the last. Values row after row, or column after column within each table.
  const sectionTwo = (['rows', 'tables', 'section'] as const)[cellWidth % 3]!;
  const valueOrder: 'row' | 'column' = pageWidth % 2 === 0 ? 'row' : 'column';
  const sectionTwoTables = form.blocks.flatMap((block) => (block.kind === 'table' && block.table.section === '二' ? [block.table] : []));
  return render(form, (table) => {
    // A list form (gov-2014) in pdfminer's order: every label and unit, then the one value column top to bottom.
    if (columnOrder && table.section === 'list') {
      const valueLines = table.rows.flatMap((row) => row.cells.filter((cell) => cell.role === 'value' && cell.text !== '').map((cell): RenderedLine => ({ text: cell.text, table: table.id })));
      return [...labelLines(table), valueLines];
    }
    if (columnOrder && table.section === '二' && sectionTwo !== 'rows') {
      if (sectionTwo === 'tables') return [...labelLines(table), tableValueLines(table, valueOrder)];
      const last = table === sectionTwoTables[sectionTwoTables.length - 1];
      return last ? [...labelLines(table), sectionTwoTables.flatMap((each) => tableValueLines(each, valueOrder))] : labelLines(table);
    }
    if (!columnOrder || table.section !== '三') return table.rows.map((row) => row.cells.flatMap((cell) => cellLines(table, row, cell)));
    const labels = table.rows.flatMap((row) => row.cells.filter((cell) => cell.role !== 'value').flatMap((cell) => cellLines(table, row, cell)));
    const valueRows = table.rows.map((row) => row.cells.filter((cell) => cell.role === 'value')).filter((cells) => cells.length > 0);
    const columns = Math.max(...valueRows.map((cells) => cells.length));
    const numbers: RenderedLine[] = [];
    for (let column = 0; column < columns; column++) {
      for (const cells of valueRows) {
        const cell = cells[column];
        if (cell && cell.text !== '') numbers.push({ text: cell.text, table: table.id });
      }
    }
    // Column order has no rows: the page may break between any two lines.
    return [...labels, ...numbers].map((line) => [line]);
  }, pageWidth);
}

/** A table's printed values, row after row or column after column (blank cells print nothing). */
function tableValueLines(table: FormTable, order: 'row' | 'column'): RenderedLine[] {
  const valueRows = table.rows.map((row) => row.cells.filter((cell) => cell.role === 'value'));
  const columns = Math.max(0, ...valueRows.map((cells) => cells.length));
  const cells = order === 'row'
    ? valueRows.flat()
    : Array.from({ length: columns }, (_unused, column) => valueRows.flatMap((row) => (row[column] ? [row[column]] : []))).flat();
  return cells.filter((cell) => cell.text !== '').map((cell) => ({ text: cell.text, table: table.id }));
}
