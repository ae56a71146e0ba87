import { describe, expect, it } from 'vitest';
import { createRandom } from '../../eval/garble/random.ts';
import { findGridSections } from '../grid/findGridSections.ts';
import { gov2021 } from '../../templates/gov2021.ts';
import { sectionOfTable } from '../../templates/newFormatTables.ts';
import { MappedText } from '../../text/MappedText.ts';
import { joinWrappedNumbers, lineCountsOf, valuesInBlocks } from './joinWrappedNumbers.ts';
import { sectionSkeleton } from './sectionSkeleton.ts';
import { solveSection } from './solveSection.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';

const tables = gov2021.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '三');
const skeleton = sectionSkeleton(gov2021, tables);
const units = new Map(gov2021.fields.map((field) => [field.id, field.unit]));
const header = '三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n自然人\n\n法人或其他组织\n\n总计\n\n商业企业\n\n科研机构\n\n社会公益组织\n\n法律服务机构\n\n其他';
const END = '\n\n四、政府信息公开行政复议、行政诉讼情况\n';

describe('valuesInBlocks', () => {
  it('sees values an empty line apart (a PDF\'s reading order, each cell a block)', () => {
    const text = `行政许可\n\n${Array.from({ length: 12 }, (_, index) => String(index)).join('\n\n')}\n`;
    expect(valuesInBlocks(tokeniseRegion(text, 0, text.length))).toBe(true);
  });

  it('does not in text printed one cell per line, nor with too few values to tell', () => {
    const perLine = `行政许可\n${Array.from({ length: 12 }, (_, index) => String(index)).join('\n')}\n`;
    expect(valuesInBlocks(tokeniseRegion(perLine, 0, perLine.length))).toBe(false);
    const few = '行政许可\n\n1\n\n2\n\n3\n';
    expect(valuesInBlocks(tokeniseRegion(few, 0, few.length))).toBe(false);
  });
});

describe('joinWrappedNumbers', () => {
  const run = (text: string) => {
    const tokens = tokeniseRegion(text, 0, text.length);
    return { tokens, joined: joinWrappedNumbers(tokens, lineCountsOf(tokens)) };
  };

  it('joins two numbers on adjacent lines, each alone there, into one spanning both', () => {
    const text = '７０\n\n３６\n\n１０\n６\n\n二、上年结转';
    const { joined } = run(text);
    const values = joined!.filter((token) => token.kind === 'value');
    expect(values.map((token) => token.kind === 'value' && token.raw)).toEqual(['７０', '３６', '１０６']);
    const last = values[2]!;
    expect(text.slice(last.start, last.end)).toBe('１０\n６');
  });

  it('leaves numbers an empty line apart, on one line, or opening with 0 (no count prints a leading zero)', () => {
    expect(run('１０\n\n６\n\n二、上年结转').joined).toBeUndefined();
    expect(run('１０ ６\n７\n\n二、上年结转').joined).toBeUndefined();
    expect(run('０\n６\n\n二、上年结转').joined).toBeUndefined();
  });
});

describe('solveSection: a wrapped number drawn before its row\'s label', () => {
  // A Chromium print (fresh print 31313/0091): the total 19 wrapped over two lines is the row's tallest cell, so its
  // block starts above the row's line and comes out before the label; the row itself prints six values.
  const row = (label: string, values: string) => `${label}\n\n${values.split(' ').join('\n\n')}`;
  const rest = skeleton.slice(1).map((entry) => row(entry.row.labels[0]!, '0 0 0 0 0 0 0')).join('\n\n');
  const solve = (text: string) => solveSection(MappedText.identity(text), gov2021, tables, findGridSections(text)['三']!, units).cells;

  it('reads it as the one cell that holds the row\'s rules', () => {
    const cells = solve(`${header}\n\n１\n９\n\n${row(skeleton[0]!.row.labels[0]!, '１８ １ ０ ０ ０ ０')}\n\n${rest}${END}`);
    expect(cells.get('applications.newReceived.total')).toMatchObject({ value: 19, ambiguous: false });
    expect(cells.get('applications.newReceived.naturalPerson')).toMatchObject({ value: 18, ambiguous: false });
  });

  it('leaves the row unread where several cells would hold its rules', () => {
    // 10 0 0 0 0 20 and a wrapped 10: in any of the five parts after the first, the row sums to 20.
    const cells = solve(`${header}\n\n１\n０\n\n${row(skeleton[0]!.row.labels[0]!, '１０ ０ ０ ０ ０ ２０')}\n\n${rest}${END}`);
    expect(cells.get('applications.newReceived.commercial')?.value ?? null).not.toBe(10);
    expect(cells.get('applications.newReceived.research')?.value ?? null).not.toBe(10);
  });
});

