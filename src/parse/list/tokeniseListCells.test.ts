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

  it('ends a label\'s cell at a colon before its value ("数：9351条", "数：-"), not before words ("其中：主动公开…")', () => {
    const cells = tokeniseListCells('（一）主动公开政府信息数：9351条\n其中：主动公开规范性文件数：2条\n2.传真申请数：-\n发布日期：2019-02-23');
    expect(cells.map((cell) => [cell.content, cell.kind])).toEqual([
      ['（一）主动公开政府信息数', 'text'], ['9351条', 'number'],
      ['其中：主动公开规范性文件数', 'text'], ['2条', 'number'],
      ['2.传真申请数', 'text'], ['-', 'dash'],
      ['发布日期', 'text'], ['2019-02-23', 'noise'],
    ]);
  });

  it('cuts a value named by its column header and unit ("统计数（条）376") into the unit and the value', () => {
    const cells = tokeniseListCells('2.政府网站公开政府信息数\n统计数（条）376\n3.政务微博公开政府信息数\n（条）-');
    expect(cells.map((cell) => [cell.content, cell.kind])).toEqual([
      ['2.政府网站公开政府信息数', 'text'], ['统计数（条）', 'unit'], ['376', 'number'],
      ['3.政务微博公开政府信息数', 'text'], ['（条）', 'unit'], ['-', 'dash'],
    ]);
  });

  it('reads an ordinal cut from its label at a line\'s start as the label\'s text, not a value', () => {
    // "6.申请信息不存在数" cut after its digit, its cells on the first line (seed 157 labels-split committed the 6).
    const kinds = (text: string) => tokeniseListCells(text).filter((cell) => cell.content !== '').map((cell) => [cell.content, cell.kind]);
    expect(kinds('5.不属于本行政机关\t件\t\n公开数\n6\t件\t\n.申请信息不存在数\n')).toEqual([
      ['5.不属于本行政机关', 'text'], ['件', 'unit'], ['公开数', 'text'], ['6', 'text'], ['件', 'unit'], ['.申请信息不存在数', 'text'],
    ]);
    // A value at a line's start before a decimal's cut tail, or before the next row, stays a number.
    expect(kinds('行政事业性收费\n36\n.7451\n')[1]).toEqual(['36', 'number']);
    expect(kinds('公开数\n6\n6.申请信息不存在数\t件\t1\n')[1]).toEqual(['6', 'number']);
  });

  it('reads a whole ordinal or its opening bracket cut from the label\'s words as the label\'s text', () => {
    // "1.按时办结数" and "（三）申请答复数" cut after the ordinal, the cells on the first line (seed 185 labels-split: the
    // row above 延期办结数 took its value, 79 committed for 0).
    const kinds = (text: string) => tokeniseListCells(text).filter((cell) => cell.content !== '').map((cell) => [cell.content, cell.kind]);
    expect(kinds('1.\t件\t79\n按时办结数\n2.\t件\t0\n延期办结数\n（\t件\t79\n三）申请答复数\n')).toEqual([
      ['1.', 'text'], ['件', 'unit'], ['79', 'number'], ['按时办结数', 'text'], ['2.', 'text'], ['件', 'unit'], ['0', 'number'],
      ['延期办结数', 'text'], ['（', 'text'], ['件', 'unit'], ['79', 'number'], ['三）申请答复数', 'text'],
    ]);
    // Before a unit or a number, not a label's words: left as it was.
    expect(kinds('按时办结数\n1.\n件\n')[1]).toEqual(['1.', 'number']);
  });
});
