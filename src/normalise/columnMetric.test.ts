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
});
