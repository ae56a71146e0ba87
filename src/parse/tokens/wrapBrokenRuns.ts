import { shiftedEdgeRun, withOpeningBlank } from './shiftedEdgeRun.ts';
import type { Token } from './Token.ts';

/**
 * The other readings of a run of tab cells than the one its tokens give: its edge pieces shifted (shiftedEdgeRun: a
 * line with no label whose opening and closing empty pieces may each be the row's blank cell) and a blank cell at
 * each break a hard wrap made (wrapBrokenRuns).
 */
export function otherTabReadings(run: readonly Token[], labelLine?: number): Token[][] {
  const shifted = shiftedEdgeRun(run, labelLine);
  // (A label-less row broken right after a tab may need both: its opening empty piece a cell, its first line's
  // closing one none, "\t\t\t0\t" / "0\t\t\t\t0…" for section 四's _ _ _ 0 0 _ _ _ 0 ….)
  const broken = brokenAfterTabRuns(run);
  const brokenOpening = broken.flatMap((reading) => {
    const opened = withOpeningBlank(reading, labelLine);
    return opened ? [opened] : [];
  });
  return [...(shifted ? [shifted] : []), ...wrapBrokenRuns(run), ...broken, ...brokenOpening, ...withoutOneClosingPiece(run)];
}

/**
 * The readings of a run of tab cells over several lines without one of its line-closing empty pieces: where rows close
 * every cell with a tab, the piece after a line's last tab opens the next cell (its blank goes on to the next line) or
 * is no cell at all (the row's last line), and a label wrapped with its closing tab ("二、上年结转政府信\t⏎息公开申请数量\t
 * ⏎\t\t\t\t\t\t0\t") leaves one such piece after the label and one after the values: which is the row's blank cell
 * is not known (measureIndependentBreaks seed 401, tab-broken: the first taken for the label's, the row read a cell
 * early, its total 0 committed in the blank 其他 column).
 */
function withoutOneClosingPiece(run: readonly Token[]): Token[][] {
  const closing = run.flatMap((token, index) => (token.kind === 'empty' && token.lineEnd === true ? [index] : []));
  // Only a run whose label's wrapped tail ends its line with such a piece: rows of cells a line each (a page's HTML
  // table turned to text) close their lines so throughout, and their cells are where they stand.
  const afterLabel = closing.filter((index) => run[index - 1]?.kind === 'text' && run[index - 1]!.line === run[index]!.line);
  const last = closing[closing.length - 1];
  if (afterLabel.length === 0 || last === undefined || afterLabel.includes(last)) return [];
  return [...afterLabel, last].map((index) => [...run.slice(0, index), ...run.slice(index + 1)]);
}

/**
 * The readings of a row of tab cells broken right after a tab ("…\t0\t0\t" / "0\t0\t\t"): the empty piece closing
 * the first line, read as a blank cell, may be no cell at all, the break's and not the row's. For each line-closing
 * empty piece inside the run with a value opening the next line, the run without it. (Seeds 13 and 21 of
 * measureIndependentBreaks' tab-broken: the phantom blank shifted the row's values a cell right, its sum still holding.)
 */
export function brokenAfterTabRuns(run: readonly Token[]): Token[][] {
  const readings: Token[][] = [];
  for (let index = 0; index < run.length - 1; index++) {
    const token = run[index]!;
    const next = run[index + 1]!;
    // (A value that is the next row's ordinal, "1.本机关…", opens no cell of this row.)
    if (token.kind !== 'empty' || token.lineEnd !== true || next.kind !== 'value' || next.ordinalTail || next.line === token.line) continue;
    readings.push([...run.slice(0, index), ...run.slice(index + 1)]);
  }
  return readings;
}

/**
 * The other readings of a row of tab cells a hard wrap broke over lines. A wrap breaks a line at its whitespace and
 * takes the whole run of tabs there ("…\t0\t\t0⏎0\t0\t0\t": the tab between two cells and a blank cell's tab with it),
 * so a blank cell may be lost at each break, and the empty piece after the last line's closing tab, read as the row's
 * last blank cell, may then be no cell at all. For each break between two cells (a line that ends on a cell with no
 * closing tab, the next going on with cells), the run read with a blank cell there and without that closing piece;
 * none when the run ends in no closing piece or breaks nowhere between cells. (Seed 4634, variant 593: "0\t\t0⏎0\t0\t0\t"
 * in seven cells read 0 | blank | 0 | 0 | 0 | 0 | blank, a blank committed as the printed 0 beside it.)
 */
export function wrapBrokenRuns(run: readonly Token[]): Token[][] {
  // (Words and the next row's ordinal may end the run: "…0\t0\t⏎2.其他法律…", a group's heading "（五）不予处理".)
  let end = run.length;
  while (end > 0 && (run[end - 1]!.kind === 'text' || (run[end - 1]!.kind === 'value' && (run[end - 1] as { ordinalTail: boolean }).ordinalTail))) end--;
  const last = run[end - 1];
  if (last?.kind !== 'empty' || last.lineEnd !== true) return [];
  const readings: Token[][] = [];
  for (let index = 1; index < end - 1; index++) {
    const before = run[index - 1]!;
    const after = run[index]!;
    if (after.line === before.line || before.kind === 'text' || after.kind === 'text') continue;
    if (before.kind === 'empty' && before.lineEnd === true) continue;
    const lost: Token = { kind: 'empty', start: after.start, end: after.start, line: after.line };
    readings.push([...run.slice(0, index), lost, ...run.slice(index, end - 1), ...run.slice(end)]);
  }
  return readings;
}
