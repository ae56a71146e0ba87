import { readNumericCell } from '../../normalise/readNumericCell.ts';
import { LONE_ONE } from '../grid/splitRowParts.ts';
import type { RuleDefinition } from '../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { CellReading } from '../ParseResult.ts';
import type { ListRowPattern } from './compileListRows.ts';
import type { RowAnchor } from './findRowAnchors.ts';
import { placeBlanksByRules } from './placeBlanksByRules.ts';
import { anchorLabelScore, countedReading } from './readColumnBlocks.ts';
import { cellIndexAt, type ListCell } from './tokeniseListCells.ts';

/** Layout name of the cells this reader reads. */
export const VALUES_AFTER_TABLE_LAYOUT = 'values-after-table';

/**
 * A row's value read from the values after the table; or, its cell not readable as a number ("l" for 1 in OCR'd text),
 * no reading and why, the row's place in the count known all the same.
 */
export interface AfterTableReading {
  readonly pattern: ListRowPattern;
  readonly cell: CellReading | undefined;
  /** Why the cell was not read (cell undefined). */
  readonly problem?: string;
  /** End of the value in the (normalised) text. */
  readonly end: number;
}

/**
 * Value rows whose labels a scan may lose while the values after the table, fewer than the rows, still stand for them
 * in form order (blank rows placed by the rules among the rows found).
 */
const MAX_ROWS_NOT_FOUND = 3;

/**
 * Share of the value rows whose labels may be lost when the values are one a row: enough found rows left to show the
 * table's shape (every row's value printed after its last row).
 */
const MAX_SHARE_NOT_FOUND = 0.25;

/**
 * Reads a table printed labels first, every row's label and unit with no value, then all the values after its last
 * row before any words: a PDF whose value column is one text block comes out so in reading order (pdfminer). A list
 * form has one value column, so the order down it is row order: the values are the rows' in turn, whether their labels
 * were found or not. Read when the rows found stand in the form's order, no row but the last found took a value of its
 * own (the last may have taken the first of the run), and not many labels were lost (a few when blanks must be placed;
 * the form's last rows may be among them, their labels and units then standing before the values). One value per row of the form: read in turn. Fewer (the blank cells left out of the block), or a row's
 * label not found: the blank rows are placed by the form's rules (readWithBlankRows). Otherwise nothing is read.
 */
export function readValuesAfterTable(
  mapped: MappedText,
  cells: readonly ListCell[],
  ordered: readonly RowAnchor[],
  read: ReadonlyMap<string, CellReading>,
  patterns: readonly ListRowPattern[],
  fieldUnitOf: (pattern: ListRowPattern) => string,
  rules: readonly RuleDefinition[],
): AfterTableReading[] {
  const found = ordered.filter((anchor) => anchor.pattern.fieldId !== null);
  const formRows = patterns.filter((pattern) => pattern.fieldId !== null);
  const last = found[found.length - 1];
  const lost = formRows.length - found.length;
  if (!last || lost > formRows.length * MAX_SHARE_NOT_FOUND) return [];
  // The form's last rows may be among those lost (a scan garbled the table's last label): their labels and units
  // stand between the last row found and the values.
  const rowsLostAtEnd = formRows.length - 1 - formRows.indexOf(last.pattern);
  if (!found.every((anchor, index) => index === 0 || found[index - 1]!.pattern.index < anchor.pattern.index)) return [];
  const printedBlank = (anchor: RowAnchor) => {
    const cell = read.get(anchor.pattern.fieldId!);
    return !cell || (cell.value === null && cell.raw === '');
  };
  if (!found.slice(0, -1).every(printedBlank)) return [];
  const values = valuesAfter(cells, cellIndexAt(cells, last.matchEnd - 1) + 1, last.pattern.unit, rowsLostAtEnd);
  if (values.length === 0 || values.length > formRows.length) return [];
  // One value a row: lost labels change nothing (the values stand in row order). Fewer: the blank rows are placed
  // among the rows found, which a few lost labels leave enough of.
  if (values.length < formRows.length && lost > MAX_ROWS_NOT_FOUND) return [];
  if (values.length < formRows.length || found.length < formRows.length) {
    return readWithBlankRows(mapped, cells, formRows, found, values, rules, fieldUnitOf);
  }
  const rows = found;
  const readings: AfterTableReading[] = [];
  for (const [index, anchor] of rows.entries()) {
    const cell = values[index]!;
    const value = readRowValue(cell, fieldUnitOf(anchor.pattern), printedUnit(cells, anchor, rows[index + 1]));
    // One value per row: an unreadable one still stands for its row (the others keep their places), read by a person.
    if (!value) {
      readings.push({ pattern: anchor.pattern, cell: undefined, problem: `could not read the value "${cell.content}" printed after the table`, end: cell.end });
      continue;
    }
    const reading = countedReading(mapped, anchor, cell, { value: value.value, repairs: value.repairs, ambiguous: value.uncertain }, VALUES_AFTER_TABLE_LAYOUT,
      `read from the ${rows.length} values printed after the table's last row, one per row in row order (value ${index + 1})`);
    readings.push({ pattern: anchor.pattern, cell: reading.cell, end: reading.end });
  }
  return readings;
}

