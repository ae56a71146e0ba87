import { describe, expect, it } from 'vitest';
import { tokeniseRegion } from './tokeniseRegion.ts';
import { brokenAfterTabRuns, otherTabReadings, wrapBrokenRuns } from './wrapBrokenRuns.ts';
import type { Token } from './Token.ts';

const shape = (run: readonly Token[]) => run.map((token) => (token.kind === 'value' ? token.raw : token.kind === 'empty' ? '_' : token.text)).join(' ');

describe('wrapBrokenRuns', () => {
  it('reads a tab row a hard wrap broke with a blank cell at the break instead of the closing piece', () => {
    const text = '1.属于国家秘密\t0\t\t0\n0\t0\t0\t\n';
    const tokens = tokeniseRegion(text, 0, text.length);
    const run = tokens.slice(tokens.findIndex((token) => token.kind === 'text') + 1);
    expect(shape(run)).toBe('0 _ 0 0 0 0 _');
    expect(wrapBrokenRuns(run).map(shape)).toEqual(['0 _ 0 _ 0 0 0']);
  });

  it('offers nothing for a row on one line, or a run that ends in no closing piece', () => {
    const one = tokeniseRegion('1.属于国家秘密\t0\t\t0\t\t0\t0\t0\t\n', 0, 28);
    expect(wrapBrokenRuns(one.slice(2))).toEqual([]);
    const open = tokeniseRegion('1.属于国家秘密\t0\t\t0\n0\t0\t0\n', 0, 24);
    expect(wrapBrokenRuns(open.slice(2))).toEqual([]);
  });
});

describe('brokenAfterTabRuns', () => {
  it('reads a tab row broken right after a tab without the empty piece closing its first line', () => {
    const text = '二、上年结转政府信息公开申请数量\t0\t0\t0\t\n1\t0\t0\t\n';
    const tokens = tokeniseRegion(text, 0, text.length);
    const run = tokens.slice(1);
    expect(shape(run)).toBe('0 0 0 _ 1 0 0 _');
    expect(brokenAfterTabRuns(run).map(shape)).toEqual(['0 0 0 1 0 0 _']);
    // A row on one line offers nothing.
    const one = tokeniseRegion('二、上年结转政府信息公开申请数量\t0\t0\t0\t1\t0\t0\t\n', 0, 30);
    expect(brokenAfterTabRuns(one.slice(1))).toEqual([]);
  });
});

describe('otherTabReadings', () => {
  it('reads a label-less row broken right after a tab with its opening piece a cell and its first line\'s closing one none', () => {
    // Section 四's _ _ _ 0 0 _ _ _ 0 0 0 0 _ 0 0 broken after "\t\t\t0\t" (seed 13 tab-broken).
    const text = '行政复议\t行政诉讼\n结果维持\t总计\n\t\t\t0\t\n0\t\t\t\t0\t0\t0\t0\t\t0\t0\n';
    const run = tokeniseRegion(text, 0, text.length).filter((token) => token.kind !== 'text');
    expect(shape(run)).toBe('_ _ 0 _ 0 _ _ _ 0 0 0 0 _ 0 0');
    expect(otherTabReadings(run).map(shape)).toContain('_ _ _ 0 0 _ _ _ 0 0 0 0 _ 0 0');
  });
});

describe('otherTabReadings: a row whose label line ends in a tab, its cells on the next line', () => {
  it('reads the cells line with its opening piece a cell and its closing one none, past the next row\'s ordinal', () => {
    // "2.其他法律行政法规禁止公开\t" / "\t\t\t\t\t\t0\t" / "3.危及…": _ _ _ _ _ _ 0 read 0 a cell left (seed 201 tab-broken).
    const text = '2.其他法律行政法规禁止公开\t\n\t\t\t\t\t\t0\t\n3.危及“三安全一稳定”\t\t\t\t\t\t\t0\t\n';
    const tokens = tokeniseRegion(text, 0, text.length);
    const labelIndex = tokens.findIndex((token) => token.kind === 'text');
    const run = tokens.slice(labelIndex + 1, tokens.findIndex((token, index) => index > labelIndex && token.kind === 'text'));
    const label = tokens[labelIndex]!;
    expect(shape(run)).toBe('_ _ _ _ _ _ 0 _ 3');
    expect(otherTabReadings(run, label.line).map(shape)).toContain('_ _ _ _ _ _ _ 0 3');
    // Without the label's line, the closing piece of the label's line hides the opening blank: nothing shifted.
    expect(otherTabReadings(run).map(shape)).not.toContain('_ _ _ _ _ _ _ 0 3');
  });
});

describe('otherTabReadings: a wrapped label closed by its tab', () => {
  it('reads the run without the piece after the label and without the last one: either may be no cell', () => {
    // Rows closing every cell with a tab, the label wrapped: "二、上年结转政府信\t⏎息公开申请数量\t⏎\t\t\t\t\t\t0\t" is six blanks
    // and a total 0, or (the piece after the label taken for the label's own) five blanks, 0 and a blank total.
    const text = '二、上年结转政府信\t\n息公开申请数量\t\n\t\t\t\t\t\t0\t\n';
    const tokens = tokeniseRegion(text, 0, text.length);
    const run = tokens.slice(1);
    expect(shape(run)).toBe('_ 息公开申请数量 _ _ _ _ _ _ 0 _');
    const readings = otherTabReadings(run).map(shape);
    expect(readings).toContain('_ 息公开申请数量 _ _ _ _ _ 0 _');
    expect(readings).toContain('_ 息公开申请数量 _ _ _ _ _ _ 0');
  });
});
