import type { ParseResult } from '../parse/ParseResult.ts';
import { classifyLayout } from './confidencePolicy.ts';
import { placementOf } from './FieldSignals.ts';

/**
 * Cells placed by their order in the text alone, in the groups whose order a program drawing text as blocks may
 * change unseen: a section read column by column (no label between its cells), and the cells one per line under one
 * row label, and a section whose numbers were laid in by their order alone (the number stream). (A cell under a label
 * of its own moves with its label.)
 */
export function orderPlacedGroups(parse: ParseResult, rowOf: ReadonlyMap<string, string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const section of parse.sections) {
    for (const fieldId of section.fieldIds) {
      const cell = parse.cells.get(fieldId);
      if (cell === undefined) continue;
      const placement = placementOf(cell);
      if (placement !== 'count' && placement !== 'position') continue;
      const layoutClass = classifyLayout(cell.layout);
      const key = layoutClass === 'columnOrder' || layoutClass === 'numberStream' ? section.id : layoutClass === 'cellPerLine' ? `${section.id} ${rowOf.get(fieldId) ?? fieldId}` : undefined;
      if (key === undefined) continue;
      groups.set(key, [...(groups.get(key) ?? []), fieldId]);
    }
  }
  return [...groups.values()];
}
