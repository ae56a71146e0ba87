import { committedCalibration, MAX_AUTO_ERROR, upperErrorBound } from '../score/CalibrationTable.ts';
import type { CalibrationRow } from '../score/measureCalibration.ts';

/**
 * The calibration table as measured: bucket, fields, wrong, the upper error bound, `auto` where it is below 1 in 1,000,
 * and wrong/fields per labelled set when there are several.
 */
export function formatCalibrationRows(rows: readonly CalibrationRow[]): string {
  const lines = [`${'bucket'.padEnd(46)} ${'fields'.padStart(7)} ${'wrong'.padStart(6)}  upper bound`];
  for (const row of rows) {
    const bound = upperErrorBound(row);
    const parts = row.parts && row.parts.length > 1 ? `  (${row.parts.map((part) => `${part.wrong}/${part.fields}`).join(', ')})` : '';
    lines.push(`${row.bucket.padEnd(46)} ${String(row.fields).padStart(7)} ${String(row.wrong).padStart(6)}  ${bound.toFixed(5)}${bound < MAX_AUTO_ERROR ? '  auto' : ''}${parts}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A set's fields per bucket as `npm run eval` prints them (bucket, fields, wrong on this set), marked `auto` where
 * the committed calibration lets the bucket be auto.
 */
export function formatBucketRows(rows: readonly CalibrationRow[]): string[] {
  const lines = [`    ${'bucket'.padEnd(46)} ${'fields'.padStart(7)} ${'wrong'.padStart(6)}`];
  for (const row of rows) {
    const auto = upperErrorBound(committedCalibration.buckets[row.bucket]) < MAX_AUTO_ERROR;
    lines.push(`    ${row.bucket.padEnd(46)} ${String(row.fields).padStart(7)} ${String(row.wrong).padStart(6)}${auto ? '  auto' : ''}`);
  }
  return lines;
}
