import { describe, expect, it } from 'vitest';
import { MappedText } from '../../text/MappedText.ts';
import { readGridRows } from './readGridRows.ts';

const rowsOf = (lines: readonly string[]) => {
  const text = lines.join('\n');
  return readGridRows(MappedText.identity(text), 0, text.length);
};
const cells = (lines: readonly string[]) => rowsOf(lines).map((row) => row.cells.map((cell) => cell.text));

describe('joinWrappedGridRows (through readGridRows)', () => {
  it('joins the lines of a row ruled under every row, its label wrapped in its cell, its values on the middle line', () => {
    // As the independent renderer's ascii_grid prints (seed 9010, 306): values centred in a row of three lines.
    const lines = [
      '+----------+-----+-----+',
      '| 信息内容 | 制发 | 废止 |',
      '+----------+-----+-----+',
      '| 2.其他法 |     |     |',
      '| 律行政法 | 0   | 3   |',
      '| 规禁止   |     |     |',
      '+----------+-----+-----+',
      '| 3.危及   | 7   | 0   |',
      '+----------+-----+-----+',
      '| 4.保护第 | 1   | -   |',
      '| 三方权益 |     |     |',
      '+----------+-----+-----+',
    ];
    expect(cells(lines)).toEqual([['信息内容', '制发', '废止'], ['2.其他法律行政法规禁止', '0', '3'], ['3.危及', '7', '0'], ['4.保护第三方权益', '1', '-']]);
    expect(rowsOf(lines).every((row) => row.wrappedLabel === undefined)).toBe(true);
  });

  it('keeps apart the lines between two rules that print two rows\' values, or a header over the values', () => {
    const twoRows = ['+---+---+', '| 规章 | 0 |', '| 规范性文件 | 5 |', '+---+---+', '| 行政许可 | 3 |', '+---+---+', '| 行政处罚 | 2 |', '+---+---+', '| 行政强制 | 1 |', '+---+---+'];
    expect(cells(twoRows).slice(0, 2)).toEqual([['规章', '0'], ['规范性文件', '5']]);
    const headed = ['| 信息内容 | 本年处理决定数量 |', '|---|---|', '| 行政许可 | 51 |', '| 第二十条第（六）项 | |', '| 信息内容 | 本年处理决定数量 |', '|---|---|', '| 行政处罚 | 6 |', '|---|---|', '| 行政强制 | 2 |', '|---|---|'];
    expect(rowsOf(headed).some((row) => row.wrappedLabel)).toBe(false);
  });

  it('marks the lines of a label wrapped in its cell with no rule between the rows: which line the values go with is unknown', () => {
    const lines = ['| 3.其他 | 0 | 0 |', '| （七） | 163 | 196 |', '| 总计 |  |  |', '| 四、结 | 0 | 0 |', '| 转下年 |  |  |'];
    expect(rowsOf(lines).map((row) => row.wrappedLabel === true)).toEqual([false, true, true, true, true]);
  });

  it('joins a drawn row a hard wrap broke at a cell boundary, its rest on the next line opening with a pipe', () => {
    expect(cells(['| 一、本年新收 | 238 | 18 | 0', '| 40 | 296 |', '| 二、上年结转 | 30 | 0 | 0 | 0 | 30 |'])).toEqual([
      ['一、本年新收', '238', '18', '0', '40', '296'],
      ['二、上年结转', '30', '0', '0', '0', '30'],
    ]);
  });
});
