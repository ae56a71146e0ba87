import { describe, expect, it } from 'vitest';
import { gov2021 } from '../../templates/gov2021.ts';
import { indexRows, matchRowLabel } from './matchRowLabel.ts';

const sectionThree = gov2021.tables.filter((table) => table.id === '三');
const keyOf = (labels: string[]) => {
  const match = matchRowLabel(labels, indexRows(sectionThree));
  return match.kind === 'matched' ? match.candidate.row.key : match.kind;
};

describe('matchRowLabel', () => {
  it('matches a label exactly, or by similarity despite an OCR confusion', () => {
    expect(keyOf(['2.重复申请'])).toBe('notProcessedDuplicate');
    expect(keyOf(['2.重夏申请'])).toBe('notProcessedDuplicate');
    expect(keyOf(['（七）总计'])).toBe('resultTotal');
  });

  it('never matches a two-character fragment by similarity: "申请" (a wrapped label\'s tail) is in too many labels', () => {
    expect(keyOf(['申请'])).toBe('none');
    expect(keyOf(['信息'])).toBe('none');
  });

  it('joins a long label wrapped over eight narrow lines (a PDF cell five characters wide), not only its tail', () => {
    // The last four lines alone, "政机关不再处理其政府信息公开申请", are more like 一、本年新收政府信息公开申请数量 (seed
    // 16180, variant 434: a row of zeros committed for newReceived's 34 | 1 | … | 37).
    const wrapped = ['2.申请人逾', '期未按收费', '通知要求缴', '纳费用、行', '政机关不再', '处理其政府', '信息公开申', '请'];
    expect(keyOf(wrapped)).toBe('otherOverdueFee');
  });

  it('matches a label joined to its group\'s label in one cell exactly (a merged cell flattened with the row\'s)', () => {
    const exact = (labels: string[]) => {
      const match = matchRowLabel(labels, indexRows(sectionThree));
      return match.kind === 'matched' ? `${match.candidate.row.key} ${match.score}` : match.kind;
    };
    expect(exact(['三、本年度办理结果 （一）予以公开'])).toBe('granted 1');
    expect(exact(['（三）不予公开 1.属于国家秘密'])).toBe('deniedStateSecret 1');
    expect(exact(['（五）不予处理1.信访举报投诉类申请'])).toBe('notProcessedComplaint 1');
    // A row's label with another row's after it is no group label: matched by similarity only, if at all.
    expect(exact(['2.重复申请 3.要求提供公开出版物'])).not.toMatch(/ 1$/u);
  });

  it("takes no piece of a group label for a row: \"予公开\" (of a wrapped （三）不 / 予公开) is not 予以公开", () => {
    expect(keyOf(['予公开'])).toBe('none');
    expect(keyOf(['（三）不', '予公开'])).toBe('none');
    expect(keyOf(['以公开'])).toBe('granted');
    expect(keyOf(['（一）予', '以公开'])).toBe('granted');
    // On the 2021 form （六）其他处理 is a group over three rows; its sub-row 3.其他 keeps its own label.
    expect(keyOf(['其他处理'])).toBe('none');
    expect(keyOf(['3.其他'])).toBe('otherHandling');
  });
});
