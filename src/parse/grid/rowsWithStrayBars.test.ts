import { describe, expect, it } from 'vitest';
import { rowsWithStrayBars } from './rowsWithStrayBars.ts';

describe('rowsWithStrayBars', () => {
  it('finds the rows of a markdown table with more bars than its separator row (a 1 OCR\'d as a bar)', () => {
    const lines = ['| 统计指标 | 单位 | 统计数 |', '|---|---|---|', '| 2.政府网站公开政府信息数 | 条 | 2 |', '| 4.政务微信公开政府信息数 | 条 | | |',
      '| 5.其他方式公开政府信息数 | 条 | |9 |', '| 1.当面申请数 | 件 | 0 |', '| 2.传真申请数 | 件 | 0 |', '', '| 不是表格 | | | |'];
    expect([...rowsWithStrayBars(lines)].sort()).toEqual([3, 4]);
  });

  it('finds rows wider than a separator their header vouches for, even when they are all alike (each an OCR\'d 1)', () => {
    const lines = ['| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '|---|---|---|---|', '| 规章 | | | 0 | 0 |', '| 行政规范性文件 | 2|4 | 0 | 355 |'];
    expect([...rowsWithStrayBars(lines)].sort()).toEqual([2, 3]);
  });

  it('says nothing where most rows of the table do not have the separator row\'s bars', () => {
    expect(rowsWithStrayBars(['|---|---|', '| a | | |', '| b | 1 | 2 |', '| c | 3 |']).size).toBe(0);
  });

  it('says nothing where the separator row does not describe most rows (it follows a merged header row)', () => {
    const lines = ['| 申请人情况 |', '|---|', '| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 |', '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 |'];
    expect(rowsWithStrayBars(lines).size).toBe(0);
    // A header that lost its empty cells, a row of fifteen under it and the row's own separator after it.
    const fragment = ['| 维持 | 纠正 | 结果 | 审结 | 结果 | 结果 | 其他 | 尚未 | 结果 | 结果 | 其他 | 尚未 |', `|${'---|'.repeat(12)}`,
      `| ${'1 | 0 | 0 | 0 | 1 | '.repeat(3)}`, `|${'---|'.repeat(15)}`];
    expect(rowsWithStrayBars(fragment).size).toBe(0);
  });

  it('finds nothing without a separator row', () => {
    expect(rowsWithStrayBars(['a | b |', 'c | | |']).size).toBe(0);
  });

  it('finds a row of spaced boundaries with one bar glued to a digit or a sign, with or without a separator row', () => {
    const lines = ['| 行政事业性收费 | |1 | 0 |', '| 行政许可 | 7| | 3 |', '| 行政处罚 | 19 | -| |', '| 行政强制 | 0 | 0 | 13 |', '行政处罚 8|', '|927|3|', '规章 I3 |3 524'];
    expect([...rowsWithStrayBars(lines)].sort()).toEqual([0, 1, 2]);
  });

  it('finds a row of spaced boundaries with a bar glued on both sides inside a number ("+|1" for +11), not one glued among words', () => {
    const lines = ['| 行政事业性收费 | 0 | +|1 |', '| 行政许可 | 2|4 | 0 |', '|2|4|0|', '| 规章 | 文|字 | 0 |'];
    expect([...rowsWithStrayBars(lines)].sort()).toEqual([0, 1]);
  });

  it('finds a row of spaced boundaries with bars run together between spaces ("| || |" for 11), not a pipe-broken span', () => {
    const lines = ['| 行政事业性收费 | || | 0 |', '| 行政许可 | 3 | 0 |', '行政复议 ||', '||| 0 |'];
    expect([...rowsWithStrayBars(lines)]).toEqual([0]);
  });

  it('takes a two-row table under a header of the separator\'s bars as the table, a stray bar in each row', () => {
    const lines = ['第二十条第（六）项', '| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |', '|---|---|---|---|', '| 行政处罚 | 14 | | | 3 |', '| 行政强制 | 5 | 0 | | | |'];
    expect([...rowsWithStrayBars(lines)].sort()).toEqual([3, 4]);
  });
});
