import type { GridCell, GridRow } from './GridRow.ts';
import { isSpace } from './splitLines.ts';

const TABLE_CELL = /<t[dh][\s>]/iu;

/** True when text[start, end) still holds HTML table markup (the renderer left it, or did not run). */
export function hasHtmlTable(text: string, start: number, end: number): boolean {
  const region = text.slice(start, end);
  return TABLE_CELL.test(region) && /<tr[\s>]/iu.test(region);
}

const ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', mdash: '—', ndash: '–', ensp: ' ', emsp: ' ',
};

interface Pending {
  remaining: number;
  at: number;
}

/**
 * Reads the rows of raw HTML tables in text[start, end): one row per <tr>, one cell per <td>/<th>, with
 * colspan and rowspan honoured as empty cells so positions line up with the header rows (the way the
 * renderer lays them out). Cell text has tags dropped and entities decoded; spans point at the cell content.
 */
export function readHtmlRows(text: string, start: number, end: number): GridRow[] {
  const rows: GridRow[] = [];
  const rowPattern = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tr>|<\/table>|$)/giu;
  const region = text.slice(start, end);
  let pending: Pending[] = [];
  for (let match = rowPattern.exec(region); match; match = rowPattern.exec(region)) {
    const bodyStart = start + match.index + match[0].length - match[1]!.length;
    const cells = readRowCells(text, bodyStart, bodyStart + match[1]!.length, pending);
    pending = cells.pending;
    if (cells.cells.length === 0) continue;
    rows.push({
      cells: cells.cells,
      layout: 'html',
      start: start + match.index,
      end: bodyStart + match[1]!.length,
      incomplete: false,
      notes: [],
    });
  }
  return rows;
}

function readRowCells(text: string, from: number, to: number, pending: readonly Pending[]): { cells: GridCell[]; pending: Pending[] } {
  const cellPattern = /<t([dh])\b([^>]*)>([\s\S]*?)(?:<\/t[dh]>|(?=<t[dh][\s>])|$)/giu;
  const body = text.slice(from, to);
  const cells: GridCell[] = [];
  const next: Pending[] = [];
  let column = 0;
  const fillSpanned = (): void => {
    while (pending[column] && pending[column]!.remaining > 0) {
      cells.push({ text: '', start: pending[column]!.at, end: pending[column]!.at });
      next[column] = { remaining: pending[column]!.remaining - 1, at: pending[column]!.at };
      column++;
    }
  };
  for (let match = cellPattern.exec(body); match; match = cellPattern.exec(body)) {
    if (match[0].length === 0) {
      cellPattern.lastIndex++;
      continue;
    }
    fillSpanned();
    const attributes = match[2]!;
    const colspan = spanOf(attributes, 'colspan');
    const rowspan = spanOf(attributes, 'rowspan');
    const contentStart = from + match.index + match[0].indexOf('>') + 1;
    const cell = cellContent(text, contentStart, contentStart + match[3]!.length);
    cells.push(cell);
    for (let extra = 0; extra < colspan; extra++) {
      if (extra > 0) cells.push({ text: '', start: cell.end, end: cell.end });
      if (rowspan > 1) next[column] = { remaining: rowspan - 1, at: cell.start };
      column++;
    }
  }
  // Rows spanned into from above after the last cell of this row.
  let lastSpanned = -1;
  pending.forEach((entry, index) => {
    if (entry && entry.remaining > 0) lastSpanned = index;
  });
  while (column <= lastSpanned) {
    if (pending[column] && pending[column]!.remaining > 0) {
      fillSpanned();
    } else {
      cells.push({ text: '', start: to, end: to });
      column++;
    }
  }
  return { cells, pending: next };
}

const SPAN_PATTERNS: Readonly<Record<'colspan' | 'rowspan', RegExp>> = {
  colspan: /colspan\s*=\s*\\?["']?(\d+)/iu,
  rowspan: /rowspan\s*=\s*\\?["']?(\d+)/iu,
};

function spanOf(attributes: string, name: 'colspan' | 'rowspan'): number {
  const match = SPAN_PATTERNS[name].exec(attributes);
  const value = match ? Number(match[1]) : 1;
  return Number.isInteger(value) && value >= 1 && value <= 50 ? value : 1;
}

/** The visible text of a cell's HTML (tags dropped, entities decoded, spaces trimmed) and its span. */
function cellContent(text: string, from: number, to: number): GridCell {
  let visible = '';
  let first = -1;
  let last = -1;
  let index = from;
  while (index < to) {
    const character = text[index]!;
    if (character === '<') {
      const close = text.indexOf('>', index);
      index = close < 0 || close >= to ? to : close + 1;
      continue;
    }
    let decoded = character;
    let width = 1;
    if (character === '&') {
      const entity = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/iu.exec(text.slice(index, Math.min(to, index + 12)));
      if (entity) {
        decoded = decodeEntity(entity[1]!) ?? entity[0];
        width = entity[0].length;
      }
    } else if (character === '\\' && (text[index + 1] === 'n' || text[index + 1] === 't' || text[index + 1] === 'r')) {
      decoded = ' ';
      width = 2;
    }
    if (!(decoded.length === 1 && isSpace(decoded.charCodeAt(0)))) {
      if (first < 0) first = index;
      last = index + width;
    }
    visible += decoded;
    index += width;
  }
  const trimmed = visible.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/gu, '');
  return first < 0 ? { text: '', start: from, end: from } : { text: trimmed, start: first, end: last };
}

function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
  return ENTITIES[name.toLowerCase()];
}
