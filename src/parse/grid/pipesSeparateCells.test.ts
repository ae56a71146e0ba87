import { describe, expect, it } from 'vitest';
import { closesCellsWithBars, pipesSeparateCells } from './pipesSeparateCells.ts';
import { isGarbledNumber } from './isValueText.ts';

describe('pipesSeparateCells', () => {
  it('reads bars as cell boundaries in markdown, scraped and compact rows', () => {
    for (const line of ['| 行政许可 | 142 | 5 |', '行政许可 | 142 | 5 |', '行政许可|142|5', '|927|3|', '|', '||', 'a||b']) expect(pipesSeparateCells(line), line).toBe(true);
  });

  it('reads a bar touching a number on one side only, in a line of spaced cells, as an OCR\'d 1', () => {
    for (const line of ['规章 I3 |3 524', '行政处罚 8| 行政强制 0', '|927', '+|3', '||9', 'B|']) expect(pipesSeparateCells(line), line).toBe(false);
  });

  it('reads one bar in a line of many numbers (a table run into one line) as an OCR\'d 1, not a row of two cells', () => {
    expect(pipesSeparateCells('（一）召开政府信息公开工作会议或专题会议数 次 | （二）举办各类培训班数 次 2 （三）接受培训人员数 人次 100 1.专职人员数 人 1 2.兼职人员数 人 3 六、举报投诉数量 件 0')).toBe(false);
    expect(pipesSeparateCells('统计数 | 5')).toBe(true);
  });

  it('tells a region whose cells close with bars ("0 |") from one where a lone bar is a digit', () => {
    const broken = '行政许可 |\n0 |\n|\n';
    expect(closesCellsWithBars(broken, 0, broken.length)).toBe(true);
    const ocr = '行政许可\n0\n|\n';
    expect(closesCellsWithBars(ocr, 0, ocr.length)).toBe(false);
  });
});

describe('isGarbledNumber', () => {
  it('knows digits OCR misread beyond repair, and nothing a form prints as a label or a value', () => {
    for (const text of ['S', 'Z', '1S', '565B', 'b0']) expect(isGarbledNumber(text), text).toBe(true);
    for (const text of ['93S1', '1O5', '12', '', '/', '无', '行政许可', '万元', 'PDF', 'Word']) expect(isGarbledNumber(text), text).toBe(false);
  });
});
