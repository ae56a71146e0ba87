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
 * readings that fail the fewest row sums are taken when they fail at most MAX_INCONSISTENT_ROWS, the block has at
 * least as many rows again that hold under every one of them and not under every reading (a row of zeros holds
 * under all), and every other reading fails at least MIN_FAILURE_MARGIN rows more: a wrong reading scatters the
 * numbers over many rows, a printed slip breaks one. Several readings may fail equally few (the 总计 column's block
 * where only one column prints numbers but for the slip): the caller reads the cells they agree on. The failing
 * rows' rules then flag the inconsistency for a person.
 */
export function bestFitReading(
  readings: readonly BlockReading[],
  values: readonly number[],
  columnCount: number,
): { readings: BlockReading[]; failing: number[]; runnerUpFailures: number } | undefined {
  if (values.some((value) => Number.isNaN(value))) return undefined;
  const scored = readings.map((reading) => ({ reading, failing: failingRows(reading, values, columnCount) }))
    .sort((left, right) => left.failing.length - right.failing.length);
  const fewest = scored[0]?.failing.length;
  if (fewest === undefined || fewest > MAX_INCONSISTENT_ROWS) return undefined;
  const best = scored.filter((entry) => entry.failing.length === fewest);
  const others = scored.filter((entry) => entry.failing.length > fewest);
  const runnerUpFailures = others[0]?.failing.length ?? Number.POSITIVE_INFINITY;
  if (runnerUpFailures < fewest + MIN_FAILURE_MARGIN) return undefined;
  const failing = [...new Set(best.flatMap((entry) => entry.failing))].sort((left, right) => left - right);
  // Rows that tell the readings apart: holding under every best reading, failing under some other.
  const telling = best[0]!.reading.cell.filter((_, rowIndex) => !failing.includes(rowIndex)
    && others.some((other) => other.failing.includes(rowIndex))).length;
  if (telling < failing.length + MIN_FAILURE_MARGIN) return undefined;
  return { readings: best.map((entry) => entry.reading), failing, runnerUpFailures };
}
