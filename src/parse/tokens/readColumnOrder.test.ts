import { describe, expect, it } from 'vitest';
import { findGridSections } from '../grid/findGridSections.ts';
import { gov2021 } from '../../templates/gov2021.ts';
import { sectionOfTable } from '../../templates/newFormatTables.ts';
import { MappedText } from '../../text/MappedText.ts';
import { sectionSkeleton } from './sectionSkeleton.ts';
import { solveSection } from './solveSection.ts';

const tables = gov2021.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '三');
const skeleton = sectionSkeleton(gov2021, tables);
const units = new Map(gov2021.fields.map((field) => [field.id, field.unit]));
const header = '三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他';
const labels = skeleton.map((row) => row.row.labels[0]!).join('\n');
const END = '\n四、政府信息公开行政复议、行政诉讼情况\n';

/** A report that fills in natural persons and the totals only: granted 3 and unableNotHeld 2 of 5 received. */
function value(fieldId: string): number | null {
  const [, row, column] = fieldId.split('.');
  if (column !== 'naturalPerson' && column !== 'total') return null;
  return ({ newReceived: 5, granted: 3, unableNotHeld: 2, resultTotal: 5 } as Record<string, number>)[row!] ?? 0;
}

/** The section in a PDF's column order: every row label, then each column top to bottom, blank cells as `blank`. */
function columnOrder(blank: string | undefined): string {
  const columns = skeleton[0]!.fieldIds.map((_, column) => skeleton.map((row) => value(row.fieldIds[column]!)));
  const printed = columns.flatMap((column) => column.flatMap((cell) => (cell === null ? (blank === undefined ? [] : [blank]) : [String(cell)])));
  return `${header}\n${labels}\n${printed.join('\n')}${END}`;
}

const solve = (text: string) => solveSection(MappedText.identity(text), gov2021, tables, findGridSections(text)['三']!, units).cells;

describe('readBlockOrder: column-order blocks with blank cells', () => {
  it('reads blank marks ("—") among the values as the blank cells they print', () => {
    const cells = solve(columnOrder('—'));
    for (const row of skeleton) {
      for (const fieldId of row.fieldIds) expect(cells.get(fieldId), fieldId).toMatchObject({ value: value(fieldId), ambiguous: false });
    }
    expect(cells.get('applications.granted.commercial')?.raw).toBe('—');
  });

  it('reads a block whose blank total, printed as a blank mark, breaks its column sum, every other rule holding', () => {
    // Every cell printed, natural persons' (七)总计 left blank above parts that add up to 5 (a report's own slip).
    const lines = columnOrder('0').split('\n');
    const totalAt = lines.indexOf('5', lines.indexOf('5') + 1);
    lines[totalAt] = '—';
    const cells = solve(lines.join('\n'));
    expect(cells.get('applications.resultTotal.naturalPerson')).toMatchObject({ value: null, raw: '—', ambiguous: false });
    expect(cells.get('applications.granted.naturalPerson')).toMatchObject({ value: 3, ambiguous: false });
    expect(cells.get('applications.resultTotal.total')).toMatchObject({ value: 5, ambiguous: false });
  });

  it('reads the totals of a block whose blank columns printed nothing, and offers the likeliest column for the rest', () => {
    // 50 numbers for 175 cells: the natural persons and the totals. The rules fix the totals (the last column printed)
    // but not which part column the first is: natural persons, the column that most often prints one, is offered.
    const cells = solve(columnOrder(undefined));
    expect(cells.get('applications.granted.total')).toMatchObject({ value: 3, ambiguous: false, support: { placement: 'joint', blankColumns: true } });
    expect(cells.get('applications.resultTotal.total')?.value).toBe(5);
    expect(cells.get('applications.granted.naturalPerson')).toMatchObject({ value: null, ambiguous: true, proposal: 3 });
    expect(cells.get('applications.granted.commercial')).toMatchObject({ value: null, ambiguous: true });
    expect(cells.get('applications.granted.commercial')?.proposal).toBeUndefined();
  });
});
