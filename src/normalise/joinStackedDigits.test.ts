import { describe, expect, it } from 'vitest';
import { MappedText } from '../text/MappedText.ts';
import { joinStackedDigits } from './joinStackedDigits.ts';

const join = (lines: readonly string[]) => joinStackedDigits(MappedText.identity(lines.join('\n')));
/** The words of a line, space-separated. */
const wordsOf = (text: string, lineIndex: number) => (text.split('\n')[lineIndex] ?? '').trim().split(/\s+/u).filter(Boolean);

describe('joinStackedDigits', () => {
  it('joins a number a narrow cell printed a digit a line around its row line, each digit pointing at its own place', () => {
    const lines = [
      '                                     2                     2',
      '                                     9                     9',
      '  一、本年新收政府信息公开申请数量                       0   0   0   0   0',
      '                                     8                     8',
      '                                     5                     5',
    ];
    const joined = join(lines);
    expect(wordsOf(joined.text, 2)).toEqual(['一、本年新收政府信息公开申请数量', '2985', '0', '0', '0', '0', '0', '2985']);
    expect(joined.text.split('\n').filter((_, index) => index !== 2).every((line) => line.trim() === '')).toBe(true);
    const original = lines.join('\n');
    const at = joined.text.indexOf('2985');
    const span = joined.toOriginal(at, at + 4);
    // The evidence runs from the first digit printed to the last.
    expect(original[span.start]).toBe('2');
    expect(original[span.end - 1]).toBe('5');
    expect(original.slice(span.start, span.end)).toContain('一、本年新收');
  });

  it('joins a row with no label whose every cell wrapped, a cell\'s digits a line apart, a page\'s form feed before it (fresh print, seed 97535)', () => {
    // Section 四 at the top of a page, full-width digits in narrow cells: parts of two digits over the lines around
    // the middle line, totals of three digits a line apart (２ / １ / ２ for 212). The line of the parts' first digits
    // is no row of its own: joined there, it would take 21 for 212.
    const joined = join([
      '\f                 ２                   ３                   ２',
      ' ６   ５   ３   ６       ８   ７   ７   ７       ６   ４   ３   ７',
      '                 １                   １                   ２',
      ' ９   ０   ０   ３       ５   ６   ９   ０       ９   ６   ７   １',
      '                 ２                   ０                   ３',
    ]);
    expect(wordsOf(joined.text, 2)).toEqual(['６９', '５０', '３０', '６３', '２１２', '８５', '７６', '７９', '７０', '３１０', '６９', '４６', '３７', '７１', '２２３']);
    expect(joined.text.split('\n').filter((_, index) => index !== 2).every((line) => line.replace(/\f/gu, '').trim() === '')).toBe(true);
  });

  it('takes the row line\'s own digit as the middle of the number, and words of a group label down the side', () => {
    const joined = join([
      '三、本                                  7                     7',
      '年度办          （一）予以公开                 5   0   0   0   0   0 5',
      '理结果                                  9                     9',
    ]);
    expect(wordsOf(joined.text, 1)).toEqual(['年度办', '（一）予以公开', '759', '0', '0', '0', '0', '0', '759']);
    expect(wordsOf(joined.text, 0)).toEqual(['三、本']);
  });

  it('joins pieces standing in the gaps of a row line of values only, the row label wrapped around it', () => {
    const joined = join([
      '        （二）部分公开（区分处理的，只计这一情形，不   15                       15',
      '                                      0   0   0   0   0',
      '                计其他情形）           28                       28',
    ]);
    expect(wordsOf(joined.text, 1)).toEqual(['1528', '0', '0', '0', '0', '0', '1528']);
    expect(wordsOf(joined.text, 2)).toEqual(['计其他情形）']);
  });

  it('leaves rows of their own alone: a label over the row line\'s label, as many numbers, or digits on one side only', () => {
    const rowAbove = [
      '        （二）部分公开                              1',
      '        （三）不予公开          3   0   0   0   0   0 3',
      '                                                    2',
    ];
    expect(join(rowAbove).text).toBe(rowAbove.join('\n'));
    const fullRows = [
      '  1.属于国家秘密          1   0   0   0   0   0 1',
      '  2.其他法律行政法规禁止公开  2   0   0   0   0   0 2',
      '  3.危及“三安全一稳定”     3   0   0   0   0   0 3',
    ];
    expect(join(fullRows).text).toBe(fullRows.join('\n'));
    const oneSide = [
      '                                     2                     2',
      '  一、本年新收政府信息公开申请数量                       0   0   0   0   0',
      '',
      '  二、上年结转政府信息公开申请数量   0   0   0   0   0   0 0',
    ];
    expect(join(oneSide).text).toBe(oneSide.join('\n'));
  });

  it('measures columns in display width where the lines line up so (CJK two columns wide), not in characters', () => {
    // The label's six characters take twelve columns: in characters the row line's zeros stand six further left.
    const label = '  一、本年新收';
    const rowLine = `${label}${' '.repeat(30 - 14)}0   0   0`;
    // The next row's longer label shows which: its numbers stand under the first row's in display columns only.
    const nextRow = `  二、上年结转政府信${' '.repeat(10)}0   0   0   0 0`;
    const lines = [`${' '.repeat(26)}3${' '.repeat(15)}3`, rowLine, `${' '.repeat(26)}1${' '.repeat(15)}1`, '', nextRow];
    const joined = join(lines);
    expect(wordsOf(joined.text, 1)).toEqual(['一、本年新收', '31', '0', '0', '0', '31']);
    // In characters (pdftotext's grid, rows lining up so) the same digits stand among the row's values: left alone.
    const charRows = [`${' '.repeat(26)}3${' '.repeat(15)}3`, rowLine, `${' '.repeat(26)}1${' '.repeat(15)}1`, '', `  二、上年结转${' '.repeat(16)}0   0   0   0 0`];
    expect(join(charRows).text).toBe(charRows.join('\n'));
  });

  it('joins a number wrapped in two pieces around a row line that prints only its label, not values one per line', () => {
    const joined = join(['     第二十条第（五）项', ' 信息内容  本年处理决定数量', '                          1', ' 行政许可', '                          3', '']);
    expect(wordsOf(joined.text, 3)).toEqual(['行政许可', '13']);
    const perLine = ['行政许可', '13', '行政处罚', '22', '行政强制', '5', '   '];
    expect(join(perLine).text).toBe(perLine.join('\n'));
  });

  it('leaves one cell per line alone: a value printed with its unit among lone values is no wrapped row (seed 4584 v510)', () => {
    // A page footer's centring spaces make the text look laid out in columns; a line "0 万元" has no label beside it.
    const perLine = ['4', '0', '6', '0', '2', '4', '0', '0 万元', '0', '5', '5', '4', '1', '0 万元', '10', '', '                         — 8 —'];
    expect(join(perLine).text).toBe(perLine.join('\n'));
  });

  it('reads lines ended by CR LF or a bare CR, and keeps every line break as printed', () => {
    for (const lineBreak of ['\r\n', '\r']) {
      const lines = [' 信息内容  本年处理决定数量', '              1', ' 行政强制         6', '              0', '', '三、收到和处理'];
      const joined = joinStackedDigits(MappedText.identity(lines.join(lineBreak)));
      expect(joined.text.split(lineBreak).map((line) => line.trim().split(/\s+/u).filter(Boolean))).toEqual([['信息内容', '本年处理决定数量'], [], ['行政强制', '160'], [], [], ['三、收到和处理']]);
    }
  });

  it('returns text without display columns as it is', () => {
    const tabbed = '一、本年新收\t1\t2\t3\n\t4\n二、上年结转\t0\t0\t0';
    expect(join(tabbed.split('\n')).text).toBe(tabbed);
  });
});
