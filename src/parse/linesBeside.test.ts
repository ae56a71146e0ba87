import { describe, expect, it } from 'vitest';
import { lineAfter, lineBefore, openingBarWrapped, tabsAlone, tabsInRow } from './linesBeside.ts';

describe('linesBeside', () => {
  it('finds the lines before and after a line past one break, CR LF as one', () => {
    const text = 'a\r\nb\t\r\n\t\r\n\tc\r\n';
    const start = text.indexOf('\t\r\n\tc');
    expect(lineBefore(text, start)).toBe('b\t');
    expect(lineAfter(text, start + 1)).toBe('\tc');
    expect(lineBefore(text, 0)).toBe('');
    expect(lineAfter(text, text.length)).toBe('');
  });

  it('takes a line of tabs alone for a piece of a tab row only between a line closing with a tab and one opening with one', () => {
    const broken = '上年结转\t0\t\n\t\n\t\t0\t\n';
    const at = broken.indexOf('\n\t\n') + 1;
    expect(tabsAlone('\t \t')).toBe(true);
    expect(tabsInRow(broken, at, at + 1, broken.length)).toBe(true);
    // A browser's copy of cells holding paragraphs: the tab alone stands between empty lines.
    const copied = '上年结转\n\n\t\n\n0\n';
    const tab = copied.indexOf('\t');
    expect(tabsInRow(copied, tab, tab + 1, copied.length)).toBe(false);
  });

  it('takes a bar alone before a line of words for the next row\'s opening bar only where the table prints several cells a line', () => {
    const wrapped = ['| 0 |  |  |', '|', '二、上年结转政府信息公开申', '请数量 |  |  |  |', '| 0 |', '|', '三、本年度办理结果'].join('\n');
    const bar = wrapped.indexOf('\n|\n') + 2;
    expect(openingBarWrapped(wrapped, bar, wrapped.length, wrapped)).toBe(true);
    // One cell a line, each closed by its bar: a bar alone is the row's blank last cell.
    const broken = ['一、本年新收政府信息公开申请数量 |', '0 |', '|', '二、上年结转政府信息公开申请数量 |', '0 |'].join('\n');
    const lone = broken.indexOf('\n|\n') + 2;
    expect(openingBarWrapped(broken, lone, broken.length, broken)).toBe(false);
  });
});
