import { describe, expect, it } from 'vitest';
import { MappedText } from '../../text/MappedText.ts';
import { readGridRows } from './readGridRows.ts';

function rows(text: string): { cells: string[]; incomplete: boolean }[] {
  return readGridRows(MappedText.identity(text), 0, text.length).map((row) => ({ cells: row.cells.map((cell) => cell.text), incomplete: row.incomplete }));
}

describe('readCellPerLineRows', () => {
  it('reads blank cells from empty lines when a blank line also separates rows (one break between cells)', () => {
    const text = [
      '一、本年新收政府信息公开申请数量', '3', '3', '', '', '', '3', '9', '',
      '二、上年结转政府信息公开申请数量', '0', '0', '', '', '', '0', '0', '',
      '（一）予以公开', '1', '2', '', '', '', '1', '4', '',
      '（二）部分公开', '0', '0', '0', '0', '0', '0', '', '',
      '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0',
    ].join('\n');
    expect(rows(text)).toEqual([
      { cells: ['一、本年新收政府信息公开申请数量', '3', '3', '', '', '', '3', '9'], incomplete: false },
      { cells: ['二、上年结转政府信息公开申请数量', '0', '0', '', '', '', '0', '0'], incomplete: false },
      { cells: ['（一）予以公开', '1', '2', '', '', '', '1', '4'], incomplete: false },
      // A trailing blank cell lengthens the gap before the next label.
      { cells: ['（二）部分公开', '0', '0', '0', '0', '0', '0', ''], incomplete: false },
      { cells: ['1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0'], incomplete: false },
    ]);
  });

  it('keeps a number set apart by row gaps on both sides (a page number) out of the row before it', () => {
    const text = [
      '4.保护第三方合法权益', '0', '0', '0', '0', '0', '0', '0', '',
      '5.属于三类内部事务信息', '1', '0', '0', '0', '0', '0', '1', '',
      '3', '',
      '6.属于四类过程性信息', '0', '18', '0', '0', '0', '0', '18', '',
      '7.属于行政执法案卷', '0', '0', '0', '0', '0', '0', '0',
    ].join('\n');
    const read = rows(text);
    expect(read.map((row) => row.cells.length)).toEqual([8, 8, 1, 8, 8]);
    expect(read[2]).toEqual({ cells: ['3'], incomplete: true });
  });

  it('does not guess when a last value stands between row gaps (a blank before it, or a page number)', () => {
    const text = ['（一）予以公开', '1', '2', '', '', '', '1', '4', '', '（二）部分公开', '0', '0', '0', '0', '0', '', '', '0', '', '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0', '', '2.重复申请', '0'].join('\n');
    expect(rows(text).filter((row) => row.incomplete).map((row) => row.cells)).toEqual([['（二）部分公开', '0', '0', '0', '0', '0'], ['0']]);
  });

  it('reads a run of pipes between a row label and its values as the label\'s merged cell, and after the values as the row end', () => {
    const text = [
      '总计 |', '商业企业 |', '||',
      '一、本年新收政府信息公开申请数量 |', '||', '3 |', '3 |', '|', '9 |', '||',
      '二、上年结转政府信息公开申请数量 |', '||', '0 |', '|', '0 |', '0 |', '||',
    ].join('\n');
    expect(rows(text).map((row) => row.cells)).toEqual([
      ['总计', '商业企业'],
      ['一、本年新收政府信息公开申请数量', '3', '3', '', '9'],
      ['二、上年结转政府信息公开申请数量', '0', '', '0', '0'],
    ]);
  });
  it('never joins a value and a label a short run apart as one wrapped cell (rows set apart by shorter runs than cells)', () => {
    // Cells 3 breaks apart; a label 2 breaks after its row's last value and 1 before its first; a wrapped label 1 apart.
    const row = (label: string, values: string[]) => [label, ...values.flatMap((value, index) => (index === 0 ? [value] : ['', '', value]))];
    const text = [
      ...row('1.信访举报投诉类', ['0', '0', '0']), '',
      ...row('2.重复申请', ['0', '0', '0', '0', '0', '0', '0', '0', '0']), '',
      '5.要求行政机关确认或', '重新出具已获取信息', '0',
    ].join('\n');
    const read = rows(text).map((line) => line.cells);
    expect(read.map((cells) => cells[0])).toEqual(['1.信访举报投诉类', '2.重复申请', '5.要求行政机关确认或重新出具已获取信息']);
    // The nine values of the row and the two lost rows after it stay together: no row counts off seven of them.
    expect(read[1]!.slice(1)).toEqual(['0', '0', '0', '0', '0', '0', '0', '0', '0']);
  });
});
