import { describe, expect, it } from 'vitest';
import type { CellReading } from '../parse/ParseResult.ts';
import { findDoubtfulBlanks } from './findDoubtfulBlanks.ts';

/** A table cell read from `text` at `needle` (blank when `value` is null: an empty span where the row's cell is). */
function cellAt(text: string, fieldId: string, needle: string, value: number | null): CellReading {
  const start = text.indexOf(needle) + (value === null ? needle.length : 0);
  const end = value === null ? start : start + needle.length;
  return {
    fieldId, raw: value === null ? '' : needle, value, start, end, method: 'table', layout: 'aligned-row', labelScore: 1,
    repairs: [], ambiguous: false, notes: [],
  };
}

describe('findDoubtfulBlanks', () => {
  it('doubts a blank whose row holds a number between tabs that no cell read', () => {
    const text = '六、举报投诉数量\t件\t3\n七、依申请公开信息收取的费用\t万元\t\tl2\n';
    const cells = new Map([['fees.collected', cellAt(text, 'fees.collected', '万元\t', null)]]);
    expect(findDoubtfulBlanks(text, cells)).toEqual(new Map([['fees.collected', 'l2']]));
  });

  it('in text laid out in cells, doubts a blank whose wrapped value cell prints its number a line or two away', () => {
    // pdftotext -layout of a value cell taller than its label: "０．８２" above the row's label, its unit below.
    const text = [
      '       六、举报投诉数量          件   ０',
      '',
      '                         万 ０．８２',
      '   七、依申请公开信息收取的费用',
      '                         元  万元',
      '',
      '       八、机构建设和保障经费情况',
    ].join('\n');
    const blank = cellAt(text, 'fees.collected', '元  万元', null);
    const complaints = cellAt(text, 'complaints.total', '０', 0);
    const cells = new Map([['fees.collected', blank], ['complaints.total', complaints]]);
    expect(findDoubtfulBlanks(text, cells, { wrappedCells: true })).toEqual(new Map([['fees.collected', '０．８２']]));
    // The number may carry its cell's unit, cut by the wrap.
    const withUnit = text.replace('万 ０．８２', '万   ０万').replace('元  万元', '元    元');
    const cut = cellAt(withUnit, 'fees.collected', '元    元', null);
    expect(findDoubtfulBlanks(withUnit, new Map([['fees.collected', cut]]), { wrappedCells: true })).toEqual(new Map([['fees.collected', '０']]));
    // One cell per line puts every number on a line of its own: there a neighbour's number is no sign.
    expect(findDoubtfulBlanks(text, cells)).toEqual(new Map());
  });

  it('takes no number from prose or another row beside a blank, nor one a cell read', () => {
    const text = [
      '   全年共收到申请 12 件。',
      '   七、依申请公开信息收取的费用         万元',
      '       六、举报投诉数量          件   ０',
    ].join('\n');
    const cells = new Map([
      ['fees.collected', cellAt(text, 'fees.collected', '万元', null)],
      ['complaints.total', cellAt(text, 'complaints.total', '０', 0)],
    ]);
    expect(findDoubtfulBlanks(text, cells, { wrappedCells: true })).toEqual(new Map());
  });

  it('takes no page number alone on its line beside a blank for a wrapped cell\'s number', () => {
    const text = ['5.属于三类内部事务信息\t\t\t', '                      2', '6.属于四类过程性信息\t1\t1'].join('\n');
    const cells = new Map([['applications.deniedInternalAffairs.total', cellAt(text, 'applications.deniedInternalAffairs.total', '信息\t', null)]]);
    expect(findDoubtfulBlanks(text, cells, { wrappedCells: true })).toEqual(new Map());
  });
});
