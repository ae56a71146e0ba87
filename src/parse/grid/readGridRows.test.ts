import { describe, expect, it } from 'vitest';
import { MappedText } from '../../text/MappedText.ts';
import { readGridRows } from './readGridRows.ts';

function cells(text: string): string[][] {
  return readGridRows(MappedText.identity(text), 0, text.length).map((row) => row.cells.map((cell) => cell.text));
}

describe('readGridRows', () => {
  it('marks the last cell of a tab row in doubt where the row ends in a tab and a number stands alone on the next line', () => {
    const read = (text: string) => readGridRows(MappedText.identity(text), 0, text.length);
    const broken = read('2.没有现成信息需要另行制作\t0\t\t\t\t\t\t\n0\n3.补正后申请内容仍不明确\t0\t\t\t\t\t\t0\n');
    expect(broken[0]!.lastCellInDoubt).toBe(true);
    expect(broken.at(-1)!.lastCellInDoubt).toBeUndefined();
    const whole = read('2.没有现成信息需要另行制作\t0\t\t\t\t\t\t\n3.补正后申请内容仍不明确\t0\t\t\t\t\t\t0\n');
    expect(whole.some((row) => row.lastCellInDoubt)).toBe(false);
    // The number may keep the tab that followed it (seed 137 tab-broken).
    const keptTab = read('3.要求提供公开出版物\t0\t\t\t0\t\t\t\r\n0\t\r\n4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0\r\n');
    expect(keptTab[0]!.lastCellInDoubt).toBe(true);
    // So may a last cell that is a dash, the minus sign of that number (seed 201 tab-broken: "-" / "1" for -1).
    const minus = read('行政事业性收费\t271\t-\n1\t\n\n第二十条第（九）项\n');
    expect(minus[0]!.lastCellInDoubt).toBe(true);
    expect(read('行政事业性收费\t271\t-\n\n第二十条第（九）项\n')[0]!.lastCellInDoubt).toBeUndefined();
  });

  it('marks a tab row opening with an ordinal cut from its label on the next line, and nothing else', () => {
    const read = (text: string) => readGridRows(MappedText.identity(text), 0, text.length);
    // "8.属于行政查询事项" cut after its digit, the cells on the first line (seed 161 labels-split).
    const cut = read('7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0\n8\t0\t20\t0\t0\t0\t0\t20\n.属于行政查询事项\n');
    expect(cut.map((row) => row.ordinalCut === true)).toEqual([false, true, false]);
    const whole = read('7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0\n8.属于行政查询事项\t0\t20\t0\t0\t0\t0\t20\n');
    expect(whole.some((row) => row.ordinalCut)).toBe(false);
  });

  it('reads a bar alone on the line after a cell a break left open as that cell\'s bar, not a blank cell of its own', () => {
    const rows = ['二、上年结转政府信息公开申请数量 |', '||', '0 |', '0 |', '0 |', '0 |', '0 |', '0 |', '|', '三、本年度办理结果 |', '（一）予以公开 |', '|', '3 |', '1 |', '|', '|', '0 |', '0 |', '4 |'];
    const whole = cells(rows.join('\n'));
    expect(whole[0]).toEqual(['二、上年结转政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '']);
    // "0 |" broken before its bar: "0" / " |".
    const broken = [...rows];
    broken.splice(4, 1, '0', ' |');
    expect(cells(broken.join('\n'))).toEqual(whole);
  });

  it('drops the outer pipes of a markdown table whose rows a hard wrap broke (lines that no longer open with a pipe)', () => {
    const text = [
      '| 行政复议 | 行政诉讼 |',
      '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '未经复议直接起诉 | 复议后起诉 |',
      '|---|---|---|---|---|',
      '| 72 | 64 | 178 | 37 | 351 |',
    ].join('\n');
    expect(cells(text).at(-1)).toEqual(['72', '64', '178', '37', '351']);
  });

  it('reads a drawn table (the ASCII grid box-drawing folds to): borders and the pieces a hard wrap broke off them hold no row', () => {
    const text = [
      '+----------+------+',
      '| 信息内容 | 本年制发件数 | 本年废止件数 |',
      '+----------+------+------+',
      '| 规章 | 0 | 13 |',
      '+----------+------+-----',
      '-+',
      '| 行政规范性文件 |  | 7 |',
      '+----------+------+------+',
    ].join('\n');
    expect(cells(text)).toEqual([['信息内容', '本年制发件数', '本年废止件数'], ['规章', '0', '13'], ['行政规范性文件', '', '7']]);
  });

  it('drops the last cell of a markdown row a hard wrap broke inside it, and marks the row incomplete', () => {
    const text = ['| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |', '|---|---|---|---|', '| 行政许可 | 142 | 5 | 440 |',
      '| 其他对外管理服务事项 | 469 | -3 | 2432', '8 |'].join('\n');
    const rows = readGridRows(MappedText.identity(text), 0, text.length);
    const broken = rows.find((row) => row.cells[0]?.text === '其他对外管理服务事项')!;
    expect(broken.cells.map((cell) => cell.text)).toEqual(['其他对外管理服务事项', '469', '-3']);
    expect(broken.incomplete).toBe(true);
    expect(cells(text)).toContainEqual(['行政许可', '142', '5', '440']);
  });

  it('marks a markdown row with more bars than the separator row incomplete (a 1 OCR\'d as a bar, its cell unknown)', () => {
    const text = ['| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |', '|---|---|---|---|', '| 行政许可 | 142 | 5 | 440 |',
      '| 行政处罚 | 2648 | | | 9 |', '| 行政强制 | 0 | 0 | 13 |'].join('\n');
    const rows = readGridRows(MappedText.identity(text), 0, text.length);
    expect(rows.map((row) => row.strayBars === true)).toEqual([false, false, true, false]);
  });

  it('reads rows that only close with a pipe (scraped) with the empty cell a leading pipe opens', () => {
    const text = ['行政复议 | 行政诉讼 |', '结果维持 | 结果纠正 |', '| 72 | 64 |'].join('\n');
    expect(cells(text).at(-1)).toEqual(['', '72', '64']);
  });

  it('reads a closing pipe as an empty last cell where rows without outer pipes close with one only when it is blank', () => {
    const header = ['信息内容 | 自然人 | 商业企业 | 总计', '--- | --- | --- | ---'];
    const rows = ['（一）予以公开 | 258 | 12 | ', '（二）部分公开 | 3 | 1 | 4'];
    expect(cells([...header, ...rows].join('\n')).slice(-2)).toEqual([['（一）予以公开', '258', '12', ''], ['（二）部分公开', '3', '1', '4']]);
    // Without a separator row the rows that close with no pipe tell the same.
    expect(cells(rows.join('\n'))[0]).toEqual(['（一）予以公开', '258', '12', '']);
    // Rows that all close with a pipe close the row with it.
    expect(cells(['（一）予以公开 | 258 | 12 |', '（二）部分公开 | 3 | 1 |'].join('\n'))[0]).toEqual(['（一）予以公开', '258', '12']);
  });

  it('keeps a letter alone among the numbers of a wide-spaced row (an OCR\'d 1) in that row, not as the next row\'s label', () => {
    const text = ' 一、本年新收政府信息公开申请数量      12      I      o      1      O     0    14   二、上年结转政府信息公开申请数量     O     0';
    expect(cells(text)).toEqual([
      ['一、本年新收政府信息公开申请数量', '12', 'I', 'o', '1', 'O', '0', '14'],
      ['二、上年结转政府信息公开申请数量', 'O', '0'],
    ]);
  });
});
