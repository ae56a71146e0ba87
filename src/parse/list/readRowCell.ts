import { readNumericCell } from '../../normalise/readNumericCell.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { CellReading } from '../ParseResult.ts';
import type { LabelSkeleton } from './buildLabelSkeleton.ts';
import type { RowAnchor } from './findRowAnchors.ts';
import { readGluedTail, type GluedTail } from './readGluedTail.ts';
import { blankSlot, layoutOf, numberBeforeStopping, placementOf } from './rowCellPlacement.ts';
import { bareUnit, cellIndexAt, LIST_UNITS, UNIT_FRAGMENTS, type ListCell } from './tokeniseListCells.ts';
import { groupByLine, isTabular } from './listCellLines.ts';
import { afterEmptyValueLine } from './afterEmptyValueLine.ts';
import { describeLabel } from './describeLabel.ts';
import { emptyLineAfterValue, valueOnLineOfItsOwn } from './valueOnLineOfItsOwn.ts';
import { isGarbledNumber } from '../grid/isValueText.ts';

/** Everything a row is read from. */
export interface RowContext {
  readonly mapped: MappedText;
  readonly cells: readonly ListCell[];
  readonly skeleton: LabelSkeleton;
  readonly anchor: RowAnchor;
  /** Where the next row found in the text starts (its ordinal included); the text length after the last row. */
  readonly limit: number;
  /** The next row's ordinal as printed ("2."), when there is a next row. */
  readonly nextOrdinal: string;
  /** The field's unit. */
  readonly fieldUnit: string;
}

/** A row as read: the cell, or why there is none; and how far the row runs in the text. */
export interface RowReading {
  readonly cell: CellReading | undefined;
  /** Why no cell could be read with certainty (the field then goes to review). */
  readonly problem: string | undefined;
  /** End of the row in the (normalised) text: its last cell or label character. */
  readonly end: number;
  /**
   * Two numbers stood where one value belongs (a page number beside it): the cell holds the first, marked
   * ambiguous, and these are the readings for the table's rules to choose between (parseListTable).
   */
  readonly choices?: readonly RowChoice[];
  /**
   * The row reads blank, and a number stands at the start of the next line before the next row begins ("… 条 /
   * 29 2.政府网站…"): its value, perhaps, moved there by a line wrap. The cell stays blank and ambiguous; the table's
   * rules may take the number (parseListTable).
   */
  readonly moved?: RowChoice;
  /** The value was read from the label's own cell (running text): true when whitespace set it apart, false when glued. */
  readonly tailSpaced?: boolean;
}

/** One reading of a row whose value is one of two printed numbers. */
export interface RowChoice {
  readonly value: number;
  readonly raw: string;
  /** Span in the original decoded text. */
  readonly start: number;
  readonly end: number;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly kind: 'number' | 'dash';
  readonly layout: string;
  /** Count-unit suffix printed in the value cell itself ("5件"). */
  readonly suffixUnit: string | undefined;
  /** The value stands on a line that carries this row's label text (or is glued to the label). */
  readonly onLabelLine: boolean;
  /** The value is the only thing printed on its line. */
  readonly alone: boolean;
}

/** Lines after the label's last line a row may still take cells from (cell-per-line layouts spread a row over several). */
const MAX_LINES_AFTER_LABEL = 12;
/** Characters after the last label of a flattened table looked at for its value. */
const MAX_UNBOUNDED_TAIL = 200;
const COUNT_UNIT_SUFFIX = new RegExp(`(${LIST_UNITS.filter((unit) => !unit.endsWith('元')).join('|')})$`, 'u');
const MONEY_UNITS = new Set(['元', '万元', '亿元']);

/**
 * Reads the value cell of one row. The row runs from its label to the next row's start, and stops earlier at
 * the first label-bearing cell that is not part of its own label (another row we could not name, a heading, the
 * prose after the table). On every line of the row, the last cell with content is the value column when it
 * holds a number or a no-value mark; a value glued to the label (flattened text) is read from the label cell.
 * One value: read. The same value again on a wrapped line: read, noted. Different values: ambiguous. None,
 * but a unit or an empty value cell printed: blank (null). Nothing readable: no cell (review).
 */
