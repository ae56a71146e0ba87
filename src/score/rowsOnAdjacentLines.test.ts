import { describe, expect, it } from 'vitest';
import type { CellReading, ParseResult } from '../parse/ParseResult.ts';
import { gov2019 } from '../templates/gov2019.ts';
import { rowsOnAdjacentLines, sectionsOnAdjacentLines } from './rowsOnAdjacentLines.ts';

const ROW = ['disclosure.normativeDocs.newlyMade', 'disclosure.normativeDocs.newlyPublished', 'disclosure.normativeDocs.totalPublic'];

/**
 * The row's cells as a reader of one cell per line places them: each printed value at its line, in order after the
 * label, a blank cell an empty span at the empty line standing for it (or after the previous cell where none does).
 */
function parseOf(text: string, printed: readonly (string | null)[]): ParseResult {
  const cells = new Map<string, CellReading>();
  let from = text.indexOf('规范性文件') + '规范性文件'.length;
  printed.forEach((raw, index) => {
    const fieldId = ROW[index]!;
    const start = raw === null ? from : text.indexOf(`\n${raw}`, from) + 1;
    const end = raw === null ? from : start + raw.length;
    cells.set(fieldId, {
      fieldId, raw: raw ?? '', value: raw === null ? null : Number(raw), start, end, method: 'table', layout: 'cell-per-line',
      labelScore: 1, repairs: [], ambiguous: false, notes: [],
    });
    from = raw === null ? from + 1 : end;
  });
  return { cells, sections: [], notes: [] };
}

describe('rowsOnAdjacentLines', () => {
  it('finds a row exported one cell per line: single breaks between cells, an empty line per blank cell', () => {
    const text = '规范性文件\n205\n205\n215\n';
    expect([...rowsOnAdjacentLines(gov2019, parseOf(text, ['205', '205', '215']), text)]).toEqual(ROW);
    const withBlank = '规范性文件\n205\n205\n\n';
    expect([...rowsOnAdjacentLines(gov2019, parseOf(withBlank, ['205', '205', null]), withBlank)]).toEqual(ROW);
    const crlf = '规范性文件\r\n205\r\n205\r\n215\r\n';
    expect(rowsOnAdjacentLines(gov2019, parseOf(crlf, ['205', '205', '215']), crlf).size).toBe(3);
  });

  it("leaves a PDF's reading order, each cell a block between empty lines, and rows with no two cells on adjacent lines", () => {
    const blocks = '规范性文件\n\n205\n\n205\n\n215\n';
    expect(rowsOnAdjacentLines(gov2019, parseOf(blocks, ['205', '205', '215']), blocks).size).toBe(0);
    // A blank read between two blocks: the empty line is the blocks' separator as much as a cell, and no two cells
    // stand on adjacent lines to tell which.
    const blankBetweenBlocks = '规范性文件\n\n205\n\n215\n';
    expect(rowsOnAdjacentLines(gov2019, parseOf(blankBetweenBlocks, ['205', null, '215']), blankBetweenBlocks).size).toBe(0);
    // Cells out of the row's order, or with words between them.
    const words = '规范性文件\n205\n件\n205\n215\n';
    expect(rowsOnAdjacentLines(gov2019, parseOf(words, ['205', '205', '215']), words).size).toBe(0);
  });

  describe('sectionsOnAdjacentLines', () => {
    const LICENSING = ['disclosure.licensing.prevYearItems', 'disclosure.licensing.change', 'disclosure.licensing.decisions'];
    const PENALTIES = ['disclosure.penalties.prevYearItems', 'disclosure.penalties.change', 'disclosure.penalties.decisions'];
    const FORCE = ['disclosure.enforcement.prevYearItems', 'disclosure.enforcement.change', 'disclosure.enforcement.decisions'];
    /** Rows printed one per line after their labels, each cell placed at its line, a blank an empty span. */
    function sectionOf(rows: readonly (readonly [string, readonly string[], readonly (string | null)[]])[], separator: string) {
      const text = rows.map(([label, , printed]) => [label, ...printed.map((raw) => raw ?? '')].join(separator)).join(separator);
      const cells = new Map<string, CellReading>();
      let from = 0;
      for (const [label, fieldIds, printed] of rows) {
        from = text.indexOf(label, from) + label.length;
        printed.forEach((raw, index) => {
          const start = raw === null ? from : text.indexOf(`${separator}${raw}`, from) + separator.length;
          const end = raw === null ? from : start + raw.length;
          cells.set(fieldIds[index]!, {
            fieldId: fieldIds[index]!, raw: raw ?? '', value: raw === null ? null : Number(raw), start, end, method: 'table',
            layout: 'cell-per-line', labelScore: 1, repairs: [], ambiguous: false, notes: [],
          });
          from = raw === null ? from + separator.length : end;
        });
      }
      const fieldIds = rows.flatMap(([, ids]) => ids);
      return { text, parse: { cells, sections: [{ id: 'gov-2019/二', heading: '二', start: 0, end: text.length, fieldIds, resolved: false }], notes: [] } as ParseResult };
    }

    it('takes a section whose rows of two printed cells or more all stand on adjacent lines, empty rows and all', () => {
      const { text, parse } = sectionOf([
        ['规范性文件', ROW, ['205', '205', '215']],
        ['行政许可', LICENSING, ['9', '0', '16']],
        ['行政处罚', PENALTIES, [null, null, null]],
        ['行政强制', FORCE, ['4', null, '7']],
      ], '\n');
      expect(sectionsOnAdjacentLines(gov2019, parse, text).size).toBe(12);
    });

    it("leaves a section with one such row only, or one row of a PDF's blocks among them", () => {
      const one = sectionOf([['规范性文件', ROW, ['205', '205', '215']], ['行政许可', LICENSING, ['9', null, '16']]], '\n');
      expect(sectionsOnAdjacentLines(gov2019, one.parse, one.text).size).toBe(0);
      const blocks = sectionOf([['规范性文件', ROW, ['205', '205', '215']], ['行政许可', LICENSING, ['9', '3', '16']]], '\n\n');
      expect(sectionsOnAdjacentLines(gov2019, blocks.parse, blocks.text).size).toBe(0);
    });
  });
});
