import { describe, expect, it } from 'vitest';
import { findBarePageNumbers, findHiddenPageNumbers, findPageNumbers, isPageNumberAt, mayHoldHiddenPageNumber, opensWithBarePageNumber } from './findHiddenPageNumbers.ts';

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

  it('takes no blank marks and a value among cells joined by an ideographic space or two spaces for a page marker', () => {
    expect(findHiddenPageNumbers('（一）予以公开　5　-　1　-　-　-　6\n1.属于国家秘密　-　0　-　-　0　-　0')).toEqual([]);
    expect(findHiddenPageNumbers('（一）予以公开  5  -  3  -  -  -  8')).toEqual([]);
    // A marker spaced as page markers are, in the same rows, is one.
    expect(findHiddenPageNumbers('（一）予以公开　5　- 3 -　-　-　8').map((page) => page.page)).toEqual([1, 2, 4, 5]);
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

  it('looks back as far as a report\'s first pages: a first marker on page 6 leaves pages 1 to 5 bare before it', () => {
    // (A flattened report printing its page numbers bare, "行政强制20" for page 2 run into 0, and 第6页 once.)
    expect(findHiddenPageNumbers('行政强制20 表 第6页 表').map((page) => page.page)).toEqual([1, 2, 3, 4, 5, 7, 8]);
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

describe('findBarePageNumbers', () => {
  // A gov-2014 table flattened with every value run into its unit, page numbers printed bare after a space.
  const rows = ['收到申请数', '当面申请数', '传真申请数', '网络申请数', '信函申请数', '按时办结数', '延期办结数', '同意公开答复数', '不同意公开答复数', '举报投诉数量', '复议数量', '诉讼数量'];
  const glued = (values: readonly string[]): string => rows.map((label, index) => `${label}件${values[index] ?? '0'}`).join('');

  it('finds page numbers counting on at the few numbers printed after a space, run into the value after them', () => {
    const text = `灵武市商务局 2018 年政府信息公开工作年度报告${glued(['12', '3', '0', '9'])}依申请公开件 202.延期${glued(['1', '0', '0', '2'])}举报投诉数量件 30七、费用`;
    const bare = findBarePageNumbers(text);
    expect(bare.map((found) => found.page)).toEqual([2, 3]);
    const thirty = text.indexOf('30七');
    expect(bare[1]).toEqual({ page: 3, start: thirty, end: thirty + 2 });
    expect(opensWithBarePageNumber(text, thirty, thirty + 2, bare)).toBe(true);
    // The value after the page number, read apart from it, does not open with it.
    expect(opensWithBarePageNumber(text, thirty + 1, thirty + 2, bare)).toBe(false);
  });

  it('finds nothing where numbers stand apart from words as a rule (spaced cells, aligned columns, one per line)', () => {
    const spaced = rows.map((label, index) => `${label} 件 ${index + 1}`).join(' ');
    expect(findBarePageNumbers(spaced)).toEqual([]);
    const perLine = rows.map((label, index) => `${label}\n件\n${index + 1}`).join('\n');
    expect(findBarePageNumbers(perLine)).toEqual([]);
  });

  it('finds nothing where the spaced numbers do not count on', () => {
    const text = `${glued(['12', '3', '0', '9'])}依申请公开件 502.延期${glued(['1', '0', '0', '2'])}举报投诉数量件 80七、费用`;
    expect(findBarePageNumbers(text)).toEqual([]);
  });

  it('expects the next page after a number a space sets apart from the digits before it, where none counts on from it', () => {
    // Seed 1001, variant 495 (flat-glued, page numbers printed bare): "件254 24.信函" holds page 2 run into the next row's
    // ordinal, and "举报投诉数量件30" page 3 run into the 0 of a row no rule checks, committed as 30.
    const rows = ['一、主动公开情况（一）主动公开政府信息数条1288其中：主动公开规范性文件数条13制发规范性文件总数件13', '1.政府公报公开政府信息数条0',
      '2.政府网站公开政府信息数条1288', '3.政务微博公开政府信息数条0', '4.政务微信公开政府信息数条0',
      '（一）收到申请数件259', '1.当面申请数件4', '2.传真申请数件', '3.网络申请数件254 24.信函申请数件1', '（二）申请办结数件259',
      '1.按时办结数件259', '2.延期办结数件0', '四、行政复议数量件6', '（一）维持具体行政行为数件4', '（二）被依法纠错数件0',
      '（三）其他情形数件2', '五、行政诉讼数量件1', '（一）维持具体行政行为或者驳回原告诉讼请求数件0', '（二）被依法纠错数件1',
      '（三）其他情形数件0', '六、举报投诉数量件30七、依申请公开信息收取的费用万元0.82'];
    const text = rows.join('');
    const { hidden } = findPageNumbers(text);
    const at = text.indexOf('件30') + 1;
    expect(mayHoldHiddenPageNumber(text, at, at + 2, hidden)).toBe(true);
    // Before the spaced number, no page 3 is expected.
    const before = text.indexOf('件259') + 1;
    expect(hidden.some((page) => page.page === 3 && before >= page.start)).toBe(false);
  });
});

describe('findPageNumbers after stray numbers', () => {
  it('takes a short stray number for a page: the next two pages may be run into values after it', () => {
    const text = '网站公开政府信息数2条333微博公开数条28同意部分公开答复数件304.不同意查阅点数个48专职人员数人2';
    const stray = text.indexOf('2条');
    const pages = findPageNumbers(text, [{ start: stray, end: stray + 1 }]);
    const at = (digits: string) => [text.indexOf(digits), text.indexOf(digits) + digits.length] as const;
    expect(mayHoldHiddenPageNumber(text, ...at('30'), pages.hidden)).toBe(true);
    expect(mayHoldHiddenPageNumber(text, ...at('48'), pages.hidden)).toBe(true);
    expect(mayHoldHiddenPageNumber(text, ...at('28'), pages.hidden)).toBe(false);
    expect(isPageNumberAt(text, ...at('333'), pages)).toBe(false);
    // Numbers of three digits or opening with 0 are no page numbers.
    expect(findPageNumbers(text, [{ start: text.indexOf('333'), end: text.indexOf('333') + 3 }]).hidden).toEqual([]);
  });
});
