import type { ParseResult } from '../parse/ParseResult.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';

/**
 * The fields that are the one cell of their row and print a value, as do the rows of one cell just before and after
 * them in their table: in PDF reading order a row's value may be drawn after the next row's label (fresh prints: 1
 * printed under 设置政府信息公开查阅点数, its own row 专门机构数 left blank), which reads the same as a blank row
 * beside a printed one; among printed rows a value drawn away leaves one row two values and another none.
 */
export function oneCellRowsAmongPrinted(template: TemplateDefinition, parse: ParseResult): Set<string> {
  const fields = new Set<string>();
  const printed = (fieldId: string | null | undefined): boolean => fieldId == null || (parse.cells.get(fieldId)?.value ?? null) !== null;
  for (const table of template.tables) {
    const oneCell = (index: number): string | null | undefined => {
      const row = table.rows[index];
      return row && row.cells.length === 1 ? row.cells[0] : undefined;
    };
    table.rows.forEach((_, index) => {
      const fieldId = oneCell(index);
      if (fieldId == null || !printed(fieldId)) return;
      if (printed(oneCell(index - 1)) && printed(oneCell(index + 1))) fields.add(fieldId);
    });
  }
  return fields;
}
