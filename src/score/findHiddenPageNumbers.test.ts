import { describe, expect, it } from 'vitest';
import { findHiddenPageNumbers, mayHoldHiddenPageNumber } from './findHiddenPageNumbers.ts';

describe('findHiddenPageNumbers', () => {
  it('finds the pages missing from the sequence of markers, each between its neighbours, and two after the last', () => {
    const text = '行政处罚 1982 0 8860 第5页 行政强制 282 0 294 - 7 - 其他 3';
    const hidden = findHiddenPageNumbers(text);
    const fifth = text.indexOf('第5页');
    const seventh = text.indexOf('- 7 -');
    expect(hidden).toEqual([
      { page: 1, start: 0, end: fifth },
      { page: 2, start: 0, end: fifth },
      { page: 3, start: 0, end: fifth },
      { page: 4, start: 0, end: fifth },
      { page: 6, start: fifth + 3, end: seventh },
      { page: 8, start: seventh + 5, end: text.length },
      { page: 9, start: seventh + 5, end: text.length },
    ]);
  });

  it('knows nothing where the document prints no page marker, and reads 共 N 页 as no page', () => {
    expect(findHiddenPageNumbers('行政处罚 1982 0 8860 行政强制 282 0 294')).toEqual([]);
    const hidden = findHiddenPageNumbers('第 1 页 共 3 页 表 第 2 页 共 3 页 表 第 3 页 共 3 页');
    expect(hidden.map((page) => page.page)).toEqual([4, 5]);
  });

  it('knows nothing where every marker is a footer line of its own: a missing one is not run into a value', () => {
    expect(findHiddenPageNumbers('行政处罚 1982 0 8860\n— 3 —\n行政强制 282 0 294\n\f— 5 —\n')).toEqual([]);
  });

  it('skips numbers that run backwards (a repeated footer) and dates with dashes', () => {
    const hidden = findHiddenPageNumbers('2019—2020 年 - 2 - 表 - 2 - 表 - 3 -');
    expect(hidden.map((page) => page.page)).toEqual([1, 4, 5]);
  });

  it('reads a spaced marker run into the digits of a flattened table around it', () => {
    const text = '热点数次20（二）人数人- 4 -2.兼职人员数人19';
    expect(findHiddenPageNumbers(text).map((page) => page.page)).toEqual([1, 2, 3, 5, 6]);
    expect(mayHoldHiddenPageNumber(text, text.indexOf('20'), text.indexOf('20') + 2, findHiddenPageNumbers(text))).toBe(true);
  });

  it('looks back only a few pages before the first marker: page 40 is part of a longer volume', () => {
    expect(findHiddenPageNumbers('表 第40页 表').map((page) => page.page)).toEqual([41, 42]);
  });
});

describe('mayHoldHiddenPageNumber', () => {
  const text = '行政处罚 1982 0 8860 2 第5页 行政强制 282 0 294';
  const hidden = findHiddenPageNumbers(text);
  const at = (printed: string, from = 0): [number, number] => {
    const start = text.indexOf(printed, from);
    return [start, start + printed.length];
  };

  it('holds for digits starting or ending with a missing page number, where that number must stand', () => {
    expect(mayHoldHiddenPageNumber(text, ...at('1982'), hidden)).toBe(true);
    expect(mayHoldHiddenPageNumber(text, ...at('8860'), hidden)).toBe(false);
    // The page number alone is not a value run together with it.
    expect(mayHoldHiddenPageNumber(text, text.indexOf(' 2 ') + 1, text.indexOf(' 2 ') + 2, hidden)).toBe(false);
    // After page 5's marker only page 6 may be hidden: 282 neither starts nor ends with 6.
    expect(mayHoldHiddenPageNumber(text, ...at('282'), hidden)).toBe(false);
  });

  it('reads full-width digits as digits', () => {
    const wide = '行政处罚 １９８２ 第5页';
    const start = wide.indexOf('１');
    expect(mayHoldHiddenPageNumber(wide, start, start + 4, findHiddenPageNumbers(wide))).toBe(true);
  });
});
