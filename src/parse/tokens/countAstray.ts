import type { RowReadings } from './placeRowValues.ts';
import type { Token } from './Token.ts';

/*
 * Signs that a row of several groups (section 四) counted off in order may have gone astray: its values stand on
 * several lines (a PDF's reading order), or header words stand among them (the PDF drew them in pieces).
 */

/** Whether the values a row's readings place stand on more than one line. */
export function overSeveralLines(placed: RowReadings): boolean {
  const lines = new Set(placed.readings.flatMap((reading) => reading.flatMap((cell) => (cell.kind === 'value' ? [cell.token.line] : []))));
  return lines.size > 1;
}

/** Whether text (header words) stands between the first and the last value of a row's run. */
export function textAmongValues(run: readonly Token[]): boolean {
  const first = run.findIndex((token) => token.kind === 'value');
  let last = -1;
  for (let index = run.length - 1; index >= 0; index--) if (run[index]!.kind === 'value') { last = index; break; }
  return first >= 0 && run.slice(first, last).some((token) => token.kind === 'text');
}
