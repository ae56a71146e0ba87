import { describe, expect, it } from 'vitest';
import { gov2021 } from '../../templates/gov2021.ts';
import { labelBeganBefore, nextRowsHeadAmongValues, surplusBesideRows, valuesOfAnotherRow } from './runOfAnotherRow.ts';
import type { Token } from './Token.ts';
import { sectionSkeleton } from './sectionSkeleton.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';

describe('nextRowsHeadAmongValues', () => {
  const skeleton = sectionSkeleton(gov2021, gov2021.tables.filter((table) => table.id === '三'));
  const lawForbidden = skeleton.find((row) => row.row.key === 'deniedLawForbidden')!;

  it('sees the next row\'s ordinal and label start between a run\'s values, with values after it', () => {
    // A box-drawn grid, labels wrapped at ten columns, values on each label's first line, hard-wrapped again (seed
    // 4824 variant 2516): after 1.属于国家秘密's anchor, its zeros, then 2.其他法律…'s head and that row's zeros.
    const text = '┃ 0 ┃ 0 ┃\n0 ┃ 0 ┃ 0 ┃ 0 ┃ 0 ┃\n┃ 不 予 公  ┃  家 秘 密  ┃   ┃\n┃ 2.其 他 法 ┃ 0  ┃ 0 ┃ 0 ┃ 0 ┃ 0\n┃ 0 ┃ 0  ┃\n';
    expect(nextRowsHeadAmongValues(tokeniseRegion(text, 0, text.length), lawForbidden)).toBe(true);
  });

  it('does not for a head after the run\'s last value (the next row\'s label, its values still to come)', () => {
    const text = '0 0 0 0 0 0 0\n2.其他法律行政法规禁止公开\n';
    expect(nextRowsHeadAmongValues(tokeniseRegion(text, 0, text.length), lawForbidden)).toBe(false);
  });
});

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

describe('valuesOfAnotherRow: another group\'s heading just before the values', () => {
  const skeleton = sectionSkeleton(gov2021, gov2021.tables.filter((table) => table.id === '三'));
  const confirmation = skeleton.find((row) => row.row.key === 'notProcessedConfirmation')!;
  const read = (text: string): boolean => {
    const tokens = tokeniseRegion(text, 0, text.length);
    const anchor = tokens.findIndex((token) => token.kind === 'text' && token.text.includes('要求行政机关'));
    return valuesOfAnotherRow(tokens.slice(anchor + 1), tokens[anchor]!, confirmation, undefined, undefined);
  };

  it('gives the values to the group whose heading (its label OCR\'d past recognition) stands just before them', () => {
    expect(confirmation.group).toBe('五');
    expect(read('5.要求行政机关确认或重新出具\n已获取信息\n（六）其他外理  0  3  0  0  0  0  3\n')).toBe(true);
  });

  it('gives them to that group also when words stand between its heading and them (a row label lost to the scan)', () => {
    expect(read('5.要求行政机关确认或重新出具\n（六）其他处理  囗口曰  0  3  0  0  0  0  3\n')).toBe(true);
  });

  it('leaves them to the row under its own group\'s heading, or printed before another group\'s heading', () => {
    expect(read('5.要求行政机关确认或重新出具\n（五）不予  0  3  0  0  0  0  3\n')).toBe(false);
    expect(read('5.要求行政机关确认或重新出具\n（五）不予  囗口曰  0  3  0  0  0  0  3\n')).toBe(false);
    expect(read('5.要求行政机关确认或重新出具  0  3  0  0  0  0  3\n（六）其他处理\n')).toBe(false);
  });
});

