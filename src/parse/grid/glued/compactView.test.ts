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
