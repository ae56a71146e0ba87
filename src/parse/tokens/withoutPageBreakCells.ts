import type { Token } from './Token.ts';

/**
 * A row's run with the empty lines of a page break read as no cells. Empty lines around a page break may be the
 * break's or blank cells: a row whose run holds one reads no cell from its empty lines (it is placed by its values and
 * the rules, like a row whose blanks left no trace), unless its values and the empty lines between them, away from the
 * break, make up every cell of the row: a blank lost to the break leaves fewer ("0 / / 2 / / 0 / / 2 / / (form feed)" is
 * 0 | | 2 | | 0 | | 2).
 */
export function withoutPageBreakCells(run: readonly Token[], cells: number): readonly Token[] {
  if (!run.some((token) => token.kind === 'empty' && token.pageBreak === true)) return run;
  const awayFromBreak = run.filter((token) => !(token.kind === 'empty' && token.pageBreak === true));
  return cellsBetweenValues(awayFromBreak) === cells ? awayFromBreak : run.filter((token) => token.kind !== 'empty');
}

/**
 * The cells a run shows from its first value to its last: the values and the empty cells between them (the next
 * row's ordinal, printed before its label, is none of them).
 */
function cellsBetweenValues(run: readonly Token[]): number {
  const isCellValue = (token: Token): boolean => token.kind === 'value' && !token.ordinalTail;
  const first = run.findIndex(isCellValue);
  let last = run.length - 1;
  while (last >= 0 && !isCellValue(run[last]!)) last--;
  return first < 0 ? 0 : run.slice(first, last + 1).filter((token) => token.kind !== 'text').length;
}
