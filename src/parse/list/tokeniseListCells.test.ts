import { describe, expect, it } from 'vitest';
import { tokeniseListCells } from './tokeniseListCells.ts';

describe('tokeniseListCells', () => {
  it('cuts at tabs, pipes and line breaks, and a line with tabs at its tabs only (a bar among digits is an OCR\'d 1)', () => {
    const cells = tokeniseListCells('2.政府网站公开政府信息数\t条\t|927\n3.政务微博 | 条 | 15 |\r\n4.政务微信\t条\t|');
    expect(cells.map((cell) => [cell.content, cell.line])).toEqual([
      ['2.政府网站公开政府信息数', 0], ['条', 0], ['|927', 0],
      ['3.政务微博', 1], ['条', 1], ['15', 1], ['', 1],
      ['4.政务微信', 2], ['条', 2], ['|', 2],
    ]);
  });

  it('marks the cells of a markdown row with more bars than its separator row: which cell a stray bar (an OCR\'d 1) belongs to is not known', () => {
    const cells = tokeniseListCells('| 统计指标 | 单位 | 统计数 |\n|---|---|---|\n| 3.政务微博公开政府信息数 | 条 | 0 |\n| 4.政务微信公开政府信息数 | 条 | | |\n| 5.其他方式 | 条 | 2 |');
    expect(cells.filter((cell) => cell.strayBars).map((cell) => [cell.content, cell.line])).toEqual([
      ['', 3], ['4.政务微信公开政府信息数', 3], ['条', 3], ['', 3], ['', 3], ['', 3],
    ]);
  });

  it('reads the borders of a drawn table and a markdown separator as rule lines, no cells: their dashes are no blank marks', () => {
    const text = ['+------+---+------+', '| 统计指标 | 单位 | 统计数 |', '|---|---|---|', '| 3.政务微博公开政府信息数 | 条 | 0 |', '+------+---+------+',
      '| 4.政务微信公开政府信息数 | 条 | — |', '-----+', '+', '---'].join('\n');
    const kinds = tokeniseListCells(text).filter((cell) => cell.content !== '').map((cell) => [cell.content, cell.kind]);
    expect(kinds).toEqual([
      ['+------+---+------+', 'noise'], ['统计指标', 'header'], ['单位', 'header'], ['统计数', 'header'], ['---', 'noise'], ['---', 'noise'], ['---', 'noise'],
      ['3.政务微博公开政府信息数', 'text'], ['条', 'unit'], ['0', 'number'], ['+------+---+------+', 'noise'],
      ['4.政务微信公开政府信息数', 'text'], ['条', 'unit'], ['—', 'dash'], ['-----+', 'noise'], ['+', 'noise'],
      // A lone "---" on a line of its own is a blank mark, as a cell printed one per line.
      ['---', 'dash'],
    ]);
  });
});
