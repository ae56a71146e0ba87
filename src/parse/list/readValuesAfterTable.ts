import { readNumericCell } from '../../normalise/readNumericCell.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { CellReading } from '../ParseResult.ts';
import type { RowAnchor } from './findRowAnchors.ts';
import { countedReading, type BlockReading } from './readColumnBlocks.ts';
import { cellIndexAt, type ListCell } from './tokeniseListCells.ts';

/** Layout name of the cells this reader reads. */
export const VALUES_AFTER_TABLE_LAYOUT = 'values-after-table';

/**
 * Reads a table printed labels first, every row's label and unit with no value, then all the values after its last
 * row before any words: a PDF whose value column is one text block comes out so in reading order (pdfminer). A list
 * form has one value column, so the order down it is row order: the values are the rows' in turn. Read only when
 * every value row of the form was found (`fieldCount`), no row but the last took a value of its own (the last may
 * have taken the first of the run), and the run holds exactly one value per row; otherwise nothing is read.
 */
export function readValuesAfterTable(
  mapped: MappedText,
  cells: readonly ListCell[],
  ordered: readonly RowAnchor[],
  read: ReadonlyMap<string, CellReading>,
  fieldCount: number,
  fieldUnitOf: (anchor: RowAnchor) => string,
): BlockReading[] {
  const rows = ordered.filter((anchor) => anchor.pattern.fieldId !== null);
  const last = rows[rows.length - 1];
  if (!last || rows.length !== fieldCount) return [];
  const printedBlank = (anchor: RowAnchor) => {
    const cell = read.get(anchor.pattern.fieldId!);
    return !cell || (cell.value === null && cell.raw === '');
  };
  if (!rows.slice(0, -1).every(printedBlank)) return [];
  const values = valuesAfter(cells, cellIndexAt(cells, last.matchEnd - 1) + 1, last.pattern.unit);
  if (values.length !== rows.length) return [];
  const readings: BlockReading[] = [];
  for (const [index, anchor] of rows.entries()) {
    const cell = values[index]!;
    const fieldUnit = fieldUnitOf(anchor);
    // A money unit printed beside the label other than the form's ("元" where the form counts 万元), the value bare:
    // converted, but only proposed (the unit column may be misread or hold half a wrapped 万元).
    const printed = printedUnit(cells, anchor, rows[index + 1]);
    const converted = printed !== undefined && printed !== fieldUnit && MONEY_UNITS.has(printed) && MONEY_UNITS.has(fieldUnit) && !/元$/u.test(cell.content);
    const value = readNumericCell(converted ? `${cell.content}${printed}` : cell.content, fieldUnit);
    if (!value) return [];
    const uncertain = converted && value.value !== 0;
    const repairs = uncertain ? [...value.repairs, `unit ${printed} taken from the unit printed beside the label (not certain)`] : value.repairs;
    readings.push(countedReading(mapped, anchor, cell, { value: value.value, repairs, ambiguous: uncertain }, VALUES_AFTER_TABLE_LAYOUT,
      `read from the ${rows.length} values printed after the table's last row, one per row in row order (value ${index + 1})`));
  }
  return readings;
}

const MONEY_UNITS = new Set(['元', '万元', '亿元']);

/** The unit printed after a row's label, before the next row (or the values, after the last row). */
function printedUnit(cells: readonly ListCell[], anchor: RowAnchor, next: RowAnchor | undefined): string | undefined {
  for (let index = cellIndexAt(cells, anchor.matchEnd - 1) + 1; index < cells.length; index++) {
    const cell = cells[index]!;
    if (next && cell.start >= next.anchorStart) return undefined;
    if (cell.kind === 'unit') return cell.content.replace(/\s+/gu, '');
    if (cell.kind !== 'empty' && cell.kind !== 'noise' && cell.kind !== 'text') return undefined;
  }
  return undefined;
}

/**
 * The numbers and blank marks from cell `from` on, up to the first words: empty cells and page furniture skipped, a
 * unit printed after a value ("60000 元") kept with it. The last row's own unit may come first.
 */
function valuesAfter(cells: readonly ListCell[], from: number, lastUnit: string | undefined): ListCell[] {
  const values: ListCell[] = [];
  for (let index = from; index < cells.length; index++) {
    const cell = cells[index]!;
    if (cell.kind === 'empty' || cell.kind === 'noise') continue;
    if (cell.kind === 'number' || cell.kind === 'dash') values.push(cell);
    else if (cell.kind === 'unit' && (values.length > 0 || cell.content.replace(/\s+/gu, '') === (lastUnit ?? ''))) continue;
    else break;
  }
  return values;
}
