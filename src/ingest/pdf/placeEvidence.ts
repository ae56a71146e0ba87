import type { FieldRecord } from '../../record/ExtractionRecord.ts';
import type { TextPlacement } from './PdfPageText.ts';

/**
 * Adds the page and box of the PDF cell each field's evidence lies in (placements are in text order and do
 * not overlap). Evidence outside every cell (a figure quoted from prose that spans cells) is left as offsets only.
 */
export function placeEvidence(fields: readonly FieldRecord[], placements: readonly TextPlacement[]): FieldRecord[] {
  if (placements.length === 0) return [...fields];
  return fields.map((field) => {
    const evidence = field.evidence;
    if (!evidence) return field;
    const placement = placementAt(placements, evidence.start);
    if (!placement || evidence.end > placement.end) return field;
    return { ...field, evidence: { ...evidence, page: placement.page, box: placement.box } };
  });
}

/** The last placement starting at or before `offset`, when `offset` lies within it (its end included: a blank cell). */
function placementAt(placements: readonly TextPlacement[], offset: number): TextPlacement | undefined {
  let low = 0;
  let high = placements.length - 1;
  let found: TextPlacement | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const placement = placements[middle]!;
    if (placement.start <= offset) {
      found = placement;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found && offset <= found.end ? found : undefined;
}
