import type { SignalInput } from './SignalInput.ts';
import type { LayoutClass } from './confidencePolicy.ts';

/**
 * Whether a cell is measured apart as read from a PDF's paged reading order: one cell per line, where a row's cells
 * come out of order; and a blank of a row wrapped over lines, whose proof of 0 rests on a row whose values may have
 * been drawn elsewhere (values counted in such rows measured as well as elsewhere: kept pooled); and every cell of a
 * row placed jointly, which may be short because its values were drawn elsewhere; and every cell of a wrapped row
 * whose blanks were read from gaps, where a page break's blank lines pass for blank cells; and every cell of a row
 * whose extra numbers its rules dropped; and every cell of a glued run split; and every blank of a row that printed
 * no value at all.
 */
export function pagedReadingOrder(input: SignalInput, layoutClass: LayoutClass, value: number | null): boolean {
  if (!input.readingOrderText) return false;
  // A row placed jointly there may be short because its values were drawn elsewhere, not because its blanks left
  // no trace.
  if (layoutClass === 'cellPerLine' || input.cell?.support?.placement === 'joint') return true;
  // A section read in column order: the program draws a row's cells as blocks of their own and orders the blocks by
  // its own analysis, not always left to right ("38 120 35 46 239" printed 38 | 46 | 120 | 35 | 239), and a sum holds
  // whatever the order of its parts, so the rules that confirm the reading cannot see it.
  if (layoutClass === 'columnOrder') return true;
  // A row whose blanks were read from gaps: there a page break's blank lines read like blank cells ("0 0 0 0 0", a
  // page footer, a form feed: five zeros of a seven-cell row and the page gap taken for a sixth cell).
  if (layoutClass === 'flattened' && input.cell?.support?.gapBlanks === true) return true;
  // A row whose extra numbers were dropped by its rules: there the extra numbers may be another row's values drawn
  // into it, and the rules, holding on zeros, choose the wrong ones ("0 0 0 0 0 0 0" kept, the row's 22 … 25 dropped).
  if (layoutClass === 'extraValues') return true;
  // A glued run split against its row's sum: there the digits may be another row's drawn after this row's label,
  // and a split that holds the sum proves nothing of whose they are ("１ ０ ０ / ０ / ０ ０１" after 4.无正当理由…).
  if (layoutClass === 'gluedDigits') return true;
  // A row that printed no value at all: there its values may have been drawn elsewhere (after another row's label),
  // not left blank, and the column total proving its blanks 0 may rest on a row that took them.
  if (input.cell?.support?.emptyRow === true) return true;
  return layoutClass === 'flattened' && value === null && input.rules?.provenZeroBy != null;
}
