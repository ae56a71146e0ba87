import { describe, expect, it } from 'vitest';
import { blankLineCellsOf } from './blankLineRow.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';

/** The region's tokens and, as anchors, the index of each row label (every text token here). */
function regionOf(lines: readonly string[]) {
  const text = lines.join('\n');
  const tokens = tokeniseRegion(text, 0, text.length);
  const anchors = tokens.flatMap((token, index) => (token.kind === 'text' ? [index] : []));
  return blankLineCellsOf(tokens, anchors);
}

describe('blankLineCellsOf', () => {
  it('finds blank cells printed as empty lines between the values of rows, and the row gap', () => {
    const rows = [['（一）予以公开', '258', '12', '', '', '1', '1', ''], ['（二）部分公开', '3', '', '', '1', '', '', '4'], ['（三）不予公开', '14', '', '', '', '2', '', '16'],
      ['（四）无法提供', '5', '', '1', '', '', '', '6'], ['（五）不予处理', '2', '', '', '', '', '', '2'], ['（六）其他处理', '1', '', '', '', '', '', '1']];
    expect(regionOf(rows.flat())?.rowGap).toBe(0);
    expect(regionOf(rows.flatMap((row) => [...row, '']))?.rowGap).toBe(1);
  });

  it('takes no spacer after a label for a blank cell printed as an empty line (an HTML spacer cell; its blank cells print nothing)', () => {
    const lines = ['规章', ' ', '0', '0', '0', '规范性文件', ' ', '16', '16', '16', '行政许可', ' ', '9', '0', '16', '政府集中采购', ' ', '22', '三、收到和处理政府信息公开申请情况'];
    expect(regionOf(lines)).toBeUndefined();
  });

  it('takes no page break\'s empty lines, before the table header again, for blank cells', () => {
    const header = ['申请人情况', '自然人', '商业企业', '总计'];
    const lines = ['（一）予以公开', '5', '1', '6', '', '', ...header, '（二）部分公开', '3', '0', '3', '', '', ...header, '（三）不予公开', '2', '2', '4', '', '', ...header, '1.属于国家秘密', '1', '1', '2'];
    expect(regionOf(lines)).toBeUndefined();
  });
});
