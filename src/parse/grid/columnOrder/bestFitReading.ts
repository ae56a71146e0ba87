import { groupSumsHold } from '../glued/rowReadings.ts';
import type { BlockReading } from './blockReadings.ts';

/** Row sums a block reading may leave failing at most and still be read: one or two printed inconsistencies. */
const MAX_INCONSISTENT_ROWS = 2;
/** Rows more than the best-fitting reading that every other reading must fail, so that it stands out. */
const MIN_FAILURE_MARGIN = 3;

/** The indexes of the block's rows whose 总计 is not the sum of their parts under a reading. */
export function failingRows(reading: BlockReading, values: readonly number[], columnCount: number): number[] {
  const failing: number[] = [];
  reading.cell.forEach((cells, rowIndex) => {
    if (!groupSumsHold(cells.map((index) => values[index]!), columnCount)) failing.push(rowIndex);
  });
  return failing;
}

/**
 * A block whose printed totals do not all add up (a report's own arithmetic error) fits no reading whole. The
 * reading that fails the fewest row sums is taken when it fails at most MAX_INCONSISTENT_ROWS, the block has at
 * least as many rows again that hold under it and not under every reading (a row of zeros holds under all), and
 * every other reading fails at least MIN_FAILURE_MARGIN rows more: a wrong reading scatters the numbers over many
 * rows, a printed slip breaks one. The failing rows' rules then flag the inconsistency for a person.
 */
export function bestFitReading(
  readings: readonly BlockReading[],
  values: readonly number[],
  columnCount: number,
): { reading: BlockReading; failing: number[]; runnerUpFailures: number } | undefined {
  if (values.some((value) => Number.isNaN(value))) return undefined;
  const scored = readings.map((reading) => ({ reading, failing: failingRows(reading, values, columnCount) }))
    .sort((left, right) => left.failing.length - right.failing.length);
  const [best, runnerUp] = scored;
  if (!best || best.failing.length > MAX_INCONSISTENT_ROWS) return undefined;
  const runnerUpFailures = runnerUp?.failing.length ?? Number.POSITIVE_INFINITY;
  if (runnerUpFailures < best.failing.length + MIN_FAILURE_MARGIN) return undefined;
  // Rows that tell the readings apart: holding under the best reading, failing under some other.
  const telling = best.reading.cell.filter((_, rowIndex) => !best.failing.includes(rowIndex)
    && scored.some((other) => other.failing.includes(rowIndex))).length;
  if (telling < best.failing.length + MIN_FAILURE_MARGIN) return undefined;
  return { reading: best.reading, failing: best.failing, runnerUpFailures };
}
