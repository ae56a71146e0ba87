import { doubtedCell } from './doubtedCell.ts';
import { holdNumbersCutByWrap } from './holdNumbersCutByWrap.ts';
import type { MappedText } from '../text/MappedText.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';
import { tableRowOf } from '../templates/tableRowOf.ts';
import { digitsAboveOrBelowIn } from './grid/digitsAboveOrBelow.ts';
import { parseGridTables, SPLIT_NOTE } from './grid/parseGridTables.ts';
import { parseListTable } from './list/parseListTable.ts';
import { choosePrinting } from './choosePrinting.ts';
import { printingTemplate, readCombinedRow } from './readCombinedRow.ts';
import type { CellReading, ParseResult, SectionReading } from './ParseResult.ts';

/**
 * Reads every field of the detected template from the normalised text, deterministically: list tables by
 * the list parser, the grid tables of the new-format forms by the grid parser. `decodedText`, the text the
 * normalised text maps back to, lets the grid parser measure aligned (pdftotext -layout) rows as printed.
 * A document printing an older shape of the tables (TemplateDefinition.printings) is read with that shape's
 * tables and rules and mapped back onto the form's fields.
 */
export function parseDocument(text: MappedText, template: TemplateDefinition, decodedText?: string): ParseResult {
  const printing = choosePrinting(template, text.text);
  if (!printing) return parseTables(text, template, decodedText);
  return readCombinedRow(parseTables(text, printingTemplate(template, printing), decodedText), template, printing);
}

function parseTables(text: MappedText, template: TemplateDefinition, decodedText?: string): ParseResult {
  const hasGrid = template.tables.some((table) => table.kind === 'grid');
  const results: ParseResult[] = template.tables
    .filter((table) => table.kind === 'list')
    .map((table) => parseListTable(text, template, table))
    .map((result) => (decodedText === undefined ? result : { ...result, cells: doubtNumbersSplitOverLines(result.cells, decodedText) }));
  if (hasGrid) results.push(parseGridTables(text, template, decodedText));
  const read = new Map<string, CellReading>();
  const sections: SectionReading[] = [];
  const notes: string[] = [];
  const strayNumbers: { start: number; end: number }[] = [];
  for (const result of results) {
    for (const [fieldId, cell] of result.cells) if (!read.has(fieldId)) read.set(fieldId, cell);
    sections.push(...result.sections);
    notes.push(...result.notes);
    strayNumbers.push(...(result.strayNumbers ?? []));
  }
  const hardRules = template.rules.filter((rule) => rule.severity === 'hard');
  const cells = decodedText === undefined ? read : holdNumbersCutByWrap(read, decodedText, hardRules, tableRowOf(template));
  return { cells, sections, notes, ...(strayNumbers.length > 0 ? { strayNumbers } : {}) };
}

/**
 * A list table's value with digits printed directly above or below it in display-column text ("1" / "人次 0" / "0"
 * for 100, a narrow cell wrapping the number) is only the row line's part of a number split over lines: ambiguous,
 * as the grid parser holds such values (a number joined whole by normalise/joinStackedDigits is not looked at).
 */
function doubtNumbersSplitOverLines(cells: ReadonlyMap<string, CellReading>, decodedText: string): Map<string, CellReading> {
  const doubted = new Map(cells);
  let splitOverLines: ((start: number, end: number) => boolean) | undefined;
  for (const [fieldId, cell] of cells) {
    if (cell.ambiguous || cell.value === null || cell.end <= cell.start) continue;
    if (decodedText.slice(cell.start, cell.end).includes('\n')) continue;
    splitOverLines ??= digitsAboveOrBelowIn(decodedText);
    if (!splitOverLines(cell.start, cell.end)) continue;
    doubted.set(fieldId, doubtedCell(cell, SPLIT_NOTE, { splitPiece: true }));
  }
  return doubted;
}
