import type { MappedText } from '../../../text/MappedText.ts';
import type { CellReading } from '../../ParseResult.ts';
import { readValue } from '../../tokens/readValue.ts';
import { isLetterBesideDigits } from '../isValueText.ts';
import { sourceSpan, type CompactView } from './compactView.ts';
import type { LocatedRow } from './locateGluedRows.ts';
import { likeliestSplit } from './likeliestSplit.ts';
import { runSplits, type CellSpans, type RowReadings } from './rowReadings.ts';
import { listAlternatives, solvedCell, undecidedCell, withSupport } from './solvedCell.ts';

/** What rowCells needs to turn a row's surviving readings into cells. */
export interface RowCellsInput {
  readonly text: MappedText;
  readonly view: CompactView;
  readonly row: LocatedRow;
  readonly readings: RowReadings;
  /** Indexes of the candidates that satisfy every applied rule. */
  readonly used: readonly number[];
  readonly layout: string;
  /** Why no candidate is left, when `used` is empty. */
  readonly noneReason?: string;
  /** Added to every cell of the row (rules that could not be applied, say). */
  readonly notes?: readonly string[];
  /** The section's reading broke its column rules whatever the split: every cell read is in doubt. */
  readonly tableInDoubt?: boolean;
  /** No rule checks the row (section 二): a split no rule confirms rests on the digits alone. */
  readonly ruleless?: boolean;
  /** The run stands apart from its label by a space where the section's other runs run on from theirs. */
  readonly setApart?: boolean;
}

/**
 * A glued run whose digits hold more than digits, or that a decimal point or an OCR letter opens: a thousands comma
 * ("31315,443" split 3 | 13 | 15,443 or 31 | 3 | 15,443 … and read 315,443), a decimal point, a letter read as a digit
 * ("o.5万元" read 5). Its splits rest on more than the digits' order.
 */
const UNSURE_RUN = /[,.，．OoIl〇]/u;
/** A decimal point or a thousands comma: a number goes on past it. */
const NUMBER_MARK = /[.．,，]/u;
/** Opened right after a decimal point, an OCR letter or a comma: the number's first digits may stand before it ("Ｉ，３３０" for 1,330). */
const UNSURE_OPENING = /[.．,，OoIl〇]$/u;

/**
 * The cells of one glued row: a cell with the same value in every surviving reading is read (with its own
 * digits as evidence); a cell that differs between readings, or a row with no reading left, gives cells with
 * value null marked ambiguous and a note listing what they could be.
 */
export function rowCells(input: RowCellsInput): CellReading[] {
  const { text, view, row, readings, used } = input;
  const run = row.run;
  const runSpan = run ? sourceSpan(view, run.start, run.end) : { start: row.label.end, end: row.label.end };
  const printedRun = text.text.slice(runSpan.start, runSpan.end);
  const label = row.spec.canonical;
  const extra = input.notes ?? [];
  const digitPerCell = used.length > 0 && splitsDigitPerCell(readings, view, row.spec.fieldIds.length);
  // Digits OCR read as letters touch the run: the run is not the row's whole number, whatever split holds.
  // So do letters past a decimal point or a thousands comma the run stopped at ("１３８．ｌ", 138.1 with its 1 read as ｌ:
  // seed 4599, variant 325; "l,282" for 1,282: seed 4601, variant 860).
  const lettersBeside = isLetterBesideDigits(text.text[runSpan.start - 1]) || isLetterBesideDigits(text.text[runSpan.end])
    || (NUMBER_MARK.test(text.text[runSpan.end] ?? '') && isLetterBesideDigits(text.text[runSpan.end + 1]))
    || (NUMBER_MARK.test(text.text[runSpan.start - 1] ?? '') && isLetterBesideDigits(text.text[runSpan.start - 2]));
  const inDoubt = input.tableInDoubt === true || input.setApart === true || UNSURE_RUN.test(printedRun) || UNSURE_OPENING.test(text.text.slice(Math.max(0, runSpan.start - 1), runSpan.start))
    || (input.ruleless === true && used.length > 0 && (numberAfterZero(readings, used, view) || pieceSpacedApart(readings, printedRun)));
  // Where no split is certain, the plainest one the row's digits allow is offered to the reviewer (never read as a value).
  const offered = used.length === 1 ? undefined : likeliestSplit(view.text, used.length > 1 ? used.map((index) => readings.candidates[index]!) : anySplits(row));
  // A cell as printed (OCR letters kept, so readNumericCell repairs them and notes it), the run's unit on its last cell.
  const unitAfter = (cellIndex: number): string => (cellIndex === row.spec.fieldIds.length - 1 && run?.unit ? run.unit : '');
  const printedCell = (span: readonly [number, number], cellIndex: number): string => view.printed.slice(span[0], span[1]) + unitAfter(cellIndex);
  const proposalAt = (cellIndex: number): number | undefined => {
    const span = offered?.[cellIndex];
    return span ? readValue(printedCell(span, cellIndex), row.spec.units[cellIndex] ?? '')?.value ?? undefined : undefined;
  };
  return row.spec.fieldIds.map((fieldId, cellIndex) => {
    const place = { fieldId, layout: input.layout, labelScore: row.label.score };
    if (lettersBeside) {
      const note = `${label}: letters touch the digits "${printedRun}" where they are printed ("${text.text.slice(Math.max(0, runSpan.start - 1), runSpan.end + 1)}"): digits OCR misread, not read`;
      return undecidedCell(text, { ...place, ...runSpan, notes: [...extra, note] }, printedRun, undefined);
    }
    if (used.length === 0) {
      const reason = input.noneReason ?? (run ? `no split of "${printedRun}" fits the row` : 'no digits after the label');
      return undecidedCell(text, { ...place, ...runSpan, notes: [...extra, `${label}: ${reason}`] }, printedRun, proposalAt(cellIndex));
    }
    const byValue = new Map<number, readonly [number, number]>();
    for (const index of used) {
      const span = readings.candidates[index]![cellIndex]!;
      const value = Number(view.text.slice(span[0], span[1]));
      if (!byValue.has(value)) byValue.set(value, span);
    }
    if (byValue.size > 1) {
      const alternatives = [...byValue.keys()].sort((left, right) => left - right).map(String);
      const note = `${label}: the glued run "${printedRun}" has ${used.length} splits that satisfy every rule; this cell could be ${listAlternatives(alternatives)}`;
      return undecidedCell(text, { ...place, ...runSpan, notes: [...extra, note] }, printedRun, proposalAt(cellIndex));
    }
    const span = [...byValue.values()][0]!;
    const source = sourceSpan(view, span[0], span[1] + unitAfter(cellIndex).length);
    const cell = solvedCell(text, { ...place, ...source, notes: [...extra, howRead(readings, used, printedRun, row.spec.fieldIds.length)] }, printedCell(span, cellIndex), row.spec.units[cellIndex] ?? '');
    const marked = digitPerCell ? { ...cell, digitPerCell: true } : cell;
    return inDoubt ? withSupport(marked, { splitInDoubt: true, ...(input.setApart === true ? { setApart: true } : {}) }) : marked;
  });
}

