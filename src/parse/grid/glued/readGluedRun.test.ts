import { describe, expect, it } from 'vitest';
import { readGluedRun } from './readGluedRun.ts';

describe('readGluedRun', () => {
  it('cuts the next row\'s ordinal glued to the digits before its label', () => {
    const text = '1.属于国家秘密00000002.其他法律行政法规禁止公开0000000';
    const next = text.indexOf('2.其他');
    expect(readGluedRun(text, text.indexOf('0'), next + 2, '2', false)?.text).toBe('0000000');
  });

  it('cuts the ordinal of the form\'s next row whose label was not found, only where a mark and a word follow it', () => {
    // "其他法律行玫…" (an OCR'd label) was not found: the run reaches on to the row after it.
    const text = '1.属于国家秘密00000002.其他法律行玫法规禁止公开00000003.危及';
    const to = text.indexOf('3.危及');
    expect(readGluedRun(text, text.indexOf('0'), to, '3', false)?.text).toBe('00000002');
    expect(readGluedRun(text, text.indexOf('0'), to, '3', false, '2')).toMatchObject({ text: '0000000', moreDigitsAfter: false });
    // Digits not followed by a mark and a word keep theirs.
    expect(readGluedRun('密00000002其他', 1, 12, undefined, false, '2')?.text).toBe('00000002');
  });

  it('takes a thousands separator between digits into the run, and nothing else that is not a digit', () => {
    const text = '申请数量2,225211001182452,799二、上年结转';
    expect(readGluedRun(text, 4, text.indexOf('二、'), undefined, false)?.text).toBe('2,225211001182452,799');
    expect(readGluedRun('数量12,34二、', 2, 8, undefined, false)).toMatchObject({ text: '12', moreDigitsAfter: true });
  });

  it('takes no digits printed after another row\'s ordinal: they are that row\'s, its label known or not', () => {
    const text = '5.要求行政机关确认或重新出具已获取信息（六）其他外理0000101（七）总计';
    expect(readGluedRun(text, text.indexOf('（六）'), text.indexOf('（七）'), undefined, false)).toBeUndefined();
    // The rest of a long label between a label and its digits is passed over.
    expect(readGluedRun('部分公开（区分处理的，只计这一情形）3000003（三）', 4, 25, undefined, false)?.text).toBe('3000003');
  });
});
