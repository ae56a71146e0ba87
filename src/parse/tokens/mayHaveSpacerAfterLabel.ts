import type { Token } from './Token.ts';

/** A row's run of tokens after its label, and how many cells the row has. */
export interface RowRun {
  readonly run: readonly Token[];
  readonly cells: number;
}

/**
 * Whether an empty line right after a row's label, in a section printed one cell per line, may be no cell but a
 * spacer (an HTML spacer cell printing &nbsp; where a blank cell prints nothing): read as a cell, it moves every
 * value of a row with a blank of its own one column on, and the rules hold all the same. It shows where a row has
 * such a line and then a value for every cell, or where every empty line of the section stands right after a label
 * (in two rows or more: blank cells printed as empty lines fall between values too).
 */
export function mayHaveSpacerAfterLabel(rows: readonly RowRun[]): boolean {
  const leadingEmpty = rows.filter(({ run }) => run[0]?.kind === 'empty');
  const fullAfterEmpty = leadingEmpty.some(({ run, cells }) => {
    const values = run.filter((token) => token.kind === 'value');
    return values.length === cells && values.every((token) => token.spaced === true);
  });
  if (fullAfterEmpty) return true;
  return leadingEmpty.length >= 2 && rows.every(({ run }) => {
    const firstCell = run.findIndex((token) => token.kind !== 'empty');
    return firstCell < 0 || !run.slice(firstCell).some((token) => token.kind === 'empty');
  });
}
