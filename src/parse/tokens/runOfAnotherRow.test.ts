import { describe, expect, it } from 'vitest';
import { labelBeganBefore } from './runOfAnotherRow.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';

describe('labelBeganBefore', () => {
  // pdftotext -layout: row 8's label wrapped over three lines, its values ("20" split over lines among them)
  // beside its first lines, its last fragment 查询事项 anchoring it.
  const text = '    7.属于行政\n             0 0 0     0   0 0 0\n     执法案卷\n\n    8.属于行政       2               2\n             0     0   0   0 0\n     查询事项        0               0\n';
  const tokens = tokeniseRegion(text, 0, text.length);
  const previous = tokens.findIndex((token) => token.kind === 'text' && token.text === '执法案卷');
  const anchor = tokens.findIndex((token) => token.kind === 'text' && token.text === '查询事项');

  it('sees the row\'s own ordinal open a fragment before values that precede the anchoring fragment', () => {
    expect(labelBeganBefore(tokens, previous, anchor, '8')).toBe(true);
  });

  it('does not for another ordinal, or with no values between the fragment and the anchor', () => {
    expect(labelBeganBefore(tokens, previous, anchor, '9')).toBe(false);
    const plain = tokeniseRegion('8.属于行政\n查询事项 0 0\n', 0, 16);
    expect(labelBeganBefore(plain, -1, plain.findIndex((token) => token.kind === 'text' && token.text === '查询事项'), '8')).toBe(false);
  });
});
