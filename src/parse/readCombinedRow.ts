import type { TablePrinting, TemplateDefinition } from '../templates/TemplateDefinition.ts';
import type { CellReading, ParseResult, SectionReading } from './ParseResult.ts';

const printingTemplates = new WeakMap<TablePrinting, TemplateDefinition>();

/**
 * The template to parse a document of an older printing with: the form's fields, the printing's tables and
 * rules. One object per printing, since the readers cache what they derive from a template by identity.
 */
export function printingTemplate(template: TemplateDefinition, printing: TablePrinting): TemplateDefinition {
  let made = printingTemplates.get(printing);
  if (!made) {
    made = { ...template, tables: printing.tables, rules: printing.rules, printings: [] };
    printingTemplates.set(printing, made);
  }
  return made;
}

/** Each combined cell's field id, with the field ids of the form's part cells it is the sum of (same column). */
function combinedCells(template: TemplateDefinition, printing: TablePrinting): { combined: string; parts: string[] }[] {
  const { printed, parts } = printing.combinedRow;
  const result: { combined: string; parts: string[] }[] = [];
  for (const table of printing.tables) {
    const row = table.rows.find((candidate) => candidate.key === printed);
    const formTable = template.tables.find((candidate) => candidate.id === table.id);
    if (!row || !formTable) continue;
    row.cells.forEach((combined, column) => {
      if (combined === null) return;
      const partIds = parts.map((key) => formTable.rows.find((candidate) => candidate.key === key)?.cells[column] ?? null);
      if (partIds.every((id): id is string => id !== null)) result.push({ combined, parts: partIds });
    });
  }
  return result;
}

/**
 * Maps a parse made with a printing's tables back onto the form's fields. A combined cell that prints 0 makes
 * each of its parts 0 (counts are non-negative): value 0, method `inferred`, nothing printed of their own, the
 * combined cell as evidence. A blank combined cell leaves its parts blank as printed (the rules may prove them 0).
 * A larger number cannot be split: its parts are not read, and go to the reviewer.
 */
export function readCombinedRow(parse: ParseResult, template: TemplateDefinition, printing: TablePrinting): ParseResult {
  const cells = new Map<string, CellReading>(parse.cells);
  const partsOf = new Map<string, readonly string[]>();
  const unsplit: string[] = [];
  for (const { combined, parts } of combinedCells(template, printing)) {
    partsOf.set(combined, parts);
    const cell = parse.cells.get(combined);
    cells.delete(combined);
    if (!cell) continue;
    const printsDigits = /[0-9０-９]/u.test(cell.raw);
    if (cell.value !== 0 && (cell.value !== null || printsDigits)) {
      unsplit.push(combined);
      continue;
    }
    // A proposal offered for the combined row is the sum of its sub-rows, none of theirs.
    const { proposal: _sum, ...combinedCell } = cell;
    for (const part of parts) {
      const note = cell.value === 0
        ? 'the report prints one （六）其他处理 row; its 0 makes each of the three sub-rows 0'
        : 'the report prints one （六）其他处理 row, blank here: each of the three sub-rows is blank';
      cells.set(part, cell.value === 0
        ? { ...combinedCell, fieldId: part, raw: '', value: 0, method: 'inferred', notes: [...cell.notes, note] }
        : { ...combinedCell, fieldId: part, notes: [...cell.notes, note] });
    }
  }
  const sections: SectionReading[] = parse.sections.map((section) => ({
    ...section,
    fieldIds: section.fieldIds.flatMap((fieldId) => partsOf.get(fieldId) ?? [fieldId]),
  }));
  const notes = [`tables printed as ${printing.id}: the form's rows read from the combined row where it prints 0 or nothing`];
  if (unsplit.length > 0) notes.push(`${printing.id}: ${unsplit.length} combined cell(s) above 0 cannot be split into their rows: left for review`);
  return { cells, sections, notes: [...parse.notes, ...notes], ...(parse.strayNumbers ? { strayNumbers: parse.strayNumbers } : {}) };
}
