import { readValue } from './readValue.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { PlacedCell } from './placeRowValues.ts';
import { satisfiesRules } from './readingRules.ts';
import type { ValueToken } from './Token.ts';
import { tokenPiece } from './tokenPiece.ts';

/**
 * Placements of a short row enumerated at most: a seven-cell row has at most 35; section 四's fifteen cells with
 * four to eleven values have 1,365 to 6,435, which the three group sums rarely narrow to one (and each costs a read).
 */
const MAX_SHORT_ROW_PLACEMENTS = 1_000;

/**
 * Every way to lay a row's values, in printed order, into its cells when the row prints fewer values than cells
 * and its blank cells left no trace (text flattened with empty cells dropped): the other cells empty, each
 * reading kept when the row's rules hold with blanks as 0. Empty when there are too many ways, or none fits.
 * Which of them the report printed is for the section's rules to tell (pruneByRules).
 */
export function shortRowReadings(values: readonly ValueToken[], row: SkeletonRow, unitOf: (fieldId: string) => string): PlacedCell[][] {
  const cellCount = row.fieldIds.length;
  if (values.length === 0 || values.length >= cellCount) return [];
  const place = (positions: readonly number[]): PlacedCell[] => layInCells(values, positions, cellCount, values[0]!.start);
  // A row printing only zeros reads the same (every cell 0 or blank) however its zeros are laid: placements that
  // put a 0 in each cell (every window of consecutive cells) and leave each cell empty in turn say as much as all of
  // them (a fifteen-cell row of ten zeros has 3,003).
  if (values.every((token) => readValue(token.raw, unitOf(row.fieldIds[0]!))?.value === 0)) {
    const cells = Array.from({ length: cellCount }, (_, cell) => cell);
    const windows = Array.from({ length: cellCount - values.length + 1 }, (_, from) => place(cells.slice(from, from + values.length)));
    const skipping = cells.map((empty) => place(cells.filter((cell) => cell !== empty).slice(0, values.length)));
    return [...windows, ...skipping];
  }
  if (choose(cellCount, values.length) > MAX_SHORT_ROW_PLACEMENTS) return [];
  const readings: PlacedCell[][] = [];
  for (const positions of subsets(Array.from({ length: cellCount }, (_, index) => index), values.length)) {
    const reading = place(positions);
    if (satisfiesRules(reading, row, unitOf, 'zero')) readings.push(reading);
  }
  return readings;
}

/** Readings of one glued digit run enumerated at most (splits times placements). */
const MAX_GLUED_READINGS = 2_000;

/**
 * The readings of a row printed as one glued digit run, blanks left out or not ("929222": 9, 2, 9, 2 and the
 * total 22, two blank columns dropped; "1100002": every cell printed): every split of the digits into as many
 * numbers as cells or fewer, none with a leading zero, whose last number is the row's total and equals the sum of
 * the others, each laid into the cells in order with the total in its own cell. Only for a row whose last cell is
 * the total of all the others (a section 三 row); empty when there are more readings than MAX_GLUED_READINGS.
 * Which of them the report printed is for the section's rules to tell.
 */
export function gluedShortRowReadings(run: ValueToken, row: SkeletonRow, unitOf: (fieldId: string) => string): PlacedCell[][] {
  const cellCount = row.fieldIds.length;
  const totalId = row.fieldIds[cellCount - 1]!;
  const parts = new Set(row.fieldIds.slice(0, -1));
  const isRowSum = row.rules.some((rule) => rule.kind === 'equal' && rule.left.length === 1 && rule.left[0] === totalId
    && rule.right.length === parts.size && rule.right.every((id) => parts.has(id)));
  if (!isRowSum || !/^\d+$/u.test(run.raw) || unitOf(totalId) === '万元') return [];
  const digits = run.raw;
  const piece = (from: number, to: number): ValueToken => tokenPiece(run, from, to);
  const readings: PlacedCell[][] = [];
  for (let totalStart = 1; totalStart < digits.length; totalStart++) {
    if (digits[totalStart] === '0' && totalStart < digits.length - 1) continue;
    const total = Number(digits.slice(totalStart));
    // Every split of the digits before the total into parts adding up to it (at most one per cell before the total).
    const splits: number[][] = [];
    const split = (from: number, sum: number, cuts: number[]): void => {
      if (splits.length > MAX_GLUED_READINGS) return;
      if (from === totalStart) {
        if (sum === total) splits.push([...cuts]);
        return;
      }
      if (cuts.length >= cellCount - 1) return;
      for (let to = from + 1; to <= totalStart; to++) {
        if (digits[from] === '0' && to > from + 1) break;
        const value = Number(digits.slice(from, to));
        if (sum + value > total) break;
        split(to, sum + value, [...cuts, to]);
      }
    };
    split(0, 0, []);
    for (const cuts of splits) {
      const values: ValueToken[] = [];
      let from = 0;
      for (const to of cuts) {
        values.push(piece(from, to));
        from = to;
      }
      for (const positions of subsets(Array.from({ length: cellCount - 1 }, (_, index) => index), values.length)) {
        const reading = layInCells(values, positions, cellCount - 1, run.start);
        reading.push({ kind: 'value', token: piece(totalStart, digits.length) });
        readings.push(reading);
        if (readings.length > MAX_GLUED_READINGS) return [];
      }
    }
  }
  return readings;
}

/**
 * The values laid in order into the cells at `positions` (ascending), every other cell of `cellCount` empty; an
 * empty cell stands where the value before it ends (before the first value: at `firstStart`).
 */
function layInCells(values: readonly ValueToken[], positions: readonly number[], cellCount: number, firstStart: number): PlacedCell[] {
  const reading: PlacedCell[] = [];
  let next = 0;
  for (let cell = 0; cell < cellCount; cell++) {
    if (positions[next] === cell) reading.push({ kind: 'value', token: values[next++]! });
    else reading.push({ kind: 'empty', start: next === 0 ? firstStart : values[next - 1]!.end });
  }
  return reading;
}

function choose(count: number, size: number): number {
  let result = 1;
  for (let index = 0; index < size; index++) result = (result * (count - index)) / (index + 1);
  return result;
}

/** Every choice of `size` of the values in printed order. */
export function subsets<T>(values: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  const pick = (from: number, chosen: T[]): void => {
    if (chosen.length === size) {
      result.push([...chosen]);
      return;
    }
    for (let index = from; index <= values.length - (size - chosen.length); index++) pick(index + 1, [...chosen, values[index]!]);
  };
  pick(0, []);
  return result;
}
