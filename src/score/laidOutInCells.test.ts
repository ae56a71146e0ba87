import { describe, expect, it } from 'vitest';
import { laidOutInCells } from './laidOutInCells.ts';

describe('laidOutInCells', () => {
  it('tells pdftotext -layout (columns aligned by runs of spaces), tabs and pipes from reading-order text', () => {
    const layout = '三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量      28    1    0    35\n二、上年结转政府信息公开申请数量       0    0    0     0\n\f- 2 -\n';
    expect(laidOutInCells(layout)).toBe(true);
    expect(laidOutInCells('行政许可\t0\t0\t0\n行政处罚\t1\t0\t1\n\f')).toBe(true);
    expect(laidOutInCells('| 行政许可 | 0 | 0 | 0 |\n| 行政处罚 | 1 | 0 | 1 |\n\f')).toBe(true);
    // Markdown rows broken one cell per line keep a pipe at each cell's end.
    expect(laidOutInCells('申请人情况 |\n||||\n自然人 |\n3 |\n|\n|\n0 |\n\f')).toBe(true);
    const readingOrder = '三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n28\n1\n0 35\n二、上年结转政府信息公开申请数量\n\f0\n0\n';
    expect(laidOutInCells(readingOrder)).toBe(false);
    expect(laidOutInCells('')).toBe(false);
  });
});
