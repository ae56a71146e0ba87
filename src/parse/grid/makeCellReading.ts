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
  let value = numeric.value;
  const repairs = [...numeric.repairs];
  let ambiguous = false;
  if (cell.text === '') notes.push('blank cell: value null, not 0');
  else if (context.unit === '万元' && value !== null && value !== 0 && !/[元万]/u.test(cell.text)) {
    const headerUnit = printedAmountUnit(view.text, context.fieldId);
    if (headerUnit === '元') {
      value = Number((value / 10_000).toFixed(6));
      repairs.push(`${cell.text} (header unit 元) converted to ${value} 万元`);
    } else if (headerUnit === null) {
      // The 2019 form prints no unit for 采购总金额: 元 and 万元 both occur, a factor of 10,000 apart.
      ambiguous = true;
      notes.push('ambiguous: amount printed without a unit (元 or 万元?): read as 万元');
    }
  }
  return {
    fieldId: context.fieldId,
    raw: cell.text,
    value,
    start: span.start,
    end: span.end,
    method: 'table',
    layout: context.row.layout,
    labelScore: roundScore(context.labelScore),
    repairs,
    ambiguous,
    ...(ambiguous ? { unitInDoubt: true } : {}),
    notes: [...new Set(notes)],
  };
}

const AMOUNT_HEADERS: Readonly<Record<string, string>> = {
  'disclosure.procurement.amount': '采购总金额',
  'disclosure.fees.amount': '收费金额',
};

/**
 * The unit a column header prints for an amount field ("采购总金额(万元)", "本年收费金额(单位:万元)"): 元, 万元,
 * or null when the header prints none.
 */
function printedAmountUnit(text: string, fieldId: string): '元' | '万元' | null {
  const header = AMOUNT_HEADERS[fieldId];
  if (header === undefined) return '万元';
  // A header cell wraps anywhere ("本年收费金额（单" / "位：万元）" in pdftotext -layout): spaces and line breaks may
  // stand between any two of its characters.
  const spaced = (word: string): string => [...word].join('\\s*');
  const pattern = new RegExp(`${spaced(header)}\\s*[(（]\\s*(?:${spaced('单位')}\\s*[:：]\\s*)?(${spaced('万元')}|元)\\s*[)）]`, 'u');
  const match = pattern.exec(text);
  if (match?.[1] === '元') return '元';
  return match ? '万元' : null;
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
