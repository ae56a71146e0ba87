import type { Anchor } from './chooseAnchors.ts';
import type { BlockCell } from './readColumnOrder.ts';
import { valuesAfterBlock } from './readColumnOrder.ts';
import { readValue } from './readValue.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { Token, ValueToken } from './Token.ts';

/** How a section's small tables were printed: all their labels then all values, or each table's labels then its values. */
export type TableBlocksScope = 'section' | 'table';

/** A section of small tables read from the values printed after their labels. */
export interface TableBlocksReading {
  /**
   * The cells of the section's tables printed as blocks: the value both orders lay there, or ambiguous (row order's
   * value proposed). A table of one row whose values follow its own label (scope `table`) is left out.
   */
  readonly cells: ReadonlyMap<string, BlockCell>;
  readonly scope: TableBlocksScope;
  /** Distinct readings of the section (1 when row and column order lay the same values everywhere). */
  readonly readings: number;
  /** For cells the orders differ on: the value row order lays there, offered for review. */
  readonly proposals: ReadonlyMap<string, number>;
}

/**
 * Reads a section of several small tables (section 二: 规章 and 规范性文件 under one header, 行政许可 under another, …)
 * that a PDF's text gives as blocks: every table's labels and then all its values after the last table's labels, or
 * each table's labels followed by its own values (pdfminer's text boxes). Read only when every row with cells is
 * anchored in the form's order, no value stands among the labels of a block, and the values after it are exactly as
 * many as its cells: then they are the cells' in turn. Within a table the values may run row after row or column
 * after column, and no rule binds these cells: a cell both orders give the same value is read; the others are
 * ambiguous, row order's value offered for review.
 */
export function readTableBlocks(
  tokens: readonly Token[],
  anchors: readonly Anchor[],
  skeleton: readonly SkeletonRow[],
  unitOf: (fieldId: string) => string,
  runEnd: (from: number) => number,
): TableBlocksReading | undefined {
  const tables = tablesOf(skeleton);
  if (tables.length < 2) return undefined;
  const anchorOf = new Map(anchors.map((anchor) => [anchor.rowIndex, anchor]));
  const rowAnchors = tables.map((table) => table.map((row) => anchorOf.get(skeleton.indexOf(row))));
  const placed = rowAnchors.flat();
  if (placed.some((anchor) => anchor === undefined)) return undefined;
  const ordered = placed as Anchor[];
  if (!ordered.every((anchor, index) => index === 0 || ordered[index - 1]!.tokenIndex < anchor.tokenIndex)) return undefined;
  const cellCount = (rows: readonly SkeletonRow[]) => rows.reduce((sum, row) => sum + row.fieldIds.length, 0);

  const first = ordered[0]!;
  const last = ordered[ordered.length - 1]!;
  let scope: TableBlocksScope;
  let blocks: ValueToken[][];
  if (!valueBetween(tokens, first.tokenIndex, last.tokenIndex)) {
    const values = valuesAfterBlock(tokens, first.tokenIndex, last.tokenIndex, runEnd);
    if (values.length !== cellCount(tables.flat())) return undefined;
    scope = 'section';
    blocks = [];
    let next = 0;
    for (const table of tables) {
      blocks.push(values.slice(next, next + cellCount(table)));
      next += cellCount(table);
    }
  } else {
    scope = 'table';
    blocks = [];
    for (const [index, table] of tables.entries()) {
      const own = rowAnchors[index] as Anchor[];
      const tableFirst = own[0]!;
      const tableLast = own[own.length - 1]!;
      if (valueBetween(tokens, tableFirst.tokenIndex, tableLast.tokenIndex)) return undefined;
      const values = valuesRightAfter(tokens, tableLast.tokenIndex, runEnd(tableLast.tokenIndex));
      if (values.length !== cellCount(table)) return undefined;
      blocks.push(values);
    }
  }

  // Each table's cells in row order and in column order, the block's values laid onto them in turn.
  const byOrder = (['row', 'column'] as const).map((order) => {
    const laid = new Map<string, ValueToken>();
    for (const [index, table] of tables.entries()) {
      const fieldIds = order === 'row' ? table.flatMap((row) => row.fieldIds) : columnMajor(table);
      fieldIds.forEach((fieldId, position) => laid.set(fieldId, blocks[index]![position]!));
    }
    return laid;
  });
  const [rowOrder, columnOrder] = byOrder as [Map<string, ValueToken>, Map<string, ValueToken>];
  const cells = new Map<string, BlockCell>();
  const proposals = new Map<string, number>();
  let differ = false;
  // Each table's values after its own labels: a table of one row prints its values right after its label, as any
  // row does, and is left to the rows' reading.
  const ownRun = new Set(scope === 'table' ? tables.filter((table) => table.length === 1).flatMap((table) => table[0]!.fieldIds) : []);
  for (const [fieldId, token] of rowOrder) {
    if (ownRun.has(fieldId)) continue;
    const other = columnOrder.get(fieldId)!;
    const value = readValue(token.raw, unitOf(fieldId));
    const otherValue = readValue(other.raw, unitOf(fieldId));
    if (!value || !otherValue) return undefined;
    if (value.value === otherValue.value) {
      cells.set(fieldId, { kind: 'value', token });
      continue;
    }
    differ = true;
    cells.set(fieldId, { kind: 'ambiguous', at: token.start, values: [String(value.value ?? 'blank'), String(otherValue.value ?? 'blank')] });
    if (value.value !== null) proposals.set(fieldId, value.value);
  }
  return { cells, scope, readings: differ ? 2 : 1, proposals };
}

/** The section's rows with cells, grouped by their table in the form's order. */
function tablesOf(skeleton: readonly SkeletonRow[]): SkeletonRow[][] {
  const tables: SkeletonRow[][] = [];
  for (const row of skeleton) {
    if (row.fieldIds.length === 0) continue;
    const current = tables[tables.length - 1];
    if (current && current[0]!.table === row.table) current.push(row);
    else tables.push([row]);
  }
  return tables;
}

/** A table's cells column after column (a row with fewer cells has none in the later columns). */
function columnMajor(rows: readonly SkeletonRow[]): string[] {
  const columns = Math.max(...rows.map((row) => row.fieldIds.length));
  const fieldIds: string[] = [];
  for (let column = 0; column < columns; column++) for (const row of rows) if (column < row.fieldIds.length) fieldIds.push(row.fieldIds[column]!);
  return fieldIds;
}

/** Whether a value stands between two label tokens (an ordinal run into a label, "1.属于…", is none). */
function valueBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const token = tokens[index]!;
    if (token.kind === 'value' && !token.ordinalTail) return true;
  }
  return false;
}

/** The values right after a table's last label, up to the first words (the next table's header) or `end`. */
function valuesRightAfter(tokens: readonly Token[], from: number, end: number): ValueToken[] {
  const values: ValueToken[] = [];
  for (let index = from + 1; index < Math.min(end, tokens.length); index++) {
    const token = tokens[index]!;
    if (token.kind === 'text') break;
    if (token.kind === 'value') values.push(token);
  }
  return values;
}
