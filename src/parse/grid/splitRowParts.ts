import type { GridCell, GridRow } from './GridRow.ts';
import { isGarbledNumber, isValueText } from './isValueText.ts';

/** A cell with its position in the row (leading and padding cells counted). */
export interface PlacedCell {
  readonly cell: GridCell;
  readonly index: number;
}

/** A row cut into its label cells and the value cells after the last label. */
export interface RowParts {
  readonly labels: readonly PlacedCell[];
  /** Every cell after the last label cell, blanks included. */
  readonly values: readonly PlacedCell[];
  /** True when a value stands before a label (prose such as "全年收到申请 34 件，上年结转 2 件"), not a table row. */
  readonly mixed: boolean;
  /** Non-blank value cells. */
  readonly filled: number;
}

/** A letter OCR reads for the digit 1, standing alone in a cell. */
export const LONE_ONE = /^[Il|]$/u;

/**
 * Cuts a row into labels and values: labels are every non-value cell up to the last one, values what follows.
 * A lone "I" or "l" after the label is an OCR 1 in a row of numbers, not a label.
 */
export function splitRowParts(row: GridRow): RowParts {
  let lastLabel = -1;
  // (An ordinal cut from its label, GridRow.ordinalCut, is the label's piece.)
  const isValue = row.cells.map((cell, index) => !(index === 0 && row.ordinalCut === true) && isValueText(cell.text));
  for (let index = 0; index < row.cells.length; index++) {
    if (isValue[index]) continue;
    // (Nor a number OCR garbled into letters after the label, "B" for 8 in "| 行政事业性收费 | |B|29 | 0 |": a value unread.)
    if (lastLabel >= 0 && (LONE_ONE.test(row.cells[index]!.text) || isGarbledNumber(row.cells[index]!.text))) continue;
    lastLabel = index;
  }
  for (let index = lastLabel + 1; index < row.cells.length; index++) isValue[index] = true;
  const labels: PlacedCell[] = [];
  const values: PlacedCell[] = [];
  let mixed = false;
  let filled = 0;
  for (let index = 0; index < row.cells.length; index++) {
    const cell = row.cells[index]!;
    if (index <= lastLabel) {
      if (!isValue[index]) labels.push({ cell, index });
      else if (cell.text !== '') mixed = true;
    } else {
      values.push({ cell, index });
      if (cell.text !== '') filled++;
    }
  }
  return { labels, values, mixed, filled };
}
