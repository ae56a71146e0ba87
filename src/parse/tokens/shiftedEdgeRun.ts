import type { Token } from './Token.ts';

/**
 * The other reading of a run of tab cells with no label on their lines: section 四's values under their column
 * headers, "\t\t\t0\t0\t…\t0\t0\t". The tokens take the empty piece before a tab line's first tab for no cell (an empty
 * label column) and the one after its last tab for the row's last, blank, cell (cells joined by tabs end so). A line
 * with no label may as well open with its first blank cell and end with a tab after its last: both edges cannot be
 * cells of a row a cell too long, and nothing on the line tells which is. The run read the other way (its first cell
 * line's opening piece a blank cell, its closing one no cell), or undefined when the run has no such edges.
 */
export function shiftedEdgeRun(run: readonly Token[]): Token[] | undefined {
  const last = run[run.length - 1];
  if (last?.kind !== 'empty' || last.lineEnd !== true || run[firstCellIndex(run)] === last) return undefined;
  return withOpeningBlank(run.slice(0, -1));
}

/**
 * The run with the empty piece before its first cell line's first tab read as a blank cell (the opening piece alone,
 * no closing one dropped), or undefined when its first cell line opens with no such piece.
 */
export function withOpeningBlank(run: readonly Token[]): Token[] | undefined {
  const firstCell = firstCellIndex(run);
  const first = run[firstCell];
  if (!first || first.kind === 'text' || first.afterLeadingEmpty !== true) return undefined;
  return [...run.slice(0, firstCell), { kind: 'empty', start: first.start, end: first.start, line: first.line }, ...run.slice(firstCell)];
}

/** Where the cells start: on the first line after the run's last words (a header line's own closing piece stays with it). */
function firstCellIndex(run: readonly Token[]): number {
  const lastWords = run.findLastIndex((token) => token.kind === 'text');
  const wordsLine = lastWords >= 0 ? run[lastWords]!.line : -1;
  let firstCell = lastWords + 1;
  while (firstCell < run.length && run[firstCell]!.line === wordsLine) firstCell++;
  return firstCell;
}