/**
 * The values after the table are fewer than its rows (the PDF left its blank cells out of the value block), or a row's
 * label was not found: the rows the blanks were are placed by the form's hard rules (placeBlanksByRules), every row
 * of the form counted whether its label was found or not. A row every reading gives the same value is read, its blank
 * rows too (a blank, not a value: proven 0 or not by the rules later, like any blank); a row the readings differ on
 * gets the first reading's value, ambiguous, for a person. A row whose label was not found has no label score. Nothing
 * is read when no reading holds.
 */
function readWithBlankRows(
  mapped: MappedText,
  cells: readonly ListCell[],
  rows: readonly ListRowPattern[],
  found: readonly RowAnchor[],
  values: readonly ListCell[],
  rules: readonly RuleDefinition[],
  fieldUnitOf: (pattern: ListRowPattern) => string,
): AfterTableReading[] {
  const numbers: (number | null)[] = [];
  // Values OCR left a letter alone ("I" or "l" for 1): taken as the digit only to place the rows, their own row then
  // left unread for a person (a wrong guess breaks the sums it stands in, and no reading holds).
  const unreadable = new Set<number>();
  for (const [index, cell] of values.entries()) {
    const content = cell.content.replace(PRINTED_UNIT, '');
    const value = readNumericCell(content, '') ?? readNumericCell(content.replace(LONE_ONE, '1'), '');
    if (!value) return [];
    if (LONE_ONE.test(content)) unreadable.add(index);
    numbers.push(value.value);
  }
  const placement = placeBlanksByRules(rows.map((pattern) => pattern.fieldId!), numbers, rules);
  if (!placement) return [];
  const blankRows = rows.length - values.length;
  const readings: AfterTableReading[] = [];
  let previousEnd = values[0]!.start;
  for (const [index, pattern] of rows.entries()) {
    const { placement: place, settled } = placement.rows[index]!;
    const note = settled
      ? `read from the ${values.length} values printed after the table's ${rows.length} rows, ${blankRows === 0 ? 'in row order' : `the ${blankRows} blank rows placed by the form's rules`}: every reading that holds them gives this row the same value`
      : `ambiguous: ${placement.readings} readings of the ${values.length} values printed after the table's ${rows.length} rows hold the form's rules, and they differ in this row`;
    const anchor = found.find((other) => other.pattern === pattern);
    const labelNote = anchor ? [] : ['row label not found: placed by the form\'s order of rows'];
    let cell: ListCell | undefined;
    let value: RowValue = { value: null, repairs: [], uncertain: false };
    if (!('blank' in place) && unreadable.has(place.valueIndex)) {
      const unread = values[place.valueIndex]!;
      readings.push({ pattern, cell: undefined, problem: `could not read the value "${unread.content}" printed after the table (placed in this row by the form's rules)`, end: unread.end });
      previousEnd = unread.end;
      continue;
    }
    if (!('blank' in place)) {
      cell = values[place.valueIndex]!;
      const next = found.find((other) => other.pattern.index > pattern.index);
      // A row whose label was lost shows no unit beside it: a bare amount's unit is not known.
      const read = readRowValue(cell, fieldUnitOf(pattern), anchor ? printedUnit(cells, anchor, next) : LOST_UNIT);
      if (!read) return [];
      value = read;
    }
    // A blank row: nothing printed, its place between the values around it.
    const span = cell ? mapped.toOriginal(cell.start, cell.end) : mapped.toOriginal(previousEnd, previousEnd);
    const labelScore = anchor === undefined ? 0 : anchorLabelScore(anchor);
    readings.push({
      pattern,
      end: cell?.end ?? previousEnd,
      cell: {
        fieldId: pattern.fieldId!, raw: cell?.content ?? '', value: value.value, start: span.start, end: span.end, method: 'table',
        layout: VALUES_AFTER_TABLE_LAYOUT, labelScore, repairs: value.repairs, ambiguous: !settled || value.uncertain, notes: [note, ...labelNote],
        support: { readings: settled ? 1 : 2, anchored: anchor !== undefined, placement: 'count', blankRowsPlaced: true },
      },
    });
    if (cell) previousEnd = cell.end;
  }
  return readings;
}