export function readRowCell(context: RowContext): RowReading {
  const { mapped, cells, anchor, limit } = context;
  const text = mapped.text;
  const firstCell = cellAt(cells, anchor.matchStart);
  const lastLabelCell = cellAt(cells, anchor.matchEnd - 1);
  const notes: string[] = [];
  const candidates: Candidate[] = [];

  // Bounded: the next row starts inside the label's own cell (a flattened table), so the tail ends there.
  const bounded = limit < text.length && limit <= lastLabelCell.outerEnd;
  // Unbounded (the last row of a flattened table), only the start of what follows can be the value.
  const tailEnd = bounded ? limit : Math.min(lastLabelCell.outerEnd, anchor.matchEnd + MAX_UNBOUNDED_TAIL);
  const sameLine = readGluedTail(text, anchor.matchEnd, tailEnd, bounded);
  const continued = sameLine.kind === 'none' && !bounded ? tailOnNextLine(text, cells, lastLabelCell, anchor.matchEnd, limit) : undefined;
  if (continued) notes.push('unit and value read from the start of the next line (a line wrap after the label)');
  const tail = continued ?? sameLine;
  /** The row's printed unit; `fromColumn` when it stands in a cell of its own (the 单位 column), not glued to the value. */
  let unit: { text: string; end: number; cell: ListCell | undefined; fromColumn: boolean } | undefined;
  let tailUnreadable: string | undefined;
  let tailChoices: readonly { raw: string; start: number; end: number }[] | undefined;
  // Digits run into the next row's ordinal ("249725.其他方式"): where the value ends was decided by cutting the
  // ordinal off, and a page number run in between ("2497" + "2" + "5.") cannot be told from the value's digits.
  let gluedToOrdinalAt: number | undefined;
  if (tail.kind === 'cell') {
    notes.push(...tail.notes);
    // A unit after the label with no value after it is not the value's own: the value stands elsewhere (on the
    // line before, "…政府公 万 / 28.3254 / …经费） 元"), as a unit column's would.
    if (tail.unit) unit = { text: tail.unit, end: tail.unitEnd, cell: undefined, fromColumn: tail.value === undefined };
    if (tail.value !== undefined) {
      // Spaced from its label but run straight into the next words ("次 20三、依申请…"): running text, where a page
      // number before the value cannot be told from its digits, not a row of its own.
      const runsOn = tail.valueEnd < text.length && !/\s/u.test(text[tail.valueEnd]!);
      const layout = tail.spaced && !runsOn ? 'space-row' : 'flattened';
      candidates.push({
        start: tail.valueStart, end: tail.valueEnd, raw: tail.value, kind: /[0-9０-９OoIl〇]/u.test(tail.value) ? 'number' : 'dash', layout, suffixUnit: undefined,
        onLabelLine: true, alone: false,
      });
      if (bounded && /^[0-9]/u.test(context.nextOrdinal) && tail.valueEnd === limit) {
        notes.push(`value glued to the next row's ordinal "${context.nextOrdinal}"`);
        if (/[0-9]$/u.test(tail.value)) gluedToOrdinalAt = tail.valueStart;
      }
    }
  } else if (tail.kind === 'unreadable') {
    tailUnreadable = tail.content;
    tailChoices = tail.choices;
  }

  // Cells of the row after its first label cell: interleaved with a wrapped label, then up to the next label.
  // A row prints its unit once: a unit on a later line with no label text of this row opens another row (one
  // whose label we could not name), so the row stops there.
  const rowCells: ListCell[] = [];
  const lastLine = lastLabelCell.line + MAX_LINES_AFTER_LABEL;
  const labelLines = new Set<number>();
  let unitLine = unit ? lastLabelCell.line : -1;
  let stoppedAtUnknownLabel = false;
  let numberBeforeStop = false;
  let movedNumber: { raw: string; start: number; end: number } | undefined;
  let stoppedAtSecondUnit = false;
  let splitUnitHead: string | undefined;
  for (let index = firstCell.index; index < cells.length; index++) {
    const cell = cells[index]!;
    if (cell.outerStart >= limit || cell.line > lastLine) break;
    if (index > lastLabelCell.index && cell.kind === 'text') {
      stoppedAtUnknownLabel = true;
      const before = numberBeforeStopping(text, cells, cell, limit, rowCells.at(-1)?.line ?? lastLabelCell.line);
      numberBeforeStop = before.found;
      movedNumber = before.moved;
      break;
    }
    if (cell.kind === 'text') labelLines.add(cell.line);
    if (cell.kind === 'unit') {
      // 元 after a lone 万 is the rest of this row's unit (万元 wrapped in a narrow column), not another row's.
      const completesFragment = splitUnitHead !== undefined && cell.content === '元';
      if (unitLine === -1 && UNIT_FRAGMENTS.has(cell.content)) splitUnitHead = cell.content;
      if (!completesFragment && unitLine !== -1 && cell.line > unitLine && !labelLines.has(cell.line)) {
        stoppedAtSecondUnit = true;
        break;
      }
      if (unitLine === -1) unitLine = cell.line;
    }
    rowCells.push(cell);
  }
  // A cell among the row's that reads like an OCR'd number ("S", "1S"): the row's value, unread; never a blank.
  const garbled = rowCells.find((cell) => cell.index > lastLabelCell.index && cell.kind === 'noise' && isGarbledNumber(cell.content));
  if (garbled) notes.push(`"${garbled.content}" stands where the value belongs: digits OCR misread, not read`);
  const strayBars = rowCells.some((cell) => cell.index > lastLabelCell.index && cell.strayBars === true);
  if (strayBars) notes.push('a bar in the row is no cell boundary (more bars than the table has columns, or one glued to a digit): it may be an OCR\'d 1 of the value');
  let end = anchor.matchEnd;
  let severalValuesOnALine = false;
  for (const line of groupByLine(rowCells)) {
    const meaningful = line.filter((cell) => cell.kind !== 'empty' && cell.kind !== 'noise' && cell.kind !== 'header');
    if (meaningful.filter((cell) => cell.kind === 'number').length > 1) severalValuesOnALine = true;
    const last = meaningful[meaningful.length - 1];
    for (const cell of line) {
      if (cell.kind === 'unit' && !unit) unit = { text: bareUnit(cell.content), end: cell.end, cell, fromColumn: true };
    }
    if (last && (last.kind === 'number' || last.kind === 'dash')) {
      const suffix = last.kind === 'number' ? COUNT_UNIT_SUFFIX.exec(last.content)?.[1] : undefined;
      candidates.push({
        start: last.start, end: last.end, raw: last.content, kind: last.kind, layout: layoutOf(last, line), suffixUnit: suffix,
        onLabelLine: labelLines.has(last.line), alone: meaningful.length === 1,
      });
    }
    if (last) end = Math.max(end, last.kind === 'text' ? Math.min(last.end, anchor.matchEnd) : last.end);
  }
  candidates.sort((left, right) => left.start - right.start);
  // The row's value printed beside its label: a number alone on a later line is the page number of a page
  // break (pdftotext -layout), not a second value of the row. Or the end of the value itself, cut off by a hard
  // wrap ("396" / "5" for 3965): the cell keeps a second reading, so it is never certain.
  let pageNumbersLeftOut = 0;
  if (candidates.some((candidate) => candidate.onLabelLine && candidate.kind === 'number')) {
    const pageNumbers = candidates.filter((candidate) => !candidate.onLabelLine && candidate.alone && candidate.kind === 'number');
    for (const pageNumber of pageNumbers) {
      candidates.splice(candidates.indexOf(pageNumber), 1);
      pageNumbersLeftOut++;
      notes.push(`"${pageNumber.raw}" alone on a line after the row left out (a page number)`);
    }
  }
  if (unit && splitUnitHead !== undefined && unit.text === splitUnitHead) {
    const rest = rowCells.find((cell) => cell.kind === 'unit' && cell.content === '元' && cell.index > (unit?.cell?.index ?? -1));
    if (rest) {
      unit = { ...unit, text: `${splitUnitHead}元` };
      notes.push(`unit printed split over lines as ${splitUnitHead} / 元`);
    }
  }

  const printedUnit = unit?.text ?? candidates.find((candidate) => candidate.suffixUnit)?.suffixUnit;
  if (printedUnit && context.fieldUnit && printedUnit !== context.fieldUnit && !(MONEY_UNITS.has(printedUnit) && MONEY_UNITS.has(context.fieldUnit))) {
    notes.push(`unit printed as ${printedUnit}, the form's is ${context.fieldUnit}`);
  }
  const label = describeLabel(context.anchor, context.skeleton);
  notes.push(...label.notes);

  if (candidates.length === 0) {
    if (tailUnreadable !== undefined && tailChoices !== undefined) {
      const choices = tailChoices.flatMap((choice): RowChoice[] => {
        const read = readNumericCell(choice.raw, context.fieldUnit);
        if (!read || read.value === null) return [];
        const span = mapped.toOriginal(choice.start, choice.end);
        return [{ value: read.value, raw: choice.raw, start: span.start, end: span.end }];
      });
      const first = choices[0];
      // Unit conversions are out: a page number and a value are told apart only by the rules, in the field's unit.
      if (first && choices.length === tailChoices.length && !(printedUnitIsForeign(tail, context.fieldUnit))) {
        notes.push(`two numbers where one value belongs: ${choices.map((choice) => `"${choice.raw}"`).join(', ')}`);
        return {
          cell: {
            fieldId: anchor.pattern.fieldId!, raw: first.raw, value: first.value, start: first.start, end: first.end, method: 'table',
            layout: 'flattened', labelScore: label.score, repairs: [], ambiguous: true, notes,
            support: { readings: choices.length, anchored: true, placement: 'count' },
          },
          problem: undefined,
          end: tailEnd,
          choices,
        };
      }
    }
    if (tailUnreadable !== undefined) return { cell: undefined, problem: `could not read "${tailUnreadable.slice(0, 40)}" after the label`, end };
    const slot = blankSlot(rowCells, unit, lastLabelCell);
    if (!slot) return { cell: undefined, problem: 'no unit and no value cell found after the label', end };
    // Unit after unit with no empty value cell between (labels, units and values printed column after column):
    // where this row's value is cannot be told.
    if (stoppedAtSecondUnit && !slot.emptyCell) return { cell: undefined, problem: 'another unit follows the unit with no value cell between', end };
    notes.push('blank cell: no value printed');
    // No unit and no value, and the next line starts with text we cannot name: perhaps the label wraps on.
    const unsure = (!unit && stoppedAtUnknownLabel) || numberBeforeStop || garbled !== undefined || strayBars;
    if (!unit && stoppedAtUnknownLabel) notes.push('no unit printed either, and unread text follows: the row may continue on the next line');
    if (numberBeforeStop) notes.push('a number stands before the next row: the value may have been moved there by a line wrap');
    const span = mapped.toOriginal(slot.position, slot.position);
    const movedRead = movedNumber ? readNumericCell(movedNumber.raw, context.fieldUnit) : undefined;
    const movedSpan = movedNumber ? mapped.toOriginal(movedNumber.start, movedNumber.end) : undefined;
    return {
      ...(movedNumber && movedRead && movedRead.value !== null && movedSpan
        ? { moved: { value: movedRead.value, raw: movedNumber.raw, start: movedSpan.start, end: movedSpan.end } }
        : {}),
      cell: {
        fieldId: anchor.pattern.fieldId!, raw: '', value: null, start: span.start, end: span.end, method: 'table',
        layout: slot.layout, labelScore: label.score, repairs: [], ambiguous: unsure, notes,
        // Unsure: the row may continue on the next line, so blank and a value there are both readings.
        support: { readings: unsure ? 2 : 1, anchored: true, placement: placementOf(slot.layout, slot.emptyCell) },
      },
      problem: undefined,
      end: Math.max(end, slot.position),
    };
  }

  const readings = candidates.map((candidate) => readCandidate(candidate, printedUnit, unit?.fromColumn ?? false, context.fieldUnit));
  const first = readings[0]!;
  if (first.value === undefined) return { cell: undefined, problem: `could not read the value "${candidates[0]!.raw}"`, end };
  let ambiguous = first.uncertain;
  const chosenCell = cellAt(cells, candidates[0]!.start);
  if (isTabular(cells, lastLabelCell) && chosenCell.line > lastLabelCell.line && !labelLines.has(chosenCell.line)) {
    ambiguous = true;
    notes.push('the value stands on a line of its own after the row: it may belong to a row whose label is missing');
  }
  if (garbled !== undefined || strayBars) ambiguous = true;
  if (emptyLineAfterValue(cells, lastLabelCell, unit?.cell, chosenCell)) {
    ambiguous = true;
    notes.push('an empty line follows the value where the rows end without one, one cell a line: the value may be a page number, the row blank');
  }
  if (afterEmptyValueLine(cells, lastLabelCell, unit?.cell, chosenCell)) {
    ambiguous = true;
    notes.push('an empty line stands between the unit and the value, one cell a line: the row\'s value may be that blank, the number after it a page number or another row\'s');
  }
  if (severalValuesOnALine) {
    ambiguous = true;
    notes.push('several numbers on one line of the row: which column is 统计数 is not certain');
  }
  if (readings.length > 1) {
    const same = readings.every((reading) => reading.value === first.value && (first.value !== null || reading.raw === first.raw));
    // Digits alike on lines of their own, set apart by spaces (pdftotext -layout), may be one number a narrow cell
    // wrapped a digit a line ("1" / label / "1" for 11), not one value printed twice; a cell drawn by tabs or pipes
    // holds its whole number.
    const pieces = candidates.map((candidate) => cellAt(cells, candidate.start));
    const wrappedDigits = new Set(pieces.map((piece) => piece.line)).size > 1
      && pieces.every((piece) => piece.separatorBefore !== '\t' && piece.separatorBefore !== '|')
      && candidates.every((candidate) => /^[0-9０-９]{1,2}$/u.test(candidate.raw));
    if (same && wrappedDigits) {
      ambiguous = true;
      notes.push(`the row prints ${candidates.map((candidate) => `"${candidate.raw}"`).join(', ')} on lines of their own: one value repeated, or one number wrapped over the lines`);
    } else if (same) notes.push('value repeated on the wrapped line');
    else {
      ambiguous = true;
      notes.push(`the row carries different values: ${candidates.map((candidate) => `"${candidate.raw}"`).join(', ')}`);
    }
  }
  if (tailUnreadable !== undefined) {
    notes.push(`unread text after the label: "${tailUnreadable.slice(0, 40)}"`);
    // Digits glued to the label may be this row's value printed twice, or not: not certain.
    if (/[0-9０-９]/u.test(tailUnreadable)) ambiguous = true;
  }
  const chosen = candidates[0]!;
  const span = mapped.toOriginal(chosen.start, chosen.end);
  return {
    cell: {
      fieldId: anchor.pattern.fieldId!, raw: chosen.raw, value: first.value, start: span.start, end: span.end, method: 'table',
      layout: chosen.layout, labelScore: label.score, repairs: first.repairs, ambiguous, notes,
      support: {
        readings: ambiguous ? Math.max(2, distinctReadings(readings)) : pageNumbersLeftOut > 0 ? 2 : 1,
        anchored: true,
        placement: chosen.start === gluedToOrdinalAt ? 'split' : placementOf(chosen.layout, true),
        ...(valueOnLineOfItsOwn(cells, lastLabelCell, unit?.cell, chosenCell) ? { lineCells: true } : {}),
      },
    },
    problem: undefined,
    end: Math.max(end, chosen.end),
    ...(tail.kind === 'cell' && tail.value !== undefined && chosen.start === tail.valueStart ? { tailSpaced: tail.spaced } : {}),
  };
}

