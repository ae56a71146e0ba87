import type { PlacedCell } from './placeRowValues.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import { SLASH_MARK } from './slashMark.ts';
import type { Token, ValueToken } from './Token.ts';
import { tokenPiece } from './tokenPiece.ts';

/** Readings of one glued run enumerated at most: beyond that the rules could not narrow them to one anyway. */
const MAX_READINGS = 2_000;

/** A count as a cell prints it: 0, or digits not opening with 0. */
const COUNT_PIECE = /^(?:0|[1-9]\d*)$/u;

/**
 * The readings of a row whose cells were glued together with blank marks among them ("…申请数量43////7二、…": a
 * table flattened with no separators, its blank cells printed "/"): each mark is a blank cell of its own, and the
 * digits between the marks hold as many cells as the row has left, each digit run cut into one or more counts
 * (none opening with 0 but 0 itself). Every such cut is a reading ("43" as 4 | 3 here); which the report printed is
 * for the row's rules to tell (the caller keeps the readings that hold them). Empty unless every value of the run is
 * printed against the next with nothing between (no space, no word, no empty cell), a blank mark among them, fewer
 * values than cells, and every cell a count (an amount's decimal digits do not cut into cells).
 */
export function gluedMarkRunReadings(
  tokens: readonly Token[],
  values: readonly ValueToken[],
  row: SkeletonRow,
  unitOf: (fieldId: string) => string,
): PlacedCell[][] {
  const cellCount = row.fieldIds.length;
  if (values.length < 2 || values.length >= cellCount) return [];
  if (row.fieldIds.some((fieldId) => unitOf(fieldId) === '万元')) return [];
  if (!values.some((token) => SLASH_MARK.test(token.raw))) return [];
  if (!values.every((token) => SLASH_MARK.test(token.raw) || /^\d+$/u.test(token.raw))) return [];
  // Glued: each value ends where the next begins, and nothing else stands between the first and the last.
  for (let index = 1; index < values.length; index++) if (values[index - 1]!.end !== values[index]!.start) return [];
  const first = tokens.indexOf(values[0]!);
  const last = tokens.indexOf(values[values.length - 1]!);
  if (first < 0 || last - first + 1 !== values.length) return [];

  const readings: PlacedCell[][] = [];
  const reading: PlacedCell[] = [];
  const visit = (index: number, cellsLeft: number): boolean => {
    if (index === values.length) {
      if (cellsLeft === 0) readings.push([...reading]);
      return readings.length <= MAX_READINGS;
    }
    const token = values[index]!;
    const valuesLeft = values.length - index;
    if (SLASH_MARK.test(token.raw)) {
      reading.push({ kind: 'value', token });
      const going = visit(index + 1, cellsLeft - 1);
      reading.pop();
      return going;
    }
    // This run may take as many cells as leave one for every later value, and no more than it has digits.
    const most = Math.min(token.raw.length, cellsLeft - (valuesLeft - 1));
    for (let pieces = 1; pieces <= most; pieces++) {
      for (const cuts of cutsInto(token.raw, pieces)) {
        let from = 0;
        for (const to of [...cuts, token.raw.length]) {
          reading.push({ kind: 'value', token: tokenPiece(token, from, to) });
          from = to;
        }
        const going = visit(index + 1, cellsLeft - pieces);
        reading.length -= pieces;
        if (!going) return false;
      }
    }
    return true;
  };
  if (!visit(0, cellCount) || readings.length > MAX_READINGS) return [];
  return readings;
}

/** Every way to cut `digits` into `pieces` counts: the cut positions, ascending. */
function cutsInto(digits: string, pieces: number): number[][] {
  const result: number[][] = [];
  const cut = (from: number, left: number, cuts: number[]): void => {
    if (left === 1) {
      if (COUNT_PIECE.test(digits.slice(from))) result.push([...cuts]);
      return;
    }
    for (let to = from + 1; to <= digits.length - (left - 1); to++) {
      if (!COUNT_PIECE.test(digits.slice(from, to))) break;
      cut(to, left - 1, [...cuts, to]);
    }
  };
  cut(0, pieces, []);
  return result;
}
