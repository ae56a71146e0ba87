import type { CellReading } from '../ParseResult.ts';
import type { RowAnchor } from './findRowAnchors.ts';
import type { ListRowPattern } from './compileListRows.ts';
import { cellIndexAt, type ListCell } from './tokeniseListCells.ts';
import { withSecondReading } from './withSecondReading.ts';

/**
 * Rows of two groups of the form print the same label (gov-2014: （二）被依法纠错数 and （三）其他情形数 under both 行政复议
 * and 行政诉讼). A label found where the order of the rows found around it would also admit the other row of that
 * label (not found, its label unread: OCR'd, wrapped; or found only in the same place) may be that row's: which group
 * it belongs to nothing printed says. (A label found by meaning in the same cell is not a place of its own.) Its cell is marked ambiguous (two readings), never read as certain.
 */
export function doubtSharedLabelAnchors(
  listCells: readonly ListCell[],
  patterns: readonly ListRowPattern[],
  anchors: ReadonlyMap<number, RowAnchor>,
  cells: Map<string, CellReading>,
): void {
  // A row in doubt does not bound another: its label may be the other group's row too ((二) and (三) of 行政复议
  // both read as 行政诉讼's, the group's own rows unread). Repeated until no further row falls in doubt.
  const doubted = new Set<number>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const pattern of patterns) {
      const anchor = anchors.get(pattern.index);
      if (!anchor || !pattern.fieldId || doubted.has(pattern.index)) continue;
      const elsewhere = (other: ListRowPattern): RowAnchor | undefined => {
        const found = anchors.get(other.index);
        return found && !doubted.has(other.index) && !sameCell(listCells, found, anchor) ? found : undefined;
      };
      // Most labels are no other row's: nothing to place (checked first, the places below cost a scan of every row).
      const sharing = patterns.filter((other) => other.index !== pattern.index && other.variants.some((variant) => variant.skeleton === anchor.variant.skeleton));
      if (sharing.length === 0) continue;
      // The nearest rows found before and after it, in their own places: the other row must fit between them.
      const before = Math.max(-1, ...patterns.filter((other) => other.index < pattern.index && elsewhere(other)).map((other) => other.index));
      const after = Math.min(Number.POSITIVE_INFINITY, ...patterns.filter((other) => other.index > pattern.index && elsewhere(other)).map((other) => other.index));
      const shared = sharing.find((other) => other.index > before && other.index < after && !elsewhere(other));
      if (!shared) continue;
      doubted.add(pattern.index);
      changed = true;
      const cell = cells.get(pattern.fieldId);
      if (!cell || cell.ambiguous) continue;
      cells.set(pattern.fieldId, withSecondReading(cell, `ambiguous: the label is also the label of ${shared.fieldId ?? 'a heading'}, not found in a place of its own: the row may be that one`));
    }
  }
}

/** Whether two labels were found overlapping or in one cell (a label matched by meaning inside another row's cell). */
function sameCell(listCells: readonly ListCell[], left: RowAnchor, right: RowAnchor): boolean {
  if (left.matchStart < right.matchEnd && right.matchStart < left.matchEnd) return true;
  // In one cell only by meaning: a flattened table is one cell, where labels found exactly do stand apart.
  if (left.how !== 'similar-cell' && right.how !== 'similar-cell') return false;
  return cellIndexAt(listCells, left.matchStart) === cellIndexAt(listCells, right.matchStart);
}
