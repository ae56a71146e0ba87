import { readNumericCell, type NumericCell } from '../../normalise/readNumericCell.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { CellReading } from '../ParseResult.ts';
import type { GridCell, GridRow } from './GridRow.ts';
import { LONE_ONE } from './splitRowParts.ts';

/** What is known about a cell besides its text: where it came from and how sure its labels are. */
export interface CellContext {
  readonly fieldId: string;
  readonly unit: string;
  readonly row: GridRow;
  readonly labelScore: number;
  readonly notes: readonly string[];
}

/**
 * Turns a cell of a read row into a CellReading: the value in the field's unit (null for a blank, "/" or
 * "—"), the printed text as raw, and the span mapped back to the original decoded text. Returns undefined
 * when the cell is not a number in the field's unit (then the field stays unread).
 */
export function makeCellReading(view: MappedText, cell: GridCell, context: CellContext): CellReading | undefined {
  const numeric = readGridNumber(cell.text, context.unit);
  if (!numeric) return undefined;
  const span = view.toOriginal(cell.start, cell.end);
  const notes = [...context.notes, ...context.row.notes];
  if (cell.text === '') notes.push('blank cell: value null, not 0');
  else if (context.unit === '万元' && numeric.value !== null && !/[元万]/u.test(cell.text)) {
    notes.push('amount printed without a unit: read as 万元');
  }
  return {
    fieldId: context.fieldId,
    raw: cell.text,
    value: numeric.value,
    start: span.start,
    end: span.end,
    method: 'table',
    layout: context.row.layout,
    labelScore: roundScore(context.labelScore),
    repairs: numeric.repairs,
    ambiguous: false,
    notes: [...new Set(notes)],
  };
}

/** readNumericCell, plus a lone "I"/"l" in a value cell (a row of numbers) read as the OCR'd 1 it is. */
function readGridNumber(text: string, unit: string): NumericCell | undefined {
  const numeric = readNumericCell(text, unit);
  if (numeric || !LONE_ONE.test(text)) return numeric;
  return { value: 1, repairs: [`OCR: '${text}' read as 1 (a letter alone in a row of numbers)`] };
}

function roundScore(score: number): number {
  return Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000;
}
