import { describe, expect, it } from 'vitest';
import type { CellReading } from '../ParseResult.ts';
import { templates } from '../../templates/registry.ts';
import { holdTableGoingOn, ownHeaderWords, tableGoesOn } from './holdTableGoingOn.ts';

const gov2021 = templates.find((template) => template.id === 'gov-2021')!;
const appeals = gov2021.tables.filter((table) => table.id === '四');
const applications = gov2021.tables.filter((table) => table.id === '三');

/** Section 四 of a PDF's reading order, its table cut by the next heading drawn among its blocks. */
const CUT = [
  '四、政府信息公开行政复议、行政诉讼情况', '行政复议', '', '行政诉讼', '', '结', '果', '维', '持', '', '0', '', '0', '', '0', '',
  '五、存在的主要问题及改进情况', '', '复议后起诉', '', '总', '计', '', '0', '', '3', '', '3', '', '9', '',
  '（一）存在的主要问题。政策解读形式较为单一。', '',
].join('\n');

describe('ownHeaderWords', () => {
  it('keeps the column labels no other table of the form holds, in a column label or a row label', () => {
    const appealWords = ownHeaderWords(gov2021, appeals);
    expect(appealWords).toContain('复议后起诉');
    expect(appealWords).not.toContain('总计');
    // "其他" is a piece of 四's "其他结果" (and of row labels): no word of 三's alone.
    expect(ownHeaderWords(gov2021, applications)).toContain('自然人');
    expect(ownHeaderWords(gov2021, applications)).not.toContain('其他');
  });
});

describe('tableGoesOn', () => {
  it('finds the table\'s own header words and numbers alone on their lines past the next heading', () => {
    expect(tableGoesOn(CUT, CUT.indexOf('五、'), ownHeaderWords(gov2021, appeals))).toBe(true);
  });

  it('does not take the next table\'s header for the one before\'s', () => {
    const fourAfterThree = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议 行政诉讼', '结果 结果 其他 尚未 总', '维持 纠正 结果 审结 计', '0 0 0 0 0', ''].join('\n');
    expect(tableGoesOn(fourAfterThree, 0, ownHeaderWords(gov2021, applications))).toBe(false);
  });

  it('stops at the next section\'s prose, and needs numbers as well as words', () => {
    const words = ownHeaderWords(gov2021, appeals);
    expect(tableGoesOn(['五、存在的主要问题及改进情况', '（一）存在的主要问题。政策解读形式较为单一。', '复议后起诉', '3', ''].join('\n'), 0, words)).toBe(false);
    expect(tableGoesOn(['五、存在的主要问题及改进情况', '复议后起诉', '总计', ''].join('\n'), 0, words)).toBe(false);
  });
});

describe('holdTableGoingOn', () => {
  const cell = (fieldId: string, zeroOrBlank: boolean): CellReading => ({
    fieldId, raw: '0', value: 0, start: 0, end: 1, method: 'table', layout: 'tokens/flattened', labelScore: 1, repairs: [], ambiguous: false, notes: [],
    support: { readings: 1, anchored: true, placement: zeroOrBlank ? 'joint' : 'count', ...(zeroOrBlank ? { zeroOrBlank } : {}) },
  });

  it('holds the cells placed jointly as 0 or blank when the table goes on, and only those', () => {
    const cells = new Map([['litigationAfterReconsideration.upheld', cell('litigationAfterReconsideration.upheld', true)], ['reconsideration.upheld', cell('reconsideration.upheld', false)]]);
    holdTableGoingOn(cells, gov2021, appeals, CUT, CUT.indexOf('五、'));
    expect(cells.get('litigationAfterReconsideration.upheld')).toMatchObject({ ambiguous: true, value: null, proposal: 0 });
    expect(cells.get('reconsideration.upheld')).toMatchObject({ ambiguous: false, value: 0 });
  });

  it('leaves them when the section ends where its table does', () => {
    const cells = new Map([['litigationAfterReconsideration.upheld', cell('litigationAfterReconsideration.upheld', true)]]);
    const whole = CUT.replace(/复议后起诉[\s\S]*?（一）/u, '（一）');
    holdTableGoingOn(cells, gov2021, appeals, whole, whole.indexOf('五、'));
    expect(cells.get('litigationAfterReconsideration.upheld')).toMatchObject({ ambiguous: false, value: 0 });
  });
});
