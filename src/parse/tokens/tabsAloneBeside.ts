import { lineAfter, lineBefore, tabsAlone } from '../linesBeside.ts';
import type { PlacedCell } from './placeRowValues.ts';

/**
 * Whether a line of tabs alone stands right before the first of a row's placed values or between its first and last:
 * a piece of a tab row a break cut off, that the tokeniser drops unless it sits between two lines of the row's cells
 * (linesBeside.tabsInRow). "总 计\t⏎\t⏎0\t\t0\t0…" (a row of closing tabs cut after its first, blank cell's tab) reads
 * 0 | _ | 0 … for _ | 0 | _ …, every sum holding (measureIndependentBreaks seed 423, tab-broken: three 0s committed
 * in blank cells of 行政复议 and 行政诉讼).
 */
export function tabsAloneBeside(text: string, readings: readonly (readonly PlacedCell[])[]): boolean {
  const values = readings.flatMap((cells) => cells.flatMap((cell) => (cell.kind === 'value' ? [cell.token] : [])));
  if (values.length === 0) return false;
  const first = Math.min(...values.map((token) => token.start));
  const last = Math.max(...values.map((token) => token.end));
  let lineStart = first;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  if (tabsAlone(lineBefore(text, lineStart))) return true;
  for (let at = text.indexOf('\n', first); at !== -1 && at < last; at = text.indexOf('\n', at + 1)) {
    if (tabsAlone(lineAfter(text, at))) return true;
  }
  return false;
}
