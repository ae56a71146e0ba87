import type { ParseResult } from '../parse/ParseResult.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';

/*
 * Facts about a document's rows that a PDF's reading order makes telling (SignalInput.afterEmptyRow,
 * rowWithBlankMarks, namedAboveValue): assessFields asks them of reading-order text only.
 */

/**
 * The fields of each table row that comes right after a row the parser found printing nothing, its label followed
 * directly by this one's (CellSupport.emptyRow).
 */
export function rowsAfterEmptyRows(template: TemplateDefinition, parse: ParseResult): Set<string> {
  const fields = new Set<string>();
  for (const table of template.tables) {
    table.rows.forEach((row, index) => {
      const next = table.rows[index + 1];
      if (!next || !row.cells.some((fieldId) => fieldId !== null && parse.cells.get(fieldId)?.support?.emptyRow === true)) return;
      for (const fieldId of next.cells) if (fieldId !== null) fields.add(fieldId);
    });
  }
  return fields;
}

/** The rows holding a blank printed as a mark ("/", "-"): a cell read unambiguously as a blank mark, value null. */
export function rowsOfBlankMarks(parse: ParseResult, rowOf: ReadonlyMap<string, string>): Set<string> {
  const rows = new Set<string>();
  for (const [fieldId, cell] of parse.cells) if (cell.value === null && cell.end > cell.start && !cell.ambiguous) rows.add(rowOf.get(fieldId) ?? fieldId);
  return rows;
}

/** Whether text[start] is the first character of its line but blanks (a line break, a form feed or the text's start before it). */
export function opensLine(text: string, start: number): boolean {
  let index = start - 1;
  while (index >= 0 && (text[index] === ' ' || text[index] === '\t' || text[index] === '\u3000')) index--;
  return index < 0 || text[index] === '\n' || text[index] === '\r' || text[index] === '\f';
}
