import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/support/seededRandom.ts';
import { digitsAboveOrBelow, digitsAboveOrBelowIn, readLinesOf } from './digitsAboveOrBelow.ts';

const LABEL = '    一、本年新收政府信息公开申请数量';

/** A -layout row of seven values, one of them a number whose digits stand one per line over the row's line. */
function splitRow(seed: number, labelFragments = false): { text: string; splitStart: number; otherStarts: number[] } {
  const random = seededRandom(seed);
  const column = random.integer(0, 6);
  const digits = String(random.integer(100, 999));
  const at = (index: number) => LABEL.length + 8 + index * 4;
  // A wrapped label's fragments at the start of the lines above and below ("3.补正后申" / "明确").
  const lineWith = (digit: string, fragment: string) => (labelFragments ? `      ${fragment}` : '').padEnd(at(column), ' ') + digit;
  let row = LABEL;
  const starts: number[] = [];
  for (let index = 0; index < 7; index++) {
    row += ' '.repeat(at(index) - row.length);
    starts.push(row.length);
    row += index === column ? digits[1]! : String(random.integer(0, 9));
  }
  const above = `${lineWith(digits[0]!, '3.补正后申')}\n`;
  const text = `${above}${row}\n${lineWith(digits[2]!, '明确')}\n`;
  return { text, splitStart: above.length + starts[column]!, otherStarts: starts.filter((_, index) => index !== column).map((start) => above.length + start) };
}

describe('digitsAboveOrBelow', () => {
  it('finds the middle digit of a number split over three lines, and only it (seeded)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { text, splitStart, otherStarts } = splitRow(seed);
      expect(digitsAboveOrBelow(text, splitStart, splitStart + 1), `seed ${seed}`).toBe(true);
      for (const start of otherStarts) expect(digitsAboveOrBelow(text, start, start + 1), `seed ${seed}`).toBe(false);
    }
  });

  it('finds it beside a wrapped label\'s fragments when no cell was read on those lines, and only it (seeded)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { text, splitStart, otherStarts } = splitRow(seed, true);
      const rowLine = readLinesOf(text, [splitStart, ...otherStarts]);
      expect(digitsAboveOrBelowIn(text, rowLine)(splitStart, splitStart + 1), `seed ${seed}`).toBe(true);
      for (const start of otherStarts) expect(digitsAboveOrBelowIn(text, rowLine)(start, start + 1), `seed ${seed}`).toBe(false);
      // Without knowing which lines were read, a line with label text is another row's.
      expect(digitsAboveOrBelow(text, splitStart, splitStart + 1), `seed ${seed}`).toBe(false);
    }
  });

  it('leaves a row alone whose neighbouring line is another row whose cells were read', () => {
    const rows = `${LABEL}   1   0   2\n    二、上年结转政府信息公开申请数量   3   0   4\n`;
    const starts = [...rows.matchAll(/\d/gu)].map((match) => match.index);
    const one = rows.indexOf('1');
    expect(digitsAboveOrBelowIn(rows, readLinesOf(rows, starts))(one, one + 1)).toBe(false);
  });

  it('leaves tab-separated cells alone: a hard wrap carried the row on, nothing is laid out in display columns', () => {
    const rows = '结果维持\t结果纠正\t其他结果\n总计\n    69\t50\t30\t63\t212\t85\n310\t69\t46\t37\n';
    for (const match of rows.matchAll(/\d+/gu)) expect(digitsAboveOrBelow(rows, match.index, match.index + match[0].length), match[0]).toBe(false);
  });

  it('leaves rows printed one under another, and one value per line, alone', () => {
    const rows = `${LABEL}   1   0   2\n    二、上年结转政府信息公开申请数量   3   0   4\n`;
    expect(digitsAboveOrBelow(rows, rows.indexOf('1'), rows.indexOf('1') + 1)).toBe(false);
    const cellPerLine = '规章\n  0\n  5\n  7\n';
    const five = cellPerLine.indexOf('5');
    expect(digitsAboveOrBelow(cellPerLine, five, five + 1)).toBe(false);
  });
});
