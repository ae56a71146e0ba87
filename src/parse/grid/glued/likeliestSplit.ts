import { uniqueLeast } from '../../uniqueLeast.ts';
import type { CellSpans } from './rowReadings.ts';

/**
 * The plainest of a glued run's splits, offered to the reviewer where no split is certain: the one whose numbers are
 * smallest taken together (the least sum of their logarithms). The counts of these forms are mostly small and of a
 * size ("191919" for three cells of a row is more often 19 | 19 | 19 than 1 | 9 | 1919). Undefined when no split is
 * given, or when two splits that differ are as plain as each other.
 */
export function likeliestSplit(text: string, splits: readonly CellSpans[]): CellSpans | undefined {
  const best = uniqueLeast(splits, (spans) => spans.reduce((sum, [start, end]) => sum + pieceCost(text.slice(start, end)), 0), (left, right) => samePieces(text, left, right));
  return best === undefined ? undefined : splits[best];
}

function samePieces(text: string, left: CellSpans, right: CellSpans): boolean {
  return left.every(([start, end], index) => text.slice(start, end) === text.slice(right[index]![0], right[index]![1]));
}

/** A piece's cost: the logarithm of its size (a count of 0 costs nothing, one of 1,000 about 7). */
function pieceCost(piece: string): number {
  return Math.log1p(Math.abs(Number(piece.replace(/,/gu, '')) || 0));
}