/** Every split of the row's digits into its cells with no rule applied: what to offer when no split fits the rules. */
function anySplits(row: RowCellsInput['row']): CellSpans[] {
  if (!row.run) return [];
  const { candidates, truncated } = runSplits(row.run, row.spec.kinds);
  return truncated ? [] : candidates;
}

/**
 * Whether a row's only split gives each cell one digit of a run that also reads with fewer numbers and blank cells
 * (a digit other than 0 before another): "665" for three cells is 6 | 6 | 5 only if the text prints every cell, 665
 * and two blanks if it drops them.
 */
function splitsDigitPerCell(readings: RowReadings, view: CompactView, cellCount: number): boolean {
  const only = readings.candidates.length === 1 ? readings.candidates[0] : undefined;
  if (!only || readings.spaced || cellCount < 2) return false;
  if (only.some((span) => span[1] - span[0] !== 1)) return false;
  // Two neighbouring digits are one number, the row's other cell blank, unless the first is 0 (no number opens with
  // it): "000" splits one way only, "013" is also 0 | blank | 13 and "665" 665 | blank | blank.
  return only.slice(0, -1).some((span) => !/^[0０Oo〇]$/u.test(view.text.slice(span[0], span[1])));
}

/**
 * Whether a row's reading puts a number of two digits or more right after a 0 ("020" for two cells read 0 | 20): a
 * split no rule checks, forced by no number opening with 0, where a page number printed bare between two cells of 0
 * ("0" "2" "0") reads the same.
 */
function numberAfterZero(readings: RowReadings, used: readonly number[], view: CompactView): boolean {
  return used.some((index) => {
    const spans = readings.candidates[index]!;
    return spans.some((span, cell) => cell > 0 && span[1] - span[0] >= 2 && /^[0０Oo〇]$/u.test(view.text.slice(spans[cell - 1]![0], spans[cell - 1]![1])));
  });
}

/**
 * Whether a run printed glued holds a piece set apart by spaces ("500 2"): where a row's cells run together, a number
 * standing apart is as likely the page's number, printed between two cells, as a cell (5 | 0 | 0 and the page 2, or
 * 50 | 0 | 2), and no rule of a rule-less row tells.
 */
function pieceSpacedApart(readings: RowReadings, printedRun: string): boolean {
  return readings.spaced !== true && /[0-9０-９]\s+[0-9０-９]/u.test(printedRun);
}

function howRead(readings: RowReadings, used: readonly number[], printedRun: string, cellCount: number): string {
  if (cellCount === 1) return `the row's one cell, printed "${printedRun}"`;
  if (readings.spaced) return 'cells separated by the spaces printed between them';
  if (readings.candidates.length === 1) return `the only split of the glued run "${printedRun}"`;
  if (used.length === 1) return `split solved against the rules (unique): "${printedRun}" has ${readings.candidates.length} splits, one satisfies every rule`;
  return `same value in all ${used.length} splits of the glued run "${printedRun}" that satisfy every rule`;
}
