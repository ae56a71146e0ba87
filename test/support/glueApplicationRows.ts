import type { SeededRandom } from './seededRandom.ts';

/** A cell of section 三 as glueApplicationRows printed it: the number, or null where it printed a blank mark. */
export interface GluedCell {
  readonly fieldRow: number;
  readonly column: number;
  readonly printed: number | null;
}

/**
 * Section 三 of a tab-separated new-format report (one line per row: label pieces, then the row's seven cells)
 * flattened to one line with no separators, the way a crawler joins a table's cells: labels and cells glued, and
 * some zero applicant cells printed as the blank mark "/" ("一、本年新收…数量220//36058二、上年…"). Returns the text and
 * the cells as printed, row by row in order (the total column never blanked).
 */
export function glueApplicationRows(text: string, random: SeededRandom, blankShare = 0.5): { text: string; rows: (number | null)[][] } {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith('三、收到和处理'));
  const end = lines.findIndex((line, index) => index > start && line.startsWith('四、政府信息公开行政复议'));
  if (start < 0 || end < 0) throw new RangeError('glueApplicationRows: section 三 not found');
  const rows: (number | null)[][] = [];
  const glued: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const pieces = line.split('\t');
    const cells = pieces.slice(-7);
    if (pieces.length < 8 || !cells.every((cell) => /^\d+$/u.test(cell))) {
      glued.push(pieces.join(''));
      continue;
    }
    const printed = cells.map((cell, column) => (column < 6 && cell === '0' && random.chance(blankShare) ? null : Number(cell)));
    rows.push(printed);
    glued.push(pieces.slice(0, -7).join('') + printed.map((cell) => (cell === null ? '/' : String(cell))).join(''));
  }
  return { text: [...lines.slice(0, start + 1), glued.join(''), ...lines.slice(end)].join('\n'), rows };
}
