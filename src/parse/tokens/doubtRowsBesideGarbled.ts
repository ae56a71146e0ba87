import type { CellReading } from '../ParseResult.ts';
import { isGarbledNumber } from '../grid/isValueText.ts';
import type { Anchor } from './chooseAnchors.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { Token } from './Token.ts';

/**
 * Words among a section's values that read like OCR'd numbers ("Z" for 2, "1S"): values no reader reads, which a
 * placement of the numbers around them takes for nothing (a blank, or a cell fewer in the row). The cells of the row
 * each stands in (from its label to the next row's) are put in doubt; with `wholeSection` (values laid column by
 * column, where any cell may be the one skipped) every cell is. Rows holding a bar that is no cell boundary
 * (Token.strayBars) are doubted the same way: one bar is a 1, and which cell it was is not known. Mutates `cells`;
 * returns the words found.
 */
export function doubtRowsBesideGarbled(
  tokens: readonly Token[],
  anchors: readonly Anchor[],
  skeleton: readonly SkeletonRow[],
  cells: Map<string, CellReading>,
  wholeSection: boolean,
): string[] {
  const found: string[] = [];
  const rows = new Set<SkeletonRow>();
  const strayRows = new Set<SkeletonRow>();
  const firstLabel = anchors[0]?.tokenIndex ?? Number.POSITIVE_INFINITY;
  tokens.forEach((token, index) => {
    const garbled = token.kind === 'text' && isGarbledNumber(token.text);
    if (index <= firstLabel || !(garbled || (token.kind !== 'text' && token.strayBars === true))) return;
    let owner: Anchor | undefined;
    for (const anchor of anchors) if (anchor.tokenIndex < index) owner = anchor;
    const row = owner === undefined ? undefined : skeleton[owner.rowIndex];
    if (row === undefined) return;
    if (token.kind === 'text') found.push(token.text);
    else strayRows.add(row);
    rows.add(row);
  });
  if (rows.size === 0) return found;
  const doubted = wholeSection ? skeleton.flatMap((row) => row.fieldIds) : [...rows].flatMap((row) => row.fieldIds);
  const note = found.length > 0
    ? `"${found.join('", "')}" printed among the values reads like digits OCR misread: not read, so the cells beside it are not certain`
    : 'a bar in the row is no cell boundary: it may be an OCR\'d 1, so the cells beside it are not certain';
  for (const fieldId of doubted) {
    const cell = cells.get(fieldId);
    if (!cell || cell.ambiguous) continue;
    cells.set(fieldId, { ...cell, ambiguous: true, notes: [...cell.notes, note], ...(cell.support ? { support: { ...cell.support, readings: Math.max(2, cell.support.readings) } } : {}) });
  }
  return found;
}
