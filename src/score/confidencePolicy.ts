import { MAX_AUTO_ERROR } from './CalibrationTable.ts';

/**
 * The few fixed numbers of scoring. Confidence itself is measured (calibration.json, `npm run calibrate`): see
 * scoreField.
 */
export const confidencePolicy = {
  /** A field is `auto` only above this confidence (1 − the most a bucket's upper error bound may be). */
  autoThreshold: 1 - MAX_AUTO_ERROR,
  /** Label scores at or above this count as exact. */
  exactLabel: 0.99,
} as const;

/** Layout families of the parsers' free-form layout names. */
export type LayoutClass = 'rows' | 'alignedRows' | 'cellPerLine' | 'flattened' | 'gluedDigits' | 'extraValues' | 'columnOrder' | 'numberStream' | 'other';

/**
 * Classifies the free-form layout name a parser gives a cell (tab-row, pipe-row, html, flattened,
 * glued-digits, column-order, …).
 */
export function classifyLayout(layout: string): LayoutClass {
  // Parsers name a handful of layouts and every field asks: each name is classified once.
  const known = layoutClasses.get(layout);
  if (known !== undefined) return known;
  const layoutClass = classifyName(layout.toLowerCase());
  if (layoutClasses.size >= MAX_KNOWN_LAYOUTS) layoutClasses.clear();
  layoutClasses.set(layout, layoutClass);
  return layoutClass;
}

const layoutClasses = new Map<string, LayoutClass>();
const MAX_KNOWN_LAYOUTS = 1_000;

function classifyName(name: string): LayoutClass {
  // The token solver's values chosen among more numbers than cells (page debris dropped by the row's rules) err
  // where reading order is scrambled (a row's zeros kept, its values dropped): measured apart from digit runs split.
  if (name === 'tokens/split') return 'extraValues';
  // A section's numbers laid into its rows by their order alone (parse/grid/stream): measured apart from every reader
  // that places a value by its row or column.
  if (name === 'number-stream') return 'numberStream';
  if (/glue|digit-run|solve|split/u.test(name)) return 'gluedDigits';
  if (/aligned/u.test(name)) return 'alignedRows';
  if (/column/u.test(name)) return 'columnOrder';
  if (/flat|running|inline/u.test(name)) return 'flattened';
  if (/per-line|cell-line|one-per-line|lines?$/u.test(name)) return 'cellPerLine';
  if (/tab|pipe|html|row|space|grid|csv|markdown/u.test(name)) return 'rows';
  return 'other';
}
