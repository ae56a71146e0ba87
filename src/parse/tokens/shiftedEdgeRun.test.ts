import { describe, expect, it } from 'vitest';
import { shiftedEdgeRun } from './shiftedEdgeRun.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';
import type { Token } from './Token.ts';

const shown = (tokens: readonly Token[]) => tokens.map((token) => (token.kind === 'value' ? token.raw : token.kind === 'empty' ? '_' : 'T'));

describe('shiftedEdgeRun', () => {
  it('reads tab lines with no label the other way: the opening empty piece a blank cell, the closing one no cell', () => {
    // Section 四's row of fifteen hard-wrapped at a tab (independent renderer seed 9011, 307): "\t\t\t0…" opens with
    // its first blank cell, and the continuation line ends with a tab.
    const text = '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t\n\t\t\t0\t0\t\t\t\t0\n\t0\t0\t0\t\t0\t0\t';
    const run = tokeniseRegion(text, 0, text.length, []);
    expect(shown(run)).toEqual(['T', 'T', 'T', 'T', 'T', '_', '_', '_', '0', '0', '_', '_', '_', '0', '0', '0', '0', '_', '0', '0', '_']);
    expect(shown(shiftedEdgeRun(run)!)).toEqual(['T', 'T', 'T', 'T', 'T', '_', '_', '_', '_', '0', '0', '_', '_', '_', '0', '0', '0', '0', '_', '0', '0']);
  });

  it('finds no other reading where a line opens with a value or ends with one', () => {
    for (const text of ['总计\n0\t\t0\t0\t', '总计\n\t0\t0\t0', '总计\n\t0\t0\t0\n0\t0']) {
      expect(shiftedEdgeRun(tokeniseRegion(text, 0, text.length, []))).toBeUndefined();
    }
  });

  it('starts the cells on the label\'s line where the label\'s tail is printed under the values', () => {
    // "二、上年结转政府信息公开申\t" / "\t\t\t\t\t\t0\t" / "请数量\t": seven tabs before the 0 (measureIndependentBreaks seed 435,
    // tab-broken), its total; read from the tail's line on, no other reading was tried and the 0 went a cell left.
    const text = '二、上年结转政府信息公开申\t\n\t\t\t\t\t\t0\t\n请数量\t\n';
    const tokens = tokeniseRegion(text, 0, text.length, []);
    const run = tokens.slice(1);
    expect(shown(run)).toEqual(['_', '_', '_', '_', '_', '_', '0', '_', 'T', '_']);
    expect(shown(shiftedEdgeRun(run, tokens[0]!.line)!)).toEqual(['_', '_', '_', '_', '_', '_', '_', '0', '_', 'T']);
  });
});
