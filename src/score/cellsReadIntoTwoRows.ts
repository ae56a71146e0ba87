import type { ParseResult } from '../parse/ParseResult.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';

/**
 * Fields whose value was read from the very characters another row's field was read from: one printed cell taken by
 * two rows (a label-only line's row took the next line's values, which that line's own row read as well: "8." / "属于行政
 * 查询事项" / "（四）无法提供\t"1.本机关不掌…"\t3\t0…", seed 7 labels-split). At most one of them is right. Not the
 * part rows of a combined row a printing maps one printed row onto (TablePrinting.combinedRow), which share by design.
 *
 * A cell held in doubt over several printed numbers (its span covering them all: "3 | 0", "this cell could be 3 or 0")
 * claims each of them as well, if another reader's: a row that read one of them alone is not alone in wanting it (a fresh print, seed 4911
 * document 86: the labels of （二）部分公开 and 1.属于国家秘密 printed together before 部分公开's values, one reader read
 * them as 国家秘密's, another held 部分公开's cells between 3 and 0, and 国家秘密's 3 went out auto).
 */
export function cellsReadIntoTwoRows(template: TemplateDefinition, parse: ParseResult, rowOf: ReadonlyMap<string, string>): Set<string> {
  const spans: { readonly fieldId: string; readonly row: string; readonly start: number; readonly end: number; readonly layout: string }[] = [];
  for (const [fieldId, cell] of parse.cells) {
    if (cell.end <= cell.start || (cell.value === null && !cell.ambiguous)) continue;
    spans.push({ fieldId, row: rowOf.get(fieldId) ?? fieldId, start: cell.start, end: cell.end, layout: cell.layout });
  }
  spans.sort((first, second) => first.start - second.start || first.end - second.end);
  const combinedParts = new Set((template.printings ?? []).flatMap((printing) => printing.combinedRow.parts));
  const byDesign = (first: string, second: string) => [first, second].every((row) => combinedParts.has(row.slice(row.lastIndexOf('/') + 1)));
  const shared = new Set<string>();
  // Spans sorted by start: each overlaps the ones after it that start before it ends.
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]!;
    for (let next = index + 1; next < spans.length && spans[next]!.start < span.end; next++) {
      const other = spans[next]!;
      if (other.row === span.row || byDesign(span.row, other.row)) continue;
      // A reader's doubt over numbers it placed itself elsewhere is its own account (a block read two ways, the cells
      // the same in both committed): only another reader's, or the very same characters, make two claims.
      const same = other.start === span.start && other.end === span.end;
      if (!same && other.layout === span.layout) continue;
      shared.add(span.fieldId);
      shared.add(other.fieldId);
    }
  }
  return shared;
}
