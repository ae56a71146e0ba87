import { doubtedCell } from '../doubtedCell.ts';
import type { CellReading } from '../ParseResult.ts';
import type { TableDefinition } from '../../templates/TemplateDefinition.ts';
import { readLinesOf } from './digitsAboveOrBelow.ts';
import { digitsInEmptyColumnsIn } from './digitsInEmptyColumns.ts';

/** The note on a cell held because digits stand beside its row's line in columns that line leaves empty. */
export const WRAPPED_PAST_LINE_NOTE = 'ambiguous: digits printed just above or below this row, in columns its line leaves empty: numbers wrapped past the row\'s line';

/**
 * Holds the cells a row placed jointly took as 0 or blank (CellSupport.zeroOrBlank) when numbers stand on the line
 * just above or below the row's, in columns the row's line leaves empty (digitsInEmptyColumns): numbers wrapped a
 * digit above and below the line, which printed only the cells that fit ("4   3   7" / "一、本年新收…  0  0  0" /
 * "0   7   7"; seed 4699, variant 580 committed 40 and 37 as 0). Lines holding a printed cell of the section are
 * other rows', not wrapped digits.
 */
export function holdRowsWrappedPastTheirLine(cells: Map<string, CellReading>, tables: readonly TableDefinition[], decodedText: string): void {
  let wrappedBeside: ((offset: number) => boolean) | undefined;
  for (const row of tables.flatMap((table) => table.rows)) {
    const fieldIds = row.cells.filter((cell): cell is string => cell !== null);
    const held = fieldIds.filter((fieldId) => {
      const cell = cells.get(fieldId);
      return cell !== undefined && !cell.ambiguous && cell.support?.placement === 'joint' && cell.support.zeroOrBlank === true;
    });
    if (held.length === 0) continue;
    if (wrappedBeside === undefined) {
      const printed = [...cells.values()].filter((cell) => cell.end > cell.start).map((cell) => cell.start);
      wrappedBeside = digitsInEmptyColumnsIn(decodedText, readLinesOf(decodedText, printed));
    }
    // The row's line: where its printed cells stand, or its blanks' place when it printed none.
    const rowCells = fieldIds.map((fieldId) => cells.get(fieldId)).filter((cell) => cell !== undefined);
    const printedCells = rowCells.filter((cell) => cell.end > cell.start);
    const offsets = (printedCells.length > 0 ? printedCells : rowCells).map((cell) => cell.start);
    if (!offsets.some(wrappedBeside)) continue;
    for (const fieldId of held) cells.set(fieldId, doubtedCell(cells.get(fieldId)!, WRAPPED_PAST_LINE_NOTE));
  }
}
