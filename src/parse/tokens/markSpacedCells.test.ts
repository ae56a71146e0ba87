import { describe, expect, it } from 'vitest';
import { markSpacedCells, regionSeparator } from './markSpacedCells.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';
import type { Token } from './Token.ts';
import { createRandom } from '../../eval/garble/random.ts';

/** The tokens of a text as words: text as is, values by their raw text, empty cells as "_". */
function words(tokens: readonly Token[]): string[] {
  return tokens.map((token) => (token.kind === 'text' ? token.text : token.kind === 'empty' ? '_' : token.raw));
}

const tokensOf = (text: string) => words(tokeniseRegion(text, 0, text.length));

/** A row's cells joined by `separator`, an empty cell printed as nothing between two separators. */
function row(label: string, cells: readonly (number | null)[], separator: string): string {
  return [label, ...cells.map((cell) => (cell === null ? '' : String(cell)))].join(separator);
}

describe('markSpacedCells', () => {
  it('reads the empty cells of rows joined by single spaces, as before', () => {
    const text = '一、本年新收政府信息公开申请数量 3 1  0 0 0 4\n';
    expect(tokensOf(text)).toEqual(['一、本年新收政府信息公开申请数量', '3', '1', '_', '0', '0', '0', '4']);
  });

  it('reads the empty cells of a region whose cells are joined by a wider separator, even with no two values side by side', () => {
    const rows = Array.from({ length: 14 }, (_, index) => row(`某类信息${'甲乙丙丁戊己庚辛壬癸子丑寅卯'[index]!}`, [index, null, null, 2, null, null, index + 2], '    '));
    const text = `${rows.join('\n')}\n`;
    expect(regionSeparator(text)).toBe(4);
    expect(tokensOf(text).slice(0, 8)).toEqual(['某类信息甲', '0', '_', '_', '2', '_', '_', '2']);
  });

  it('leaves alone columns aligned in spaces, whose runs are of any width', () => {
    const random = createRandom(20261206);
    for (let trial = 0; trial < 50; trial++) {
      // pdftotext -layout: each value right-aligned in a column of its own width, blank columns printing nothing.
      const lines = Array.from({ length: 10 }, (_, line) => {
        let text = `第${line}行`.padEnd(20, ' ');
        for (let column = 0; column < 7; column++) {
          const value = random() < 0.3 ? '' : String(Math.floor(random() * 1000));
          text += value.padStart(8, ' ');
        }
        return text;
      });
      expect(regionSeparator(`${lines.join('\n')}\n`)).toBe(1);
    }
  });

  it('marks nothing on a line whose gaps are not whole separators', () => {
    const text = '3    4      5    6';
    const tokens: Token[] = [3, 4, 5, 6].map((value) => {
      const start = text.indexOf(String(value));
      return { kind: 'value', raw: String(value), start, end: start + 1, line: 0, inCell: false, ordinalTail: false, glued: false };
    });
    markSpacedCells(text, tokens, 0, 4);
    expect(words(tokens)).toEqual(['3', '4', '5', '6']);
  });
});
