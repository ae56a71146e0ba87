import type { ParseResult } from '../parse/ParseResult.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';

/**
 * Fields whose value was read from the very characters another row's field was read from: one printed cell taken by
 * two rows (a label-only line's row took the next line's values, which that line's own row read as well: "8." / "属于行政
 * 查询事项" / "（四）无法提供\t"1.本机关不掌…"\t3\t0…", seed 7 labels-split). At most one of them is right. Not the
 * part rows of a combined row a printing maps one printed row onto (TablePrinting.combinedRow), which share by design.
 */
export function cellsReadIntoTwoRows(template: TemplateDefinition, parse: ParseResult, rowOf: ReadonlyMap<string, string>): Set<string> {
  const bySpan = new Map<string, string[]>();
  for (const [fieldId, cell] of parse.cells) {
    if (cell.value === null || cell.end <= cell.start) continue;
    const key = `${cell.start}:${cell.end}`;
    const fields = bySpan.get(key);
    if (fields) fields.push(fieldId);
    else bySpan.set(key, [fieldId]);
  }
  const combinedParts = new Set((template.printings ?? []).flatMap((printing) => printing.combinedRow.parts));
  const shared = new Set<string>();
  for (const fields of bySpan.values()) {
    if (fields.length < 2) continue;
    const rows = new Set(fields.map((fieldId) => rowOf.get(fieldId) ?? fieldId));
    if (rows.size < 2) continue;
    if ([...rows].every((row) => combinedParts.has(row.slice(row.lastIndexOf('/') + 1)))) continue;
    for (const fieldId of fields) shared.add(fieldId);
  }
  return shared;
}
