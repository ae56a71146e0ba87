import { describe, expect, it } from 'vitest';
import { gov2021 } from '../templates/gov2021.ts';
import { choosePrinting } from './choosePrinting.ts';

describe('choosePrinting', () => {
  it('chooses the combined-row printing when the text prints （六）其他处理 and none of its sub-rows', () => {
    expect(choosePrinting(gov2021, '（五）不予处理 …（六）其他处理 0 0 0（七）总计')?.id).toBe('combined-other-row');
    expect(choosePrinting(gov2021, '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0')).toBeUndefined();
  });

  it('knows the combined row\'s label with one character an OCR misread, after its bracketed ordinal only', () => {
    expect(choosePrinting(gov2021, '（五）不予处理 …（六）其他处埋 0 0 0（七）总计')?.id).toBe('combined-other-row');
    // Another row of the form two characters away, or the misread label without its ordinal, is not it.
    expect(choosePrinting(gov2021, '（五）不予处理 0 0 0（七）总计')).toBeUndefined();
    expect(choosePrinting(gov2021, '其他处埋 0 0 0')).toBeUndefined();
  });
});