describe('solveSection on PDF blocks with numbers wrapped over two lines (seeded random sections)', () => {
  const columns = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];
  const outcomes = skeleton.map((row) => row.fieldIds[0]!.split('.')[1]!).filter((row) => !['newReceived', 'carriedOver', 'resultTotal', 'carriedForward'].includes(row));

  /** A section 三 whose every rule holds, all cells printed. */
  function randomSection(next: () => number): Map<string, number> {
    const int = (max: number) => Math.floor(next() * (max + 1));
    const values = new Map<string, number>();
    for (const column of columns) {
      let total = 0;
      for (const row of outcomes) {
        const value = next() < 0.3 ? int(60) : 0;
        values.set(`applications.${row}.${column}`, value);
        total += value;
      }
      const carriedForward = int(20);
      const carriedOver = Math.min(int(20), total + carriedForward);
      values.set(`applications.resultTotal.${column}`, total);
      values.set(`applications.carriedForward.${column}`, carriedForward);
      values.set(`applications.carriedOver.${column}`, carriedOver);
      values.set(`applications.newReceived.${column}`, total + carriedForward - carriedOver);
    }
    for (const row of skeleton) values.set(row.fieldIds[6]!, row.fieldIds.slice(0, 6).reduce((sum, fieldId) => sum + values.get(fieldId)!, 0));
    return values;
  }

  it('reads each wrapped number whole, its span over both lines, and every cell it reads as printed', () => {
    const next = createRandom(20261205);
    let wrapped = 0;
    let joinedRead = 0;
    for (let trial = 0; trial < 40; trial++) {
      const values = randomSection(next);
      const wraps = new Set<string>();
      const blocks = skeleton.map((row) => [row.row.labels[0]!, ...row.fieldIds.map((fieldId) => {
        const digits = String(values.get(fieldId)!);
        // A narrow cell wraps a number of two or more digits at any digit.
        if (digits.length < 2 || next() > 0.3) return digits;
        wraps.add(fieldId);
        const at = 1 + Math.floor(next() * (digits.length - 1));
        return `${digits.slice(0, at)}\n${digits.slice(at)}`;
      })].join('\n\n'));
      const text = `${header}\n\n${blocks.join('\n\n')}${END}`;
      const cells = solveSection(MappedText.identity(text), gov2021, tables, findGridSections(text)['三']!, units).cells;
      for (const [fieldId, printed] of values) {
        const cell = cells.get(fieldId);
        if (!cell || cell.ambiguous) continue;
        expect(cell.value, `${trial} ${fieldId}: ${cell.raw} ${cell.notes.join(' | ')}`).toBe(printed);
        if (wraps.has(fieldId)) {
          joinedRead++;
          expect(text.slice(cell.start, cell.end)).toContain('\n');
        }
      }
      wrapped += wraps.size;
    }
    // Wrapped numbers are read whole (dropping a piece as page debris held the row sum of "3 / 3" for 33 as 3).
    expect(joinedRead / wrapped, `${joinedRead} of ${wrapped}`).toBeGreaterThan(0.95);
  });
});
