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
  // Letters touching the digits ("565B"): the digits alone are the likeliest reading, not a certain one.
  const lettersBeside = cell.kind === 'value' && cell.token.lettersBeside === true;
  if (unit === '万元' || LONE_ONE.test(gridCell.text)) {
    // Amounts need the header's unit, a lone I/l its OCR repair: the layout readers' cell reader knows both. (An
    // amount's digits are no surer for it: "138.|" for 138.1, adversarial seed 4832.)
    const reading = makeCellReading(view, gridCell, { fieldId, unit, row: PSEUDO_ROW, labelScore, notes: [] });
    if (!reading) return undefined;
    if (!lettersBeside) return { ...reading, layout, support };
    const note = `letters touch the digits where they are printed: "${view.text.slice(Math.max(0, gridCell.start - 1), gridCell.end + 1).trim()}"`;
    return { ...reading, layout, ambiguous: true, unitInDoubt: false, notes: [...reading.notes, note], support: { ...support, readings: Math.max(2, support.readings) } };
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
    ambiguous: lettersBeside,
    notes: gridCell.text === '' ? BLANK_NOTES : lettersBeside ? [`letters touch the digits where they are printed: "${view.text.slice(Math.max(0, gridCell.start - 1), gridCell.end + 1).trim()}"`] : NO_NOTES,
    support: lettersBeside ? { ...support, readings: Math.max(2, support.readings) } : support,
  };
}

const BLANK_NOTES: readonly string[] = ['blank cell: value null, not 0'];
const NO_NOTES: readonly string[] = [];
