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
  const lastWords = run.findLastIndex((token) => token.kind === 'text');
  // The cells start on the first line after the last words (a header line's own closing piece stays with it).
  const wordsLine = lastWords >= 0 ? run[lastWords]!.line : -1;
  let firstCell = lastWords + 1;
  while (firstCell < run.length && run[firstCell]!.line === wordsLine) firstCell++;
  const first = run[firstCell];
  const last = run[run.length - 1];
  if (!first || first.kind === 'text' || first.afterLeadingEmpty !== true) return undefined;
  if (last?.kind !== 'empty' || last.lineEnd !== true || last === first) return undefined;
  const opening: Token = { kind: 'empty', start: first.start, end: first.start, line: first.line };
  return [...run.slice(0, firstCell), opening, ...run.slice(firstCell, -1)];
}
