import { labelSimilarity } from '../../normalise/labelKey.ts';
import type { TableDefinition } from '../../templates/TemplateDefinition.ts';
import { zonesFromHeaders, type ColumnZones, type HeaderSpan } from './ColumnZones.ts';
import { MAX_PAGE_LINE, type DisplayColumns } from './displayColumn.ts';
import { isValueText } from './isValueText.ts';
import { isSpace, splitLines, type TextLine } from './splitLines.ts';
import type { HeaderTracker } from './trackHeaderPositions.ts';

/** Where the columns of a section's tables stand on the page at a given point of the text. */
export interface ColumnZoneLookup {
  /** How the text's spans are measured on the page. */
  readonly columns: DisplayColumns;
  /** The zones of a table's columns after the last header printed before `offset`, if every column has one. */
  zonesAt(table: TableDefinition, offset: number): ColumnZones | undefined;
}

/** A whitespace-delimited token of a line, with its display extent. */
interface LineToken extends HeaderSpan {
  readonly text: string;
}

/** The lowest similarity at which a header token is taken for a part label of section 四. */
const PART_MATCH_THRESHOLD = 0.85;
const APPEAL_PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

/**
 * Follows the header lines of a section printed as aligned text (pdftotext -layout): every line without a
 * number whose tokens name columns of the section's tables sets where those columns stand (display columns,
 * CJK counting two). A header cell wrapped over two lines ("社会公益" above "组织") is joined when its parts
 * overlap horizontally. Headers repeated after a page break replace the earlier positions from there on.
 */
export function findColumnZones(columns: DisplayColumns, start: number, end: number, tables: readonly TableDefinition[], headers: HeaderTracker): ColumnZoneLookup {
  const view = columns.view;
  const snapshots = new Map<string, { offset: number; zones: ColumnZones | undefined }[]>();
  const spans = new Map<string, (HeaderSpan | undefined)[]>();
  let previousUnmatched: LineToken[] = [];
  for (const line of splitLines(view.text, start, end)) {
    if (line.end - line.start > MAX_PAGE_LINE) {
      previousUnmatched = [];
      continue;
    }
    const tokens = lineTokens(columns, line);
    if (tokens.some((token) => isNumber(token.text))) {
      previousUnmatched = [];
      continue;
    }
    const best = new Map<string, { column: number; score: number; span: HeaderSpan }>();
    const unmatched: LineToken[] = [];
    for (const token of tokens) {
      let hits = headers.columnsNamedBy(token.text);
      let span: HeaderSpan = token;
      if (hits.length === 0) {
        const above = previousUnmatched.find((other) => other.x < token.xEnd && token.x < other.xEnd);
        if (above) {
          hits = headers.columnsNamedBy(above.text + token.text);
          span = { x: Math.min(above.x, token.x), xEnd: Math.max(above.xEnd, token.xEnd) };
        }
      }
      if (hits.length === 0) unmatched.push(token);
      for (const hit of hits) {
        const key = `${hit.tableId}\u0000${hit.column}`;
        const previous = best.get(key);
        if (!previous || hit.score > previous.score) best.set(key, { column: hit.column, score: hit.score, span });
      }
    }
    previousUnmatched = unmatched;
    for (const table of tables) {
      let touched = false;
      const tableSpans = spans.get(table.id) ?? new Array<HeaderSpan | undefined>(table.columns.length).fill(undefined);
      table.columns.forEach((_, column) => {
        const hit = best.get(`${table.id}\u0000${column}`);
        if (!hit) return;
        tableSpans[column] = hit.span;
        touched = true;
      });
      if (!touched) continue;
      spans.set(table.id, tableSpans);
      const list = snapshots.get(table.id) ?? [];
      list.push({ offset: line.start, zones: zonesFromHeaders(tableSpans) });
      snapshots.set(table.id, list);
    }
  }
  return {
    columns,
    zonesAt(table, offset) {
      let zones: ColumnZones | undefined;
      for (const snapshot of snapshots.get(table.id) ?? []) {
        if (snapshot.offset >= offset) break;
        zones = snapshot.zones;
      }
      return zones;
    },
  };
}

/** The zones of section 四's row of numbers by the start of its line, and how spans are measured. */
export interface AppealZones {
  readonly columns: DisplayColumns;
  readonly byLine: ReadonlyMap<number, ColumnZones>;
}

/**
 * The zones of the 15 cells of section 四's one row (结果维持 … 总计, three times), for each line that prints
 * numbers: taken from the part labels on the lines without numbers above it (since the previous line of
 * numbers), sorted left to right; only when there are exactly fifteen, in the form's order, not overlapping.
 * Keyed by the start of the line of numbers.
 */
export function findAppealZones(columns: DisplayColumns, start: number, end: number): AppealZones {
  const result = new Map<number, ColumnZones>();
  let parts: { part: number; span: HeaderSpan }[] = [];
  for (const line of splitLines(columns.view.text, start, end)) {
    if (line.end - line.start > MAX_PAGE_LINE) {
      parts = [];
      continue;
    }
    const tokens = lineTokens(columns, line);
    if (tokens.some((token) => isNumber(token.text))) {
      if (parts.length === APPEAL_PARTS.length * 3) {
        const sorted = [...parts].sort((first, second) => first.span.x - second.span.x);
        const zones = sorted.every((entry, index) => entry.part === index % APPEAL_PARTS.length) ? zonesFromHeaders(sorted.map((entry) => entry.span)) : undefined;
        if (zones) result.set(line.start, zones);
      }
      parts = [];
      continue;
    }
    for (const token of tokens) {
      let bestPart = -1;
      let bestScore = 0;
      APPEAL_PARTS.forEach((label, part) => {
        const score = labelSimilarity(token.text, label);
        if (score > bestScore) {
          bestScore = score;
          bestPart = part;
        }
      });
      if (bestScore >= PART_MATCH_THRESHOLD) parts.push({ part: bestPart, span: token });
    }
  }
  return { columns, byLine: result };
}

function isNumber(text: string): boolean {
  return /\d/u.test(text) && isValueText(text);
}

/** The non-space runs of a line with their display extents. */
function lineTokens(columns: DisplayColumns, line: TextLine): LineToken[] {
  const text = columns.view.text;
  const tokens: LineToken[] = [];
  let index = line.start;
  while (index < line.end) {
    while (index < line.end && isSpace(text.charCodeAt(index))) index++;
    if (index >= line.end) break;
    const tokenStart = index;
    while (index < line.end && !isSpace(text.charCodeAt(index))) index++;
    tokens.push({ text: text.slice(tokenStart, index), ...columns.extent(tokenStart, index) });
  }
  return tokens;
}
