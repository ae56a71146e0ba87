import type { TemplateDefinition } from './TemplateDefinition.ts';

/** Each field's table row ("三/granted"), from the template's tables. */
export function tableRowOf(template: TemplateDefinition): Map<string, string> {
  const rows = new Map<string, string>();
  for (const table of template.tables) {
    for (const row of table.rows) for (const fieldId of row.cells) if (fieldId !== null) rows.set(fieldId, `${table.id}/${row.key}`);
  }
  return rows;
}
