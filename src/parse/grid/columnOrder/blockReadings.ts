/**
 * A way to lay a block's numbers onto its rows: `cell[row][column]` is the index of the number printed for
 * that cell in the block's run.
 */
export interface BlockReading {
  readonly name: string;
  readonly cell: readonly (readonly number[])[];
}

/**
 * The readings of a run of rows × columns numbers of a grid: column by column (PDF extraction of a table),
 * with the total column allowed at any position among the columns (it moves between pages), and row by
 * row. Readings that put every number in the same place are given once.
 */
export function gridBlockReadings(rowCount: number, columnCount: number, totalColumn: number | undefined): BlockReading[] {
  const readings: BlockReading[] = [];
  const seen = new Set<string>();
  const add = (name: string, cell: number[][]) => {
    const key = cell.map((row) => row.join(',')).join(';');
    if (seen.has(key)) return;
    seen.add(key);
    readings.push({ name, cell });
  };
  const positions = totalColumn === undefined ? [undefined] : [...Array(columnCount).keys()].reverse();
  for (const position of positions) {
    // Printed block order: the other columns in their order, the total column's block at `position`.
    const blockOf = (column: number): number => {
      if (position === undefined || totalColumn === undefined) return column;
      if (column === totalColumn) return position;
      const withoutTotal = column > totalColumn ? column - 1 : column;
      return withoutTotal >= position ? withoutTotal + 1 : withoutTotal;
    };
    add(
      position === undefined || position === totalColumn ? 'column by column' : `column by column, 总计 printed as column ${position + 1}`,
      [...Array(rowCount).keys()].map((row) => [...Array(columnCount).keys()].map((column) => blockOf(column) * rowCount + row)),
    );
  }
  add('row by row', [...Array(rowCount).keys()].map((row) => [...Array(columnCount).keys()].map((column) => row * columnCount + column)));
  return readings;
}
