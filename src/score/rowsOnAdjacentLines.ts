import type { ParseResult } from '../parse/ParseResult.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';

/**
 * The fields of table rows printed one cell per line with single line breaks between cells: every two printed cells
 * of the row, in the row's order, stand one line break apart plus one empty line per blank cell between them, and
 * two of them stand on adjacent lines. A text so exported shows its cells in the row's order. A PDF's reading order
 * (pdftotext, pdfminer) makes every cell a block of its own, an empty line between two blocks, whatever stands
 * between them; there the order of a row's cells is the order the program drew them, which is not always printed
 * order: a row there is never on adjacent lines and keeps the reading-order blocker (FieldSignals).
 */
export function rowsOnAdjacentLines(template: TemplateDefinition, parse: ParseResult, text: string): Set<string> {
  const fields = new Set<string>();
  for (const table of template.tables) {
    for (const row of table.rows) {
      const fieldIds = row.cells.filter((fieldId): fieldId is string => fieldId !== null);
      if (fieldIds.length >= 2 && rowLines(fieldIds, parse, text) === 'adjacent') for (const fieldId of fieldIds) fields.add(fieldId);
    }
  }
  return fields;
}

/**
 * The fields of sections exported one cell per line: no row of the section has printed cells out of that pattern (two
 * cells a block apart, in another order or with words between), and at least two rows stand on adjacent lines
 * (rowsOnAdjacentLines). Such a text shows the whole section in the table's
 * order, so its rows printed empty (a label followed directly by the next) or with one value are rows of the table as
 * printed, not rows whose cells a PDF drew elsewhere.
 */
export function sectionsOnAdjacentLines(template: TemplateDefinition, parse: ParseResult, text: string): Set<string> {
  const fields = new Set<string>();
  for (const section of parse.sections) {
    const inSection = new Set(section.fieldIds);
    let adjacentRows = 0;
    let scrambled = false;
    for (const table of template.tables) {
      for (const row of table.rows) {
        const fieldIds = row.cells.filter((fieldId): fieldId is string => fieldId !== null && inSection.has(fieldId));
        if (fieldIds.length < 2) continue;
        const lines = rowLines(fieldIds, parse, text);
        if (lines === 'adjacent') adjacentRows++;
        else if (lines === 'scattered') scrambled = true;
      }
    }
    if (!scrambled && adjacentRows >= 2) for (const fieldId of section.fieldIds) fields.add(fieldId);
  }
  return fields;
}

/**
 * The fields of list tables (one value per labelled row) exported one cell per line: every printed value stands alone
 * on its line right after a line of its row's (its unit, or its label's last line), and at least two do. A PDF's
 * reading order makes each cell a block of its own, an empty line before every value, and leaves a blank cell out
 * altogether, so that a row's value drawn after the next row's label leaves its own row blank; a text exported cell by
 * cell shows each row label, unit and value in turn, a blank as an empty line where its value belongs.
 */
export function listTablesOnAdjacentLines(template: TemplateDefinition, parse: ParseResult, text: string): Set<string> {
  const fields = new Set<string>();
  for (const table of template.tables) {
    if (table.kind !== 'list') continue;
    const fieldIds = table.rows.flatMap((row) => row.cells.filter((fieldId): fieldId is string => fieldId !== null));
    let adjacentRows = 0;
    let scattered = false;
    for (const fieldId of fieldIds) {
      const cell = parse.cells.get(fieldId);
      if (cell === undefined || cell.value === null || cell.start === cell.end) continue;
      const lineStart = lineStartAt(text, cell.start);
      // Not alone on its line: no one-cell-per-line row, and no evidence either way.
      if (text.slice(lineStart, cell.start).trim() !== '' || text.slice(cell.end, lineEndAt(text, cell.end)).trim() !== '') continue;
      // The line before (a CR LF is one break, so step back over both).
      const previousEnd = text.startsWith('\r\n', lineStart - 2) ? lineStart - 2 : lineStart - 1;
      if (previousEnd >= 0 && text.slice(lineStartAt(text, previousEnd), previousEnd).trim() !== '') adjacentRows++;
      else scattered = true;
    }
    if (!scattered && adjacentRows >= 2) for (const fieldId of fieldIds) fields.add(fieldId);
  }
  return fields;
}

/** Start of the line holding `position` (after LF, CR or CR LF). */
function lineStartAt(text: string, position: number): number {
  let index = position;
  while (index > 0 && text[index - 1] !== '\n' && text[index - 1] !== '\r') index--;
  return index;
}

/** End of the line holding `position` (before its LF or CR). */
function lineEndAt(text: string, position: number): number {
  let index = position;
  while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++;
  return index;
}

/**
 * How a row's printed cells stand: `adjacent` when every two stand one line break apart plus an empty line per blank
 * cell between them and two stand on adjacent lines; `consistent` when the breaks fit so but every two printed cells
 * have a blank between them (a PDF's blocks would look the same); `scattered` otherwise.
 */
function rowLines(fieldIds: readonly string[], parse: ParseResult, text: string): 'adjacent' | 'consistent' | 'scattered' {
  let previous: { readonly index: number; readonly end: number } | undefined;
  let adjacent = false;
  for (let index = 0; index < fieldIds.length; index++) {
    const cell = parse.cells.get(fieldIds[index]!);
    if (cell === undefined) return 'scattered';
    if (cell.value === null && cell.start === cell.end) continue;
    if (previous !== undefined) {
      if (cell.start < previous.end) return 'scattered';
      const breaks = lineBreaksIn(text.slice(previous.end, cell.start));
      // One break between two cells, and an empty line for each blank cell between them.
      if (breaks !== index - previous.index) return 'scattered';
      if (breaks === 1) adjacent = true;
    }
    previous = { index, end: cell.end };
  }
  return adjacent ? 'adjacent' : 'consistent';
}

/** The line breaks in a gap of nothing but whitespace (CR LF one break), or -1 when anything else stands there. */
function lineBreaksIn(gap: string): number {
  if (!/^\s*$/u.test(gap)) return -1;
  return gap.match(/\r\n|\r|\n/gu)?.length ?? 0;
}
