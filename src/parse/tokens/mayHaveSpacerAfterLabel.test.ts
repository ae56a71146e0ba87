import { describe, expect, it } from 'vitest';
import { mayHaveSpacerAfterLabel, type RowRun } from './mayHaveSpacerAfterLabel.ts';
import type { Token } from './Token.ts';

/** A row's run from a compact form: '_' an empty line, a number a value printed alone on its line. */
function row(cells: number, ...items: (string | number)[]): RowRun {
  const run = items.map((item, index): Token => item === '_'
    ? { kind: 'empty', start: index, end: index, line: index }
    : { kind: 'value', raw: String(item), start: index, end: index + 1, line: index, inCell: false, ordinalTail: false, glued: false, spaced: true });
  return { run, cells };
}

describe('mayHaveSpacerAfterLabel', () => {
  it('is true where a row holds an empty line after its label and then a value for every cell', () => {
    expect(mayHaveSpacerAfterLabel([row(3, '_', 1, 2, 3), row(3, 0, 0, 0)])).toBe(true);
  });

  it('is true where every empty line stands right after a label, in two rows or more', () => {
    expect(mayHaveSpacerAfterLabel([row(7, '_', 0, 0, 0, 0, 0, 0), row(7, 19, 0, 0, 0, 11, 30), row(7, '_', 0, 0, 0)])).toBe(true);
  });

  it('is false where blank cells show as empty lines between values too, or one row alone opens with one', () => {
    expect(mayHaveSpacerAfterLabel([row(7, '_', 0, 0, 0, 0, 0, 0), row(7, 1, '_', 0, 0, 0, 0, 1), row(7, '_', 0, 0, 0, 0, 0, 0)])).toBe(false);
    expect(mayHaveSpacerAfterLabel([row(7, '_', 0, 0, 0, 0, 0, 0), row(7, 1, 0, 0, 0, 0, 0, 1)])).toBe(false);
  });
});
