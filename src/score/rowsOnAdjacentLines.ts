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
