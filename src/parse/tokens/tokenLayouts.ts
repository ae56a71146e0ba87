/** Layout names of the token solver's cells (see classifyLayout in score/confidencePolicy). */
export const TOKEN_LAYOUTS = {
  /** Values between explicit cell boundaries (tab, pipe, HTML cells). */
  cells: 'tokens/cell-row',
  /** Values separated by spaces, one printed row per line. */
  space: 'tokens/space-row',
  /** One cell per line, each blank an empty line, as many lines as the row has cells (RowReadings.lineCells). */
  lines: 'tokens/cell-per-line',
  /** Values separated by spaces, rows run together or wrapped over lines. */
  flattened: 'tokens/flattened',
  /** Values chosen among extra numbers (page debris) by the row's rules. */
  split: 'tokens/split',
  /** Values printed after a block of all the row labels, column after column (a PDF's column order). */
  columnOrder: 'tokens/column-order',
  /** A short row printed as one glued digit run, split against its row sum and placed jointly. */
  gluedShort: 'tokens/glued-short-row',
} as const;
