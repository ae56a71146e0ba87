import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/support/seededRandom.ts';
import { findGridSections } from '../grid/findGridSections.ts';
import { gov2019 } from '../../templates/gov2019.ts';
import { gov2021 } from '../../templates/gov2021.ts';
import { sectionOfTable } from '../../templates/newFormatTables.ts';
import type { TableDefinition, TemplateDefinition } from '../../templates/TemplateDefinition.ts';
import { MappedText } from '../../text/MappedText.ts';
import { solveSection } from './solveSection.ts';

const END = '\n三、收到和处理政府信息公开申请情况\n';

/** Section 二's small tables, each as printed: its heading, 信息内容, its column headers, its rows' cells. */
function sectionTables(template: TemplateDefinition): TableDefinition[] {
  return template.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '二');
}

/** Each table's cells (printed ones) in row order or column order. */
function orderedCells(table: TableDefinition, order: 'row' | 'column'): string[] {
  const rows = table.rows.map((row) => row.cells.filter((cell): cell is string => cell !== null));
  if (order === 'row') return rows.flat();
  const columns = Math.max(...rows.map((row) => row.length));
  return Array.from({ length: columns }, (_unused, column) => rows.flatMap((row) => (column < row.length ? [row[column]!] : []))).flat();
}

/**
 * Section 二 as a PDF's text boxes give it: every table's labels then all values (`section`), or each table's labels
 * then its own values (`table`); values row after row or column after column within each table.
 */
function printSection(template: TemplateDefinition, values: ReadonlyMap<string, number>, scope: 'section' | 'table', order: 'row' | 'column'): string {
  const lines = ['二、主动公开政府信息情况'];
  const pending: string[] = [];
  for (const table of sectionTables(template)) {
    lines.push(table.heading[table.heading.length - 1]!, '信息内容', ...table.columns.map((column) => column.labels[0]!), ...table.rows.map((row) => row.labels[0]!));
    const printed = orderedCells(table, order).map((fieldId) => String(values.get(fieldId)));
    if (scope === 'table') lines.push(...printed);
    else pending.push(...printed);
  }
  return `${lines.concat(pending).join('\n')}${END}`;
}

function solve(template: TemplateDefinition, text: string) {
  const units = new Map(template.fields.map((field) => [field.id, field.unit]));
  return solveSection(MappedText.identity(text), template, sectionTables(template), findGridSections(text)['二']!, units).cells;
}

describe('readTableBlocks: section 二 printed as blocks of labels then values', () => {
  it('reads every cell row and column order agree on, and offers row order\'s value where they differ (random forms)', () => {
    const random = seededRandom(20261208);
    for (let round = 0; round < 40; round++) {
      const template = random.pick([gov2019, gov2021]);
      const fieldIds = sectionTables(template).flatMap((table) => orderedCells(table, 'row'));
      // Mostly zeros, as real reports print them, so that the orders often agree.
      const values = new Map(fieldIds.map((fieldId) => [fieldId, random.chance(0.5) ? 0 : random.integer(1, 300)]));
      const scope = random.pick(['section', 'table'] as const);
      const order = random.pick(['row', 'column'] as const);
      const cells = solve(template, printSection(template, values, scope, order));
      const otherOrder = new Map<string, number>();
      for (const table of sectionTables(template)) {
        const printed = orderedCells(table, order).map((fieldId) => values.get(fieldId)!);
        orderedCells(table, order === 'row' ? 'column' : 'row').forEach((fieldId, index) => otherOrder.set(fieldId, printed[index]!));
      }
      // A table of one row printed its values right after its label (scope table): read as any row.
      const ownRun = new Set(scope === 'table' ? sectionTables(template).filter((table) => table.rows.length === 1).flatMap((table) => orderedCells(table, 'row')) : []);
      for (const fieldId of fieldIds) {
        const cell = cells.get(fieldId);
        expect(cell, fieldId).toBeDefined();
        if (ownRun.has(fieldId)) {
          expect(cell, fieldId).toMatchObject({ value: values.get(fieldId) });
          expect(cell!.support?.tableBlocks, fieldId).toBeUndefined();
          continue;
        }
        expect(cell!.support?.tableBlocks, fieldId).toBe(true);
        if (otherOrder.get(fieldId) === values.get(fieldId)) {
          // (An amount printed bare, its column's header naming no unit, is read in 万元 but held: unitInDoubt.)
          expect(cell, `${scope} ${order} ${fieldId}`).toMatchObject({ value: values.get(fieldId), ambiguous: cell!.unitInDoubt === true });
        } else {
          expect(cell!.ambiguous, fieldId).toBe(true);
          // Row order's value offered: right when the section was printed row after row.
          const rowOrderValue = order === 'row' ? values.get(fieldId) : otherOrder.get(fieldId);
          if (rowOrderValue !== 0) expect(cell!.proposal, fieldId).toBe(rowOrderValue);
        }
      }
    }
  });

  it('reads nothing so when a value is missing from the block, or a value stands among the labels', () => {
    const template = gov2021;
    const fieldIds = sectionTables(template).flatMap((table) => orderedCells(table, 'row'));
    const values = new Map(fieldIds.map((fieldId, index) => [fieldId, index + 1]));
    const whole = printSection(template, values, 'section', 'row');
    const short = whole.replace(/\n10\n/u, '\n');
    for (const cell of solve(template, short).values()) expect(cell.support?.tableBlocks).toBeUndefined();
    const valueAmongLabels = whole.replace('行政许可', '行政许可\n7');
    for (const cell of solve(template, valueAmongLabels).values()) expect(cell.support?.tableBlocks).toBeUndefined();
  });
});
