import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/support/seededRandom.ts';
import { characterWidth } from '../grid/displayColumn.ts';
import { findGridSections } from '../grid/findGridSections.ts';
import { gov2019 } from '../../templates/gov2019.ts';
import { sectionOfTable } from '../../templates/newFormatTables.ts';
import { MappedText } from '../../text/MappedText.ts';
import { solveSection } from './solveSection.ts';

const units = new Map(gov2019.fields.map((field) => [field.id, field.unit]));
const tables = gov2019.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '三');
const COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'] as const;
/** Display column of each value column (pdftotext -layout), right of the longest row label. */
const FIRST_COLUMN = 44;
const COLUMN_STEP = 4;

/** A -layout line: each item written at its display column (CJK characters two columns wide). */
function lineOf(items: readonly (readonly [number, string])[]): string {
  let line = '';
  let width = 0;
  for (const [column, text] of items) {
    const pad = Math.max(column - width, width === 0 ? column : 1);
    line += ' '.repeat(pad) + text;
    width += pad;
    for (const character of text) width += characterWidth(character.codePointAt(0)!);
  }
  return line;
}

const HEADER = [
  '三、收到和处理政府信息公开申请情况',
  lineOf([[34, '申请人情况']]),
  lineOf([[20, '自'], [38, '法人或其他组织'], [FIRST_COLUMN + 6 * COLUMN_STEP, '总']]),
  lineOf([[20, '然'], [FIRST_COLUMN + 4, '商业 科研 社会 法律 其'], [FIRST_COLUMN + 6 * COLUMN_STEP, '计']]),
  lineOf([[20, '人'], [FIRST_COLUMN + 4, '企业 机构 公益 服务 他']]),
  '',
];

/**
 * Section 三 as Chromium prints it and pdftotext -layout reads it back: row 一 holds numbers of two digits
 * whose digits stand one above and one below the row's line (the cell is too narrow), the row's other numbers
 * on its line; row 二 is printed on one line. Read in order, the row line's numbers and the digits below it
 * count exactly to the row's cells, in the wrong columns.
 */
function splitDigitsForm(seed: number, besideGroupLabel = false): { text: string; truth: Map<string, number> } {
  const random = seededRandom(seed);
  const truth = new Map<string, number>();
  const split = new Set<number>();
  while (split.size === 0) COLUMNS.forEach((_, index) => random.chance(0.35) && split.add(index));
  const values = COLUMNS.map((_, index) => (split.has(index) ? random.integer(10, 99) : random.integer(0, 9)));
  COLUMNS.forEach((column, index) => truth.set(`applications.newReceived.${column}`, values[index]!));
  const at = (index: number) => FIRST_COLUMN + index * COLUMN_STEP;
  // A group label drawn down the side of its rows puts its fragments on the lines around a row ("三、本年" / "度办理结").
  const fragment = (text: string) => (besideGroupLabel ? [[0, text] as const] : []);
  const above = lineOf([...fragment('三、本年'), ...[...split].sort((a, b) => a - b).map((index) => [at(index), String(values[index]!)[0]!] as const)]);
  const below = lineOf([...fragment('度办理结'), ...[...split].sort((a, b) => a - b).map((index) => [at(index), String(values[index]!)[1]!] as const)]);
  const rowLine = lineOf([
    [7, '一、本年新收政府信息公开申请数量'],
    ...values.flatMap((value, index) => (split.has(index) ? [] : [[at(index), String(value)] as const])),
  ]);
  const carried = COLUMNS.map(() => random.integer(0, 9));
  COLUMNS.forEach((column, index) => truth.set(`applications.carriedOver.${column}`, carried[index]!));
  const nextLine = lineOf([[7, '二、上年结转政府信息公开申请数量'], ...carried.map((value, index) => [at(index), String(value)] as const)]);
  const text = [...HEADER, above, rowLine, below, '', '', nextLine, '', '', '四、政府信息公开行政复议、行政诉讼情况', ''].join('\n');
  return { text, truth };
}

function solve(text: string) {
  const view = MappedText.identity(text);
  const region = findGridSections(text)['三']!;
  return solveSection(view, gov2019, tables, region, units).cells;
}

describe('valuesStackedOverLines (token solver on pdftotext -layout text)', () => {
  it('never reads a number whose digits are split over the lines around its row into a counted cell (seeded)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { text, truth } = splitDigitsForm(seed);
      const cells = solve(text);
      for (const column of COLUMNS) {
        const fieldId = `applications.newReceived.${column}`;
        const cell = cells.get(fieldId);
        // Unread, ambiguous (review), or right: never a value counted into the wrong column.
        if (cell && !cell.ambiguous) expect({ seed, fieldId, value: cell.value }).toEqual({ seed, fieldId, value: truth.get(fieldId) });
        if (cell?.ambiguous) expect(cell.value).toBeNull();
      }
      // The row printed on its own line is still read.
      expect(cells.get('applications.carriedOver.total')?.value, `seed ${seed}`).toBe(truth.get('applications.carriedOver.total'));
    }
  });

  it('does the same when a group label\'s fragments stand at the start of the lines above and below the row (seeded)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { text, truth } = splitDigitsForm(seed, true);
      const cells = solve(text);
      for (const column of COLUMNS) {
        const fieldId = `applications.newReceived.${column}`;
        const cell = cells.get(fieldId);
        if (cell && !cell.ambiguous) expect({ seed, fieldId, value: cell.value }).toEqual({ seed, fieldId, value: truth.get(fieldId) });
      }
    }
  });

  it('keeps reading order where the text has no display positions (values one per line at the line start)', () => {
    const header = '三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计';
    // A renderer's one or two spaces before a value on its own line are no display position.
    for (const indent of ['', ' ', '  ']) {
      const values = ['28', '1', '0', '0', '6', '0', '35'].map((value) => `${indent}${value}`).join('\n');
      const cells = solve(`${header}\n一、本年新收政府信息公开申请数量\n${values}\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n四、政府信息公开行政复议、行政诉讼情况`);
      expect(cells.get('applications.newReceived.naturalPerson')?.value).toBe(28);
      expect(cells.get('applications.newReceived.total')?.value).toBe(35);
      expect(cells.get('applications.newReceived.total')?.ambiguous).toBe(false);
    }
  });
});
