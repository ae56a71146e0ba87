import { neutraliseFormula } from './neutraliseFormula.ts';

/** A cell of the dataset: text, a number (kept numeric), or empty. */
export type Cell = string | number | null;

/**
 * One CSV cell (RFC 4180): numbers as numbers, null as empty, text neutralised against formula injection and
 * quoted when it holds a comma, quote, line break or edge whitespace.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line with CRLF (what Excel and WPS expect). */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
