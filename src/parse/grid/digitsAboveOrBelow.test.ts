import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/support/seededRandom.ts';
import { displayWidth } from '../../normalise/columnMetric.ts';
import { digitsAboveOrBelow, digitsAboveOrBelowIn, readLinesOf, readRowLinesOf } from './digitsAboveOrBelow.ts';

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
  // The next row, its label shorter, its values in the same characters: the table's columns measure in characters.
  let next = '    二、上年结转申请数量';
  for (let index = 0; index < 7; index++) next = next.padEnd(at(index), ' ') + String(random.integer(0, 9));
  const text = `${above}${row}\n${lineWith(digits[2]!, '明确')}\n${next}\n`;
  return { text, splitStart: above.length + starts[column]!, otherStarts: starts.filter((_, index) => index !== column).map((start) => above.length + start) };
}

describe('digitsAboveOrBelow', () => {
  it('measures a page\'s first line past the form feed that opens it (seeded)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { text, splitStart, otherStarts } = splitRow(seed);
      // The row's line opens a page: its columns are one character further on than its neighbours'.
      const rowStart = text.indexOf('\n') + 1;
      const paged = `${text.slice(0, rowStart)}\f${text.slice(rowStart)}`;
      expect(digitsAboveOrBelow(paged, splitStart + 1, splitStart + 2), `seed ${seed}`).toBe(true);
      for (const start of otherStarts) expect(digitsAboveOrBelow(paged, start + 1, start + 2), `seed ${seed}`).toBe(false);
    }
  });

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

  it('finds digits two lines off past a line of the same wrapped row holding its other cells, neither line read', () => {
    // 22 centred in a cell three lines high: a "2" on the label's first and last line, the row's zeros between.
    // Laid out as pdftotext -layout does: a character a column, whatever its width.
    const line = (label: string, cells: string) => `${label.padEnd(60)}${cells}`;
    const text = [
      line('                     1.申请人无正当理由逾期不补正', '                    2     2'),
      line('    （六）其他处理  、行政机关不再处理其政府信息', '0    0    0    0'),
      line('                     公开申请', '                    2     2'),
      '',
    ].join('\n');
    const first = text.indexOf('2     2');
    const zero = text.indexOf('0');
    expect(digitsAboveOrBelowIn(text, readLinesOf(text, [first]))(first, first + 1)).toBe(true);
    // The middle line read as another row's cells: the digits beyond are that row's business.
    expect(digitsAboveOrBelowIn(text, readLinesOf(text, [first, zero]))(first, first + 1)).toBe(false);
    const last = text.lastIndexOf('2     2');
    const cells = (list: readonly (readonly [number, string])[]) => readRowLinesOf(text, list.map(([start, row]) => ({ start, end: start + 1, row })));
    // Read as this row's own cells, the middle line is passed; the line beyond must then hold no cell read.
    expect(digitsAboveOrBelowIn(text, cells([[first, '三/a'], [zero, '三/a']]))(first, first + 1, '三/a')).toBe(true);
    expect(digitsAboveOrBelowIn(text, cells([[first, '三/a'], [zero, '三/a'], [last, '三/b']]))(first, first + 1, '三/a')).toBe(false);
    expect(digitsAboveOrBelowIn(text, cells([[first, '三/a'], [zero, '三/b']]))(first, first + 1, '三/a')).toBe(false);
    // The middle line's digits read by nobody, the line beyond given to the next row: the rest of this row's number.
    expect(digitsAboveOrBelowIn(text, cells([[first, '三/a'], [last, '三/b']]))(first, first + 1, '三/a')).toBe(true);
    // Nothing under the value two lines off: nothing to doubt.
    const alone = text.replace(/公开申请( +)2     2/u, (_, spaces: string) => `公开申请${spaces}      `);
    expect(digitsAboveOrBelowIn(alone, readLinesOf(alone, [first]))(first, first + 1)).toBe(false);
  });

  it('counts a cell joined from the lines a narrow cell wrapped its number over on every line it spans', () => {
    const text = '行 一   5\n行 二   0\n行 三   1\n';
    const start = text.indexOf('5');
    const end = text.indexOf('1') + 1;
    const lines = readRowLinesOf(text, [{ start, end, row: '三/a' }]);
    for (const digit of ['5', '0', '1']) expect(lines.rowsOn?.(text.lastIndexOf('\n', text.indexOf(digit)) + 1), digit).toEqual(new Set(['三/a']));
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

  it('finds it whatever the line ends (LF, CR LF, bare CR), seeded', () => {
    for (let seed = 1; seed <= 30; seed++) {
      for (const lineBreak of ['\r\n', '\r']) {
        const { text, splitStart } = splitRow(seed);
        const ended = text.replaceAll('\n', lineBreak);
        // Every character before the split digit is one character either way (the line breaks before it are one each
        // in CR text, two in CR LF).
        const shift = lineBreak.length - 1;
        expect(digitsAboveOrBelow(ended, splitStart + shift, splitStart + shift + 1), `seed ${seed} ${JSON.stringify(lineBreak)}`).toBe(true);
      }
    }
  });

  it('finds a list row\'s value whose number\'s other piece stands past its label\'s other line', () => {
    const text = ' （二）通过不同渠道和方式回应解读的情况\n                                  1\n 1.参加或举办新闻发布会总次   次\n 数                                8\n';
    const eight = text.lastIndexOf('8');
    expect(digitsAboveOrBelow(text, eight, eight + 1)).toBe(true);
    // Not past a line of another row's values (its label wrapped around them).
    const rows = ' （一）予以公开                13   0   0   13\n 果 （二）部分公开（区分\n                               0    0   0   0\n';
    const thirteen = rows.indexOf('13');
    expect(digitsAboveOrBelow(rows, thirteen, thirteen + 2)).toBe(false);
  });

  it('finds a value alone on its line, indented to the value column, over or under a row line holding the number\'s other digits', () => {
    // A list row printed blank, then 219 wrapped one digit a line around the next row's line: the lone "2" is no cell.
    // Laid out on pdftotext's character grid: every value at character 40.
    const at = (label: string, digit = '') => (digit === '' ? label : label.padEnd(40, ' ') + digit);
    const text = [
      at(' 1.政府公报公开政府信    条'),
      at(' 息数'),
      at('', '2'),
      at(' 2.政府网站公开政府信    条', '1'),
      at(' 息数', '9'),
      // 591 wrapped past the first line of its row's wrapped label: the lone "5" above it, "9" on the label's second line.
      at(' 法律法规规定的其他情形   件'),
      at('', '5'),
      at(' 5.不属于本行政机关公    件'),
      at(' 开数', '9'),
      at('', '1'),
    ].join('\n');
    const lone = (digit: string, from: number) => text.indexOf(`  ${digit}`, from) + 2;
    const two = lone('2', 0);
    expect(digitsAboveOrBelow(text, two, two + 1)).toBe(true);
    const five = lone('5', text.indexOf('其他情形'));
    expect(digitsAboveOrBelow(text, five, five + 1)).toBe(true);
    // An amount printed between the lines of its label, under a row holding a number in its columns: a cell, not a piece.
    const amount = [at(' 2.兼职人员数            人', '29'), at(' （四）政府信息公开专项经费  万'), at('', '7.49'), at(' 管理及政府网站建设维护等方面的经费）元')].join('\n');
    expect(digitsAboveOrBelow(amount, amount.indexOf('7.49'), amount.indexOf('7.49') + 4)).toBe(false);
    // One value a line under a label printed alone, laid out or not: cells of a row of their own.
    const cellPerLine = [at(' （一）主动公开政府信息数'), at('', '219'), at(' （二）其中：主动公开规范性文件数'), at('', '12')].join('\n');
    const value = cellPerLine.indexOf('219');
    expect(digitsAboveOrBelow(cellPerLine, value, value + 3)).toBe(false);
  });

  it('measures columns in display width where the text\'s rows line up so (CJK two columns wide)', () => {
    // Rows whose labels differ in length line their values up in display columns: "1" / "议或专题会议数 0" is 10.
    const text = [
      ' 2.兼职人员数                   人        1',
      ' （四）政府信息公开专项经费  万元        0',
      ' 九、政府信息公开会议和培训情况',
      '                                          1',
      ' （一）召开政府信息公开工作会   次',
      ' 议或专题会议数                           0',
      ' （二）举办各类培训班数         次        3',
      ' （三）接受培训人员数          人次       5',
    ].join('\n');
    const zero = text.lastIndexOf('0');
    expect(digitsAboveOrBelow(text, zero, zero + 1)).toBe(true);
    const three = text.lastIndexOf('3');
    expect(digitsAboveOrBelow(text, three, three + 1)).toBe(false);
  });

  it('looks in both metrics where the text\'s rows show neither: a table of one row left between lines of digits (seeded)', () => {
    // 119 and two 11s a narrow cell wrapped one digit a line around a label's line; nothing else in the table to tell how
    // its columns are measured. The line's "1" stands under the others in display width, apart from them in characters.
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const label = ' ' + ['规范性文件', '行政处罚', '其他对外管理服务事项', '政府集中采购'][random.integer(0, 3)]!;
      const columns = [19, 35, 51];
      const top = random.integer(1, 9);
      const bottom = random.integer(0, 9);
      const digitsLine = (digits: readonly number[]) => columns.reduce((line, column, index) => line.padEnd(column - 1, ' ') + String(digits[index]), '');
      const rowLine = `${label}`.padEnd(columns[2]! - 1 - (displayWidth(label) - label.length), ' ') + String(top);
      const text = [digitsLine([top, top, top]), rowLine, digitsLine([bottom, bottom, bottom]), ''].join('\n');
      // (The row's line starts past the first line's feed: its last character, the digit, ends the line.)
      const value = text.indexOf('\n') + rowLine.length;
      expect(digitsAboveOrBelow(text, value, value + 1), `seed ${seed}`).toBe(true);
    }
  });
});