/** A row's value as read, and whether its unit is only taken to be the form's. */
interface RowValue {
  readonly value: number | null;
  readonly repairs: readonly string[];
  readonly uncertain: boolean;
}

/** The unit beside a row whose label was lost: unknown. */
const LOST_UNIT = 'unknown';

/**
 * A row's value from its cell. A money unit printed beside the label other than the form's ("元" where the form counts
 * 万元), or none known, the value bare: converted (when known), but only proposed (the unit column may be misread or
 * hold half a wrapped 万元).
 */
function readRowValue(cell: ListCell, fieldUnit: string, printed: string | undefined): RowValue | undefined {
  const bareAmount = MONEY_UNITS.has(fieldUnit) && !/元$/u.test(cell.content);
  const converted = printed !== undefined && printed !== fieldUnit && MONEY_UNITS.has(printed) && bareAmount;
  const value = readNumericCell(converted ? `${cell.content}${printed}` : cell.content, fieldUnit);
  if (!value) return undefined;
  const unknown = printed === LOST_UNIT && bareAmount;
  const uncertain = (converted || unknown) && value.value !== 0;
  const note = unknown ? 'unit not printed beside a lost label: the form\'s taken (not certain)' : `unit ${printed} taken from the unit printed beside the label (not certain)`;
  return { value: value.value, repairs: uncertain ? [...value.repairs, note] : value.repairs, uncertain };
}

/** A unit printed after a value ("60000 元", "5 件"), left out where the rules compare bare numbers. */
const PRINTED_UNIT = /\s*(?:人次|亿元|万元|万|元|条|件|项|个|人|次|篇|家|场|期)$/u;

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
 * The numbers and blank marks from cell `from` on, up to the first words: empty cells, page furniture and a header a
 * page break repeated skipped, a unit printed after a value ("60000 元") kept with it. The last row's own unit may
 * come first; so may the labels and units of the form's last rows when their labels were not found (`rowsLost`: a few
 * lines of words and a unit each).
 */
function valuesAfter(cells: readonly ListCell[], from: number, lastUnit: string | undefined, rowsLost: number): ListCell[] {
  const values: ListCell[] = [];
  let lostLines = rowsLost * MAX_LOST_ROW_CELLS;
  for (let index = from; index < cells.length; index++) {
    const cell = cells[index]!;
    if (cell.kind === 'empty' || cell.kind === 'noise') continue;
    if (cell.kind === 'number' || cell.kind === 'dash') values.push(cell);
    // A page break may repeat the table's header (统计指标 / 单位 / 统计数) over the values, or fall among them.
    else if (cell.kind === 'header') continue;
    else if (cell.kind === 'unit' && (values.length > 0 || cell.content.replace(/\s+/gu, '') === (lastUnit ?? ''))) continue;
    else if (values.length === 0 && (cell.kind === 'text' || cell.kind === 'unit') && lostLines-- > 0) continue;
    else break;
  }
  return values;
}

/** Cells a lost row's label and unit take at most before the values (a label wrapped over a few lines, its unit). */
const MAX_LOST_ROW_CELLS = 6;
