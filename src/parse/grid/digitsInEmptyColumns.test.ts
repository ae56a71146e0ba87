import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/support/seededRandom.ts';
import { readLinesOf } from './digitsAboveOrBelow.ts';
import { digitsInEmptyColumnsIn } from './digitsInEmptyColumns.ts';

const LABEL = ' 一 、 本 年 新 收 政 府 信 息 公 开 申 请 数 量';

/**
 * A -layout row of seven cells: some print a one-digit value on the row's line, the others (`wrapped`) a two-digit
 * number whose digits stand one above and one below the row's line, the line empty there.
 */
function wrappedRow(seed: number, lineEnd: string): { text: string; rowStart: number; wrapped: boolean } {
  const random = seededRandom(seed);
  const at = (index: number) => LABEL.length + 20 + index * 10;
  const wrapped = random.integer(0, 1) === 1;
  const wrappedColumns = new Set(wrapped ? [random.integer(0, 6), random.integer(0, 6)] : []);
  let above = '';
  let row = LABEL;
  let below = '';
  for (let index = 0; index < 7; index++) {
    if (wrappedColumns.has(index)) {
      above = `${above.padEnd(at(index), ' ')}${random.integer(1, 9)}`;
      below = `${below.padEnd(at(index), ' ')}${random.integer(0, 9)}`;
    } else {
      row = `${row.padEnd(at(index), ' ')}${random.integer(0, 9)}`;
    }
  }
  const text = `${above}${lineEnd}${row}${lineEnd}${below}${lineEnd}`;
  return { text, rowStart: above.length + lineEnd.length, wrapped };
}

describe('digitsInEmptyColumns', () => {
  it('finds numbers wrapped above and below a row\'s line in columns it leaves empty, at any line end (seeded)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      for (const lineEnd of ['\n', '\r\n', '\r']) {
        const { text, rowStart, wrapped } = wrappedRow(seed, lineEnd);
        const besideRow = digitsInEmptyColumnsIn(text, readLinesOf(text, [rowStart]));
        expect(besideRow(rowStart + LABEL.length + 3), `seed ${seed}`).toBe(wrapped);
      }
    }
  });

  it('does not count the rest of numbers wrapped under the digits the row\'s line prints', () => {
    const text = `${LABEL}      5         1         6\n${' '.repeat(LABEL.length)}      1                   1\n`;
    expect(digitsInEmptyColumnsIn(text, readLinesOf(text, [0]))(0)).toBe(false);
  });

  it('does not count a line another row\'s cells were read from, nor a number under the label', () => {
    const text = `${LABEL}      5\n${' '.repeat(LABEL.length)}                7\n    3\n${LABEL}      5\n`;
    const secondRow = text.indexOf('\n') + 1;
    expect(digitsInEmptyColumnsIn(text, readLinesOf(text, [0, secondRow]))(0)).toBe(false);
    const lastRow = text.lastIndexOf(LABEL);
    expect(digitsInEmptyColumnsIn(text, readLinesOf(text, [lastRow]))(lastRow)).toBe(false);
  });
});
