import type { CellReading, CellSupport } from '../ParseResult.ts';
import type { GridRow } from '../grid/GridRow.ts';
import { makeCellReading } from '../grid/makeCellReading.ts';
import { LONE_ONE } from '../grid/splitRowParts.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { PlacedCell } from './placeRowValues.ts';
import { readValue } from './readValue.ts';

const PSEUDO_ROW: GridRow = { cells: [], layout: 'space-row', start: 0, end: 0, incomplete: false, notes: [] };

/** One placed cell (a value token or an empty cell) as a cell reading of the field, with the solver's signals. */
export function readTokenCell(
  view: MappedText,
  cell: PlacedCell,
  fieldId: string,
  unit: string,
  layout: string,
  labelScore: number,
  support: CellSupport,
): CellReading | undefined {
  const gridCell = cell.kind === 'empty' ? { text: '', start: cell.start, end: cell.start } : { text: cell.token.raw, start: cell.token.start, end: cell.token.end };
  if (unit === '万元' || LONE_ONE.test(gridCell.text)) {
    // Amounts need the header's unit, a lone I/l its OCR repair: the layout readers' cell reader knows both.
    const reading = makeCellReading(view, gridCell, { fieldId, unit, row: PSEUDO_ROW, labelScore, notes: [] });
    return reading ? { ...reading, layout, support } : undefined;
  }
  const numeric = readValue(gridCell.text, unit);
  if (!numeric) return undefined;
  const span = view.toOriginal(gridCell.start, gridCell.end);
  return {
    fieldId,
    raw: gridCell.text,
    value: numeric.value,
    start: span.start,
    end: span.end,
    method: 'table',
    layout,
    labelScore: Math.round(Math.max(0, Math.min(1, labelScore)) * 1000) / 1000,
    repairs: numeric.repairs,
    ambiguous: false,
    notes: gridCell.text === '' ? BLANK_NOTES : NO_NOTES,
    support,
  };
}

const BLANK_NOTES: readonly string[] = ['blank cell: value null, not 0'];
const NO_NOTES: readonly string[] = [];
