import type { FormBlock, FormCell, FormRow, FormTable, PrintedForm } from './PrintedForm.ts';
import type { Rendered, RenderedLine } from './Rendered.ts';
import { rowGroups, wrapText } from './Rendered.ts';

/**
 * Layouts that print a table one row or one cell per line: tab rows, markdown pipes (and pipes broken one cell
 * per line), one cell per line, and `pdftotext` reading order (cells one per line, long cells wrapped, blank
 * cells printing nothing; section 三 optionally in column order as pdfminer gives it).
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

/** Tab-separated rows (Word copied into a text box); optionally long labels split over two lines. */
export function tabLayout(form: PrintedForm, covered: CoveredCells, split?: LabelSplit): Rendered {
  return render(form, (table) => table.rows.flatMap((row): RenderedLine[][] => {
    const texts = rowTexts(row, covered);
    const labelIndex = texts.length - row.cells.length + row.cells.findLastIndex((cell) => cell.role === 'label');
    const label = texts[labelIndex];
    if (!split || row.header || label === undefined || [...label].length <= split.width) return [[tagged(table, row, texts.join('\t'))]];
    const head = [...label].slice(0, split.width).join('');
    const tail = [...label].slice(split.width).join('');
    const before = texts.slice(0, labelIndex);
    const after = texts.slice(labelIndex + 1);
    const lines = split.valuesOn === 'first'
      ? [[...before, head, ...after], [...before.map(() => ''), tail]]
      : [[...before, head], [...before.map(() => ''), tail, ...after]];
    return [lines.map((cells) => tagged(table, row, cells.join('\t')))];
  }));
}

/**
 * Comma-separated rows (a crawler's CSV slice, a spreadsheet saved as text): a cell holding a comma or a quote is
 * quoted, its quotes doubled; with `quoteText`, every cell that is not a number is quoted as well; with
 * `indexColumn`, a column of row numbers first.
 */
export function csvLayout(form: PrintedForm, covered: CoveredCells, quoteText: boolean, indexColumn = false): Rendered {
  const quote = (cell: string): string => {
    if (/[",\n]/u.test(cell) || (quoteText && cell !== '' && !/^[-+]?[0-9][0-9.]*$/u.test(cell))) return `"${cell.replaceAll('"', '""')}"`;
    return cell;
  };
  // With `indexColumn`, every row opens with its number, counting on from 0 over all the tables (a dataframe's index).
  let rowNumber = 0;
  return render(form, (table) => table.rows.map((row) => {
    const cells = rowTexts(row, covered).map(quote);
    return [tagged(table, row, (indexColumn ? [String(rowNumber++), ...cells] : cells).join(','))];
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
  return render(form, (table) => {
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
