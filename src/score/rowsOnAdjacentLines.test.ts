import { describe, expect, it } from 'vitest';
import type { CellReading, ParseResult } from '../parse/ParseResult.ts';
import { gov2019 } from '../templates/gov2019.ts';
import { gov2014 } from '../templates/gov2014.ts';
import { listTablesOnAdjacentLines, rowsOnAdjacentLines, sectionsOnAdjacentLines } from './rowsOnAdjacentLines.ts';

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

describe('listTablesOnAdjacentLines', () => {
  const rows = gov2014.tables[0]!.rows.filter((row) => row.cells[0] !== null && row.cells[0] !== undefined).slice(0, 6);
  /** A list table printed label, unit and value one per line (a blank row an empty value line), `gap` after each line. */
  function listOf(values: readonly (string | null)[], lineBreak: string, gap: string): { text: string; parse: ParseResult } {
    let text = '统计指标\n单位\n统计数\n';
    const cells = new Map<string, CellReading>();
    rows.forEach((row, index) => {
      const raw = values[index] ?? null;
      text += `${row.labels[0]}${lineBreak}${gap}件${lineBreak}${gap}`;
      const start = text.length;
      text += `${raw ?? ''}${lineBreak}${gap}`;
      const fieldId = row.cells[0]!;
      cells.set(fieldId, {
        fieldId, raw: raw ?? '', value: raw === null ? null : Number(raw), start, end: raw === null ? start : start + raw.length,
        method: 'table', layout: 'cell-per-line', labelScore: 1, repairs: [], ambiguous: false, notes: [],
      });
    });
    return { text, parse: { cells, sections: [], notes: [] } };
  }
  const values = ['12', null, '3', null, '0', '7'];

  it('finds a list table exported one cell per line (LF, CR LF or bare CR)', () => {
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const { text, parse } = listOf(values, lineBreak, '');
      expect(listTablesOnAdjacentLines(gov2014, parse, text).size).toBe(gov2014.tables[0]!.rows.filter((row) => row.cells[0]).length);
    }
  });

  it("leaves a PDF's reading order, every cell a block between empty lines", () => {
    const { text, parse } = listOf(values, '\n', '\n');
    expect(listTablesOnAdjacentLines(gov2014, parse, text).size).toBe(0);
    // One value a block apart is enough to doubt the whole table.
    const mixed = listOf(values, '\n', '');
    const third = mixed.parse.cells.get(rows[2]!.cells[0]!)!;
    const text2 = `${mixed.text.slice(0, third.start)}\n${mixed.text.slice(third.start)}`;
    const shifted = new Map([...mixed.parse.cells].map(([id, cell]) => [id, cell.start >= third.start ? { ...cell, start: cell.start + 1, end: cell.end + 1 } : cell]));
    expect(listTablesOnAdjacentLines(gov2014, { ...mixed.parse, cells: shifted }, text2).size).toBe(0);
  });
});
