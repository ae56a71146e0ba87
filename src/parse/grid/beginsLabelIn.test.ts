import { describe, expect, it } from 'vitest';
import { beginsLabelIn } from './beginsLabelIn.ts';

describe('beginsLabelIn', () => {
  const notHeld = ['1.本机关不掌握相关政府信息'];

  it('finds a label\'s first four characters, its ordinal left out, wherever they stand in the words', () => {
    expect(beginsLabelIn(['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'], '（六）其他处 1.申请人无正')).toBe(true);
    expect(beginsLabelIn(notHeld, '本机关不')).toBe(true);
  });

  it('finds its ordinal and first character: a narrow label column\'s first line beside the group\'s label', () => {
    for (const words of ['（四） 1.本机', '(四)1.本机', '（四）无法提 1.本机', '1、本机', '（四） 1.本']) expect(beginsLabelIn(notHeld, words), words).toBe(true);
  });

  it('does not take two characters without the label\'s ordinal, or after another ordinal, for its beginning', () => {
    for (const words of ['本机', '（四） 2.本机', '（四） 11.本机', '（一）予以公开', '（四） 1.', '1.属']) expect(beginsLabelIn(notHeld, words), words).toBe(false);
    expect(beginsLabelIn(['（一）予以公开'], '（二）予以')).toBe(false);
  });
});
