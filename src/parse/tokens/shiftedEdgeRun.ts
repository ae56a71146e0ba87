import type { Token } from './Token.ts';

/**
 * The other reading of a run of tab cells with no label on their lines: section 四's values under their column
 * headers, "\t\t\t0\t0\t…\t0\t0\t". The tokens take the empty piece before a tab line's first tab for no cell (an empty
 * label column) and the one after its last tab for the row's last, blank, cell (cells joined by tabs end so). A line
 * with no label may as well open with its first blank cell and end with a tab after its last: both edges cannot be
 * cells of a row a cell too long, and nothing on the line tells which is. The run read the other way (its first cell
 * line's opening piece a blank cell, its closing one no cell), or undefined when the run has no such edges.
 */
export function shiftedEdgeRun(run: readonly Token[], labelLine?: number): Token[] | undefined {
  // (The next row's ordinal or words may end the run: "…\t0\t⏎3.危及…".)
  let end = run.length;
  while (end > 0 && (run[end - 1]!.kind === 'text' || (run[end - 1]!.kind === 'value' && (run[end - 1] as { ordinalTail: boolean }).ordinalTail))) end--;
  const last = run[end - 1];
  if (last?.kind !== 'empty' || last.lineEnd !== true || run[firstCellIndex(run, labelLine)] === last) return undefined;
  return withOpeningBlank([...run.slice(0, end - 1), ...run.slice(end)], labelLine);
}

/**
 * The run with the empty piece before its first cell line's first tab read as a blank cell (the opening piece alone,
 * no closing one dropped), or undefined when its first cell line opens with no such piece.
 */
export function withOpeningBlank(run: readonly Token[], labelLine?: number): Token[] | undefined {
  const firstCell = firstCellIndex(run, labelLine);
  const first = run[firstCell];
  if (!first || first.kind === 'text' || first.afterLeadingEmpty !== true) return undefined;
  return [...run.slice(0, firstCell), { kind: 'empty', start: first.start, end: first.start, line: first.line }, ...run.slice(firstCell)];
}

/**
 * Where the cells start: on the first line after the run's last words, or after the row's label line when the run
 * holds none (a header line's or the label line's own closing piece stays with it: "2.其他法律行政法规禁止公开\t" /
 * "\t\t\t\t\t\t0\t", seed 201 tab-broken, whose shifted reading was never tried and whose 0 was committed a cell left).
 */
function firstCellIndex(run: readonly Token[], labelLine = -1): number {
  // Words after the values are no wrapped label before the cells (a label's tail printed under its values: "二、上年结转
  // 政府信息公开申\t" / "\t\t\t\t\t\t0\t" / "请数量\t", measureIndependentBreaks seed 435, tab-broken, whose 0 went a
  // cell left into the blank 其他 column).
  const firstValue = run.findIndex((token) => token.kind === 'value');
  const lastWords = (firstValue < 0 ? run : run.slice(0, firstValue)).findLastIndex((token) => token.kind === 'text');
  let firstCell = lastWords + 1;
  if (lastWords >= 0) {
    const wordsLine = run[lastWords]!.line;
    while (firstCell < run.length && run[firstCell]!.line === wordsLine) firstCell++;
    return firstCell;
  }
  const closing = run[0];
  return closing?.kind === 'empty' && closing.lineEnd === true && closing.line === labelLine ? 1 : 0;
}
