import type { RuleDefinition } from '../../../templates/TemplateDefinition.ts';
import { evaluateRule } from '../../../validate/evaluateRule.ts';
import { digitsValue, type StreamNumber } from './streamNumbers.ts';

/** One row of a section as the stream solver lays numbers into it. */
export interface StreamRow {
  /** Field ids of the row's cells, in printed order. */
  readonly fieldIds: readonly string[];
}

/** A cell's value in one reading: the numbers [from, to) of the stream, joined when more than one. */
export interface StreamCell {
  readonly fieldId: string;
  readonly value: number;
  readonly from: number;
  readonly to: number;
}

/** What the solver found. */
export interface StreamSolution {
  /** Every reading that accounts for every number and satisfies every rule (at most `limits.readings`). */
  readonly readings: readonly (readonly StreamCell[])[];
  /** More readings than the limit, or the work budget spent: nothing can be said. */
  readonly exhausted: boolean;
}

export interface StreamLimits {
  /** Readings kept at most; more make the stream unreadable. */
  readonly readings: number;
  /** Row placements tried at most, over the whole section. */
  readonly work: number;
}

const DEFAULT_LIMITS: StreamLimits = { readings: 8, work: 200_000 };
/** Lines a narrow cell wraps a number over at most ("1 / 9 / 1" for 191 takes three). */
const MAX_PIECES = 3;
/** Digits a joined number holds at most: counts of the forms stay far below a million. */
const MAX_JOINED_DIGITS = 6;

/**
 * Lays a section's numbers, in the order printed, into its rows in form order, every number used once (a number alone
 * on a line beside a page break may be the page's number and left out), and keeps the readings under which every
 * rule of the section holds. A narrow cell wraps its number over lines ("19" / "1" for 191): the digits that end one
 * line and begin the next may be one number, which the rules then choose. Labels play no part: in a PDF's reading
 * order they stand anywhere, before, among or after their values, while the values keep the form's order.
 * Each row's own rules prune as it is laid; the section's other rules check whole readings.
 */
export function solveNumberStream(
  numbers: readonly StreamNumber[],
  rows: readonly StreamRow[],
  rules: readonly RuleDefinition[],
  limits: StreamLimits = DEFAULT_LIMITS,
): StreamSolution {
  const rowRules = rows.map((row) => {
    const ids = new Set(row.fieldIds);
    return rules.filter((rule) => [...rule.left, ...rule.right].every((id) => ids.has(id)));
  });
  const local = new Set(rowRules.flat());
  const sectionIds = new Set(rows.flatMap((row) => row.fieldIds));
  const sectionRules = rules.filter((rule) => !local.has(rule) && [...rule.left, ...rule.right].every((id) => sectionIds.has(id)));
  let work = 0;
  let exhausted = false;

  const joinable = (index: number) => {
    const here = numbers[index]!;
    const next = numbers[index + 1];
    return next !== undefined && here.lastOnLine && next.firstOnLine && next.line === here.line + 1 && !here.pageEdge && !next.pageEdge
      && !here.ocrZero && !next.ocrZero;
  };

  // The ways row `rowIndex` can take its cells from number `from` on, with its own rules holding.
  const optionsMemo = new Map<number, { cells: StreamCell[]; next: number }[]>();
  const rowOptions = (from: number, rowIndex: number) => {
    const key = from * rows.length + rowIndex;
    const memo = optionsMemo.get(key);
    if (memo) return memo;
    const row = rows[rowIndex]!;
    const options: { cells: StreamCell[]; next: number }[] = [];
    const cells: StreamCell[] = [];
    const lay = (at: number) => {
      if (exhausted) return;
      if (cells.length === row.fieldIds.length) {
        if (++work > limits.work) {
          exhausted = true;
          return;
        }
        const values = new Map(cells.map((cell) => [cell.fieldId, cell.value]));
        if (rowRules[rowIndex]!.every((rule) => evaluateRule(rule, (id) => values.get(id)).outcome === 'pass')) {
          options.push({ cells: [...cells], next: at });
        }
        return;
      }
      if (at >= numbers.length) return;
      if (numbers[at]!.pageEdge) lay(at + 1);
      let digits = '';
      for (let pieces = 1; pieces <= MAX_PIECES && at + pieces <= numbers.length; pieces++) {
        if (pieces > 1 && (!joinable(at + pieces - 2) || /^[0０]/u.test(digits))) break;
        digits += numbers[at + pieces - 1]!.text;
        if (pieces > 1 && digits.length > MAX_JOINED_DIGITS) break;
        cells.push({ fieldId: row.fieldIds[cells.length]!, value: digitsValue(digits), from: at, to: at + pieces });
        lay(at + pieces);
        cells.pop();
      }
    };
    lay(from);
    optionsMemo.set(key, options);
    return options;
  };

  // Readings of rows rowIndex.. from number `from` on, counted up to one past the limit.
  const countMemo = new Map<number, number>();
  const count = (from: number, rowIndex: number): number => {
    if (rowIndex === rows.length) return numbers.slice(from).every((number) => number.pageEdge) ? 1 : 0;
    const key = from * (rows.length + 1) + rowIndex;
    const memo = countMemo.get(key);
    if (memo !== undefined) return memo;
    let total = 0;
    for (const option of rowOptions(from, rowIndex)) {
      total += count(option.next, rowIndex + 1);
      if (total > limits.readings || exhausted) break;
    }
    countMemo.set(key, total);
    return total;
  };

  const total = count(0, 0);
  if (exhausted || total > limits.readings) return { readings: [], exhausted: true };
  const readings: StreamCell[][] = [];
  const collect = (from: number, rowIndex: number, laid: StreamCell[]) => {
    if (rowIndex === rows.length) {
      if (count(from, rowIndex) === 1) readings.push(laid);
      return;
    }
    for (const option of rowOptions(from, rowIndex)) {
      if (count(option.next, rowIndex + 1) > 0) collect(option.next, rowIndex + 1, [...laid, ...option.cells]);
    }
  };
  collect(0, 0, []);
  const holding = readings.filter((reading) => {
    const values = new Map(reading.map((cell) => [cell.fieldId, cell.value]));
    return sectionRules.every((rule) => evaluateRule(rule, (id) => values.get(id)).outcome === 'pass');
  });
  return { readings: holding, exhausted: false };
}
