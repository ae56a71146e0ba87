import { describe, expect, it } from 'vitest';
import { columnMetric, displayWidth } from './columnMetric.ts';

describe('columnMetric', () => {
  it('counts CJK and full-width forms two columns wide', () => {
    expect(displayWidth('规章 12')).toBe(7);
    expect(displayWidth('（一）１')).toBe(8);
  });

  it('finds the metric a table\'s rows line their numbers up in, characters when nothing tells', () => {
    const labels = ['  一、本年新收申请数量', '  二、上年结转政府信息公开申请', '  （一）予以公开'];
    const values = ['1   0   2', '3   0   4', '5   0   6'];
    // pdftotext -layout: one grid cell a character, the values at character 34 whatever the label's width.
    const grid = labels.map((label, index) => `${label.padEnd(34, ' ')}${values[index]}`);
    expect(columnMetric(grid.join('\n'))).toBe('chars');
    // Display width: each CJK character two columns, the values at column 40.
    const display = labels.map((label, index) => `${label}${' '.repeat(40 - displayWidth(label))}${values[index]}`);
    expect(columnMetric(display.join('\r\n'))).toBe('display');
    expect(columnMetric('prose without a table')).toBe('chars');
  });

  it('pairs only rows of one table: a title\'s year far above ending in a row\'s column tells nothing', () => {
    const labels = [' 规章', ' 规范性文件'];
    const values = [['2', '2', '3'], ['', '', '1']];
    // Display width: the values' last column ends at 59 whatever the label; in characters the rows differ.
    const rows = labels.map((label, index) => {
      let line = label;
      for (const [column, value] of values[index]!.entries()) {
        const end = 27 + 16 * column;
        if (value !== '') line += ' '.repeat(end - value.length - displayWidth(line)) + value;
      }
      return line;
    });
    // The title's "2020" ends at the character where 规章's last value ends in characters.
    const title = `${' '.repeat(rows[0]!.indexOf('3') + 1 - '孝感市人民政府办公室 2020'.length)}孝感市人民政府办公室 2020 年报告`;
    const text = [title, ...Array.from({ length: 20 }, () => '    正文。'), '  信息内容   本年新制作数量', ...rows].join('\n');
    expect(rows[0]!.indexOf('3') + 1).toBe(title.indexOf('2020') + 4);
    expect(columnMetric(text)).toBe('display');
  });
});