/** Distinct values among a row's readings (blank and unreadable count as readings of their own). */
function distinctReadings(readings: readonly { value: number | null | undefined }[]): number {
  return new Set(readings.map((reading) => String(reading.value))).size;
}

/** True when the unit printed in a tail is a money unit other than the field's (a conversion would be involved). */
function printedUnitIsForeign(tail: GluedTail, fieldUnit: string): boolean {
  if (tail.kind !== 'unreadable') return false;
  const unit = LIST_UNITS.find((candidate) => tail.content.includes(candidate) && MONEY_UNITS.has(candidate));
  return unit !== undefined && unit !== fieldUnit;
}

/** The cell containing text position `position`. */
function cellAt(cells: readonly ListCell[], position: number): ListCell {
  return cells[cellIndexAt(cells, position)]!;
}

/** Reads a candidate value in the field's unit (元 converted to 万元 where printed so); undefined when unreadable. */
function readCandidate(
  candidate: Candidate,
  printedUnit: string | undefined,
  unitFromColumn: boolean,
  fieldUnit: string,
): { value: number | null | undefined; raw: string; repairs: readonly string[]; uncertain: boolean } {
  if (candidate.kind === 'dash') return { value: null, raw: candidate.raw, repairs: [], uncertain: false };
  let cell = candidate.raw;
  if (candidate.suffixUnit) cell = cell.slice(0, -candidate.suffixUnit.length);
  // A money unit other than the field's, printed in the unit column and not in the value's own cell: the
  // conversion is proposed, never certain (the column may hold half of a wrapped 万元, or a misplaced unit).
  const convertedFromColumn = printedUnit !== undefined && MONEY_UNITS.has(printedUnit) && printedUnit !== fieldUnit && !/元$/u.test(cell);
  if (convertedFromColumn) cell += printedUnit;
  const read = readNumericCell(cell, fieldUnit);
  if (read) {
    // 0 is 0 in any unit: nothing to be unsure of.
    const uncertain = convertedFromColumn && unitFromColumn && read.value !== 0;
    const repairs = uncertain ? [...read.repairs, `unit ${printedUnit} taken from the unit column, not the value's cell (not certain)`] : read.repairs;
    return { value: read.value, raw: candidate.raw, repairs, uncertain };
  }
  // A lone l or I where the value stands is most likely a 1, but a letter alone is not proof: proposed, marked.
  if (/^[lI]$/u.test(cell.trim())) return { value: 1, raw: candidate.raw, repairs: [`OCR: '${cell.trim()}' alone read as 1 (not certain)`], uncertain: true };
  return { value: undefined, raw: candidate.raw, repairs: [], uncertain: false };
}

/**
 * Running text wrapped at a fixed width, the label ending its line: the row's unit and value open the next line, run
 * on into the next row ("…驳回原告诉讼请求数 / 件 5 （二）被依法纠错数 件 0"), read as if the line went on. Only a unit and
 * a value will do, as on the label's own line; undefined otherwise.
 */
function tailOnNextLine(text: string, cells: readonly ListCell[], labelCell: ListCell, labelEnd: number, limit: number): GluedTail | undefined {
  const next = cells[labelCell.index + 1];
  if (next === undefined || next.kind !== 'text' || next.line !== labelCell.line + 1 || next.start >= limit
    || text.slice(labelEnd, labelCell.outerEnd).trim() !== '') return undefined;
  const bounded = limit < text.length && limit <= next.outerEnd;
  const tail = readGluedTail(text, next.start, bounded ? limit : Math.min(next.outerEnd, next.start + MAX_UNBOUNDED_TAIL), bounded);
  return tail.kind === 'cell' && tail.unit !== undefined && tail.value !== undefined ? tail : undefined;
}
