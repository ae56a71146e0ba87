import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/support/seededRandom.ts';
import { numbersCutByWrapIn } from './numbersCutByWrap.ts';

/** Running text of labels and numbers, wrapped every `width` characters wherever that falls. */
function wrapped(seed: number, width: number, lineEnd: string): { text: string; numbers: { start: number; end: number; cut: boolean }[] } {
  const random = seededRandom(seed);
  const words = ['行政许可', '行政处罚', '规章', '本年新收政府信息公开申请数量', '行政事业性收费'];
  let flat = '';
  const spans: { start: number; end: number }[] = [];
  while (flat.length < width * 12) {
    flat += `${words[random.integer(0, words.length - 1)]} `;
    const number = String(random.integer(0, 999_999)).slice(0, random.integer(1, 6));
    spans.push({ start: flat.length, end: flat.length + number.length });
    flat += `${number} `;
  }
  // Each line end inserted shifts what follows it.
  const offset = (index: number) => index + Math.floor(index / width) * lineEnd.length;
  const lines: string[] = [];
  for (let index = 0; index < flat.length; index += width) lines.push(flat.slice(index, index + width));
  const numbers = spans.map(({ start, end }) => ({ start, end, cut: Math.floor(start / width) !== Math.floor((end - 1) / width) }));
  // Each piece of a cut number, as a reader finds it on its line.
  const pieces = numbers.flatMap(({ start, end, cut }) => {
    if (!cut) return [{ start: offset(start), end: offset(end - 1) + 1, cut: false }];
    const lineEndAt = (Math.floor(start / width) + 1) * width;
    return [{ start: offset(start), end: offset(lineEndAt - 1) + 1, cut: true }, { start: offset(lineEndAt), end: offset(end - 1) + 1, cut: true }];
  });
  return { text: lines.join(lineEnd), numbers: pieces };
}

describe('numbersCutByWrap', () => {
  it('finds both pieces of every number a fixed-width wrap cut, at any line end (seeded)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      for (const lineEnd of ['\n', '\r\n', '\r']) {
        const width = 20 + (seed % 50);
        const { text, numbers } = wrapped(seed, width, lineEnd);
        const cutByWrap = numbersCutByWrapIn(text);
        for (const piece of numbers.filter((number) => number.cut)) expect(cutByWrap(piece.start, piece.end), `seed ${seed} ${text.slice(piece.start, piece.end)}`).toBe(true);
        // A number whole on its line is in doubt only where it touches a line end beside digits of another.
        for (const piece of numbers.filter((number) => !number.cut)) {
          const lineEndAfter = /^[\r\n]/u.test(text.slice(piece.end)) && /^[\r\n]+[0-9]/u.test(text.slice(piece.end));
          const lineStartBefore = /[\r\n]$/u.test(text.slice(0, piece.start)) && /[0-9][\r\n]+$/u.test(text.slice(0, piece.start));
          if (!lineEndAfter && !lineStartBefore) expect(cutByWrap(piece.start, piece.end), `seed ${seed}`).toBe(false);
        }
      }
    }
  });

  it('finds a number whose decimals open the next line, whatever the line widths say', () => {
    // One sentence a line, hard-wrapped: too few full lines to show the wrap width (seed 4844, variant 2684).
    const text = ['（三）其他情形数:０。', '六、举报投诉数量:０。', '网站建设维护等方面的经费）:１５', '．３。', '九、会议和培训情况:２。'].join('\r\n');
    const at = text.indexOf('１５');
    expect(numbersCutByWrapIn(text)(at, at + 2)).toBe(true);
    const two = text.indexOf('２');
    expect(numbersCutByWrapIn(text)(two, two + 1)).toBe(false);
  });

  it('with rowsBroken, finds a row of cells broken at a digit at any width, not a row followed by the next one\'s ordinal', () => {
    const text = '规章\t0\t0\t12\n行政许可\t18\n2\t0\n1. 参加或举办新闻发布会总次数\t次\t0\n2. 政府网站在线访谈次数\t次\t6\n';
    const rowsBroken = numbersCutByWrapIn(text, true);
    const at = (piece: string, from = 0) => [text.indexOf(piece, from), text.indexOf(piece, from) + piece.length] as const;
    expect(rowsBroken(...at('18'))).toBe(true);
    expect(rowsBroken(...at('2\t0'.slice(0, 1), text.indexOf('\n2\t') + 1))).toBe(true);
    expect(rowsBroken(...at('12'))).toBe(false);
    // "…次\t0" before "2. 政府网站…": an ordinal opens the next line, no number.
    expect(rowsBroken(...at('0\n2.'.slice(0, 1), text.indexOf('次\t0\n2.') + 2))).toBe(false);
    // Without rowsBroken, only a fixed-width wrap counts.
    expect(numbersCutByWrapIn(text)(...at('18'))).toBe(false);
  });

  it('with rowsBroken, finds a cell a break left open where lines of numbers close their cells with a bar', () => {
    const cells = ['| 行政许可 |', '9 |', '0 |', '| 行政处罚 |', '12 |', '3 |', '| 行政事业性收费 |', '77', '.530829 |', '|'];
    const text = `${cells.join('\n')}\n`;
    const at = text.indexOf('77\n');
    expect(numbersCutByWrapIn(text, true)(at, at + 2)).toBe(true);
    const whole = text.indexOf('12 |');
    expect(numbersCutByWrapIn(text, true)(whole, whole + 2)).toBe(false);
  });

  it('finds nothing in text whose lines are of every width (table rows, cells a line each)', () => {
    const rows = '规章 0 0 12\n行政规范性文件 3 0 1\n行政许可 19\n0\n行政处罚 24\n4\n行政强制 5\n本年新收政府信息公开申请数量 9 0 0 0 0 0 9\n';
    const cutByWrap = numbersCutByWrapIn(rows);
    const at = rows.indexOf('19');
    expect(cutByWrap(at, at + 2)).toBe(false);
  });
});
