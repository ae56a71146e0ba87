import { describe, expect, it } from 'vitest';
import { compactView } from './compactView.ts';

describe('compactView', () => {
  it('drops whitespace, folds full-width forms and keeps the source offsets', () => {
    const view = compactView('规章 ０ 0\t１');
    expect(view.text).toBe('规章001');
    expect([...view.sourceIndex]).toEqual([0, 1, 3, 5, 7]);
  });

  it('reads OCR letters inside a glued digit run as digits and keeps them as printed', () => {
    const view = compactView('数量134400000l74二、上年结转0O0O00O(三)');
    expect(view.text).toBe('数量134400000174二、上年结转0000000(三)');
    expect(view.printed).toBe('数量134400000l74二、上年结转0O0O00O(三)');
  });

  it('leaves letters that belong to words, and letter runs without a digit, alone', () => {
    for (const text of ['OA系统12', 'LED屏3', 'www.gov.cn', '行政许可O', 'Il']) expect(compactView(text).text).toBe(text);
  });
});

describe('compactView page debris', () => {
  it('skips page footers left between cells of a flattened text, glued or spaced', () => {
    expect(compactView('信息0000— 4 —000（六）').text).toBe('信息0000000(六)');
    expect(compactView('6.属于四类过程性信息- 3 -2000002').text).toBe('6.属于四类过程性信息2000002');
    expect(compactView('重复申请00第12页共30页00000').text).toBe('重复申请0000000');
  });

  it('keeps negative changes run together and a bare page number (it cannot be told from a value)', () => {
    expect(compactView('本年增/减-3-4').text).toBe('本年增/减-3-4');
    expect(compactView('申请00000004').text).toBe('申请00000004');
  });

  it('maps the characters after the debris back to their source offsets', () => {
    const source = '00— 4 —1';
    const view = compactView(source);
    expect(view.text).toBe('001');
    expect(source[view.sourceIndex[2]!]).toBe('1');
  });
});