describe('valuesOfAnotherRow: the next row\'s head with its values wrapped onto a line of their own', () => {
  const skeleton = sectionSkeleton(gov2021, gov2021.tables.filter((table) => table.id === '三'));
  const granted = skeleton.find((row) => row.row.key === 'granted')!;
  const partiallyGranted = skeleton.find((row) => row.row.key === 'partiallyGranted')!;
  const read = (text: string): boolean => {
    const tokens = tokeniseRegion(text, 0, text.length);
    const anchor = tokens.findIndex((token) => token.kind === 'text' && token.text.includes('以公开'));
    return valuesOfAnotherRow(tokens.slice(anchor + 1), tokens[anchor]!, granted, partiallyGranted, partiallyGranted);
  };

  it('gives values under "（二）部" (a hard wrap moved them off its line) to （二）, not to the row above (seed 4611, variant 696)', () => {
    expect(read('| (一)予 |\n|   |   |\n| 以公开 |\n|   |   |\n+-----+-----+\n| (二)部 |\n1 | 3 | 0 | 0 | 0 | 0 |\n4 |\n| 分公开( |\n')).toBe(true);
  });

  it('keeps values after the row\'s own wrapped label tail (no ordinal) as its own', () => {
    expect(read('| (一)予 |\n| 以公开 |\n| 果 |\n1 | 3 | 0 | 0 | 0 | 0 | 4 |\n')).toBe(false);
  });
});

describe('valuesOfAnotherRow: the next row\'s head, with no ordinal, on the values\' line', () => {
  const skeleton = sectionSkeleton(gov2021, gov2021.tables.filter((table) => table.id === '二.1'));
  const [rules, normativeDocs] = [skeleton[0]!, skeleton[1]!];
  const read = (text: string): boolean => {
    const tokens = tokeniseRegion(text, 0, text.length);
    const anchor = tokens.findIndex((token) => token.kind === 'text' && token.text === '规章');
    return valuesOfAnotherRow(tokens.slice(anchor + 1), tokens[anchor]!, rules, normativeDocs, normativeDocs);
  };

  it('gives values printed after the whole start of the next row\'s label to that row (a grid row hard-wrapped, seed 4679 variant 901)', () => {
    expect(read('| 规章 |  |  |\n|\n+------+------+------+\n| 行政规范 | 0 | 0 | 0\n| 性文件 |  |  |\n')).toBe(true);
  });

  it('keeps them the row\'s own after a mere piece of a label, or words of no row', () => {
    expect(read('| 规章 |  |  |\n+------+\n| 行政 | 0 | 0 | 0\n')).toBe(false);
    expect(read('| 规章 |  |  |\n+------+\n| 合计 | 0 | 0 | 0\n')).toBe(false);
  });

  it('gives values after a head of one or two characters to the next row only where its next line goes on with that row\'s label', () => {
    // A tab row's label split after its first character, the values on the first line ("行\t0\t0\t1" / "政规范性文件").
    const withAfter = (text: string, afterText: string): boolean => {
      const tokens = tokeniseRegion(text, 0, text.length);
      const anchor = tokens.findIndex((token) => token.kind === 'text' && token.text === '规章');
      const after = tokens.findIndex((token) => token.kind === 'text' && token.text === afterText);
      return valuesOfAnotherRow(tokens.slice(anchor + 1, after), tokens[anchor]!, rules, normativeDocs, normativeDocs, tokens[after]);
    };
    expect(withAfter('规章\n行\t0\t0\t1\n政规范性文件\n', '政规范性文件')).toBe(true);
    expect(withAfter('规章\n行政\t0\t0\t1\n规范性文件\n', '规范性文件')).toBe(true);
    // The same head with words after it that go on with no row's label: the values stay the row's own.
    expect(withAfter('规章\n行\t0\t0\t1\n合计\n', '合计')).toBe(false);
  });
});

describe('surplusBesideRows', () => {
  it('counts the numbers the rows just before and after print beyond their cells', () => {
    // Rows of 7 cells: the first prints 9 numbers, the second 5, the third 7.
    const kinds = ['text', ...Array(9).fill('value'), 'text', ...Array(5).fill('value'), 'text', ...Array(7).fill('value')];
    const tokens = kinds.map((kind) => ({ kind }) as Token);
    const anchors = [{ tokenIndex: 0, rowIndex: 0 }, { tokenIndex: 10, rowIndex: 1 }, { tokenIndex: 16, rowIndex: 2 }];
    const skeleton = [0, 1, 2].map(() => ({ fieldIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] })) as never;
    const beside = surplusBesideRows(tokens, anchors, skeleton, (position) => anchors[position + 1]?.tokenIndex ?? tokens.length);
    expect([0, 1, 2].map(beside)).toEqual([0, 2, 0]);
  });
});
