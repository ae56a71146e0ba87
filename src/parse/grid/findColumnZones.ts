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

/** A whitespace-delimited token of a line, with its display extent and its span in the parsed text. */
interface LineToken extends HeaderSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /**
   * Printed one space after other text: where pdftotext lays a page out in characters, a CJK word takes one column
   * for the two it covers and pushes what follows it on the line this close; such a token's column is not where
   * it stands on the page ("…第四项之 自" with 自 six columns left of its column's numbers).
   */
  readonly pushed: boolean;
}

/** The lowest similarity at which a header token is taken for a part label of section 四. */
const PART_MATCH_THRESHOLD = 0.85;

/** Longest header piece joined from lines (the longest column label, with room for a wrapped note). */
const MAX_STACKED_HEADER = 16;
/** Most header pieces waiting at once: a header block prints a few dozen. */
const MAX_STACKS = 64;
const APPEAL_PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

/**
 * Follows the header lines of a section printed as aligned text (pdftotext -layout): every line without a
 * number whose tokens name columns of the section's tables sets where those columns stand (display columns,
 * CJK counting two). A header cell wrapped over lines ("社会公益" above "组织", or a narrow column's "自" / "然" /
 * "人" one character a line, other columns' characters between them) is joined from the pieces above one another,
 * down to the line that completes a column label. Positions hold to the end of their page: headers repeated after a
 * page break set them again.
 */
export function findColumnZones(columns: DisplayColumns, start: number, end: number, tables: readonly TableDefinition[], headers: HeaderTracker): ColumnZoneLookup {
  const view = columns.view;
  const snapshots = new Map<string, { offset: number; page: number; zones: ColumnZones | undefined }[]>();
  const spans = new Map<string, (HeaderSpan | undefined)[]>();
  const pushedSpans = new Map<string, boolean[]>();
  // Pieces of header cells not yet naming a column, each joined from tokens printed above one another.
  let stacks: LineToken[] = [];
  // Where numbers stand on each page of the section (pages counted by form feeds from `start`).
  const numbersByPage = new Map<number, HeaderSpan[]>();
  let page = 0;
  let pageCountedTo = start;
  const pageAt = (offset: number): number => {
    for (let index = pageCountedTo; index < offset; index++) if (view.text.charCodeAt(index) === 12) page++;
    pageCountedTo = Math.max(pageCountedTo, offset);
    return page;
  };
  for (const line of splitLines(view.text, start, end)) {
    if (line.end - line.start > MAX_PAGE_LINE) {
      stacks = [];
      continue;
    }
    const tokens = lineTokens(columns, line);
    if (tokens.some((token) => isNumber(token.text))) {
      stacks = [];
      // pdftotext writes a page's form feed at the start of its first line: the line is the new page's.
      const linePage = pageAt(line.end);
      numbersByPage.set(linePage, [...(numbersByPage.get(linePage) ?? []), ...tokens.filter((token) => isNumber(token.text))]);
      continue;
    }
    const best = new Map<string, { column: number; score: number; span: HeaderSpan; pushed: boolean }>();
    const used = new Set<LineToken>();
    const grown: LineToken[] = [];
    for (const token of tokens) {
      let hits = headers.columnsNamedBy(token.text);
      let span: HeaderSpan = token;
      let pushed = token.pushed;
      const above = stacks.filter((stack) => !used.has(stack) && stack.x < token.xEnd && token.x < stack.xEnd);
      if (hits.length === 0) {
        for (const stack of above) {
          hits = headers.columnsNamedBy(stack.text + token.text);
          if (hits.length === 0) continue;
          span = { x: Math.min(stack.x, token.x), xEnd: Math.max(stack.xEnd, token.xEnd) };
          pushed ||= stack.pushed;
          used.add(stack);
          break;
        }
      }
      if (hits.length === 0) {
        // Not a label yet: a piece on its own, and the continuation of every piece above it.
        grown.push(token);
        for (const stack of above) {
          if (stack.text.length + token.text.length > MAX_STACKED_HEADER) continue;
          used.add(stack);
          grown.push({
            text: stack.text + token.text, start: token.start, end: token.end, x: Math.min(stack.x, token.x), xEnd: Math.max(stack.xEnd, token.xEnd),
            pushed: stack.pushed || token.pushed,
          });
        }
      }
      for (const hit of hits) {
        const key = `${hit.tableId}\u0000${hit.column}`;
        const previous = best.get(key);
        if (!previous || hit.score > previous.score) best.set(key, { column: hit.column, score: hit.score, span, pushed });
      }
    }
    // Pieces left untouched wait for the rest of their cell below ("总" two lines above "计").
    stacks = [...stacks.filter((stack) => !used.has(stack)), ...grown].slice(-MAX_STACKS);
    for (const table of tables) {
      let touched = false;
      const tableSpans = spans.get(table.id) ?? new Array<HeaderSpan | undefined>(table.columns.length).fill(undefined);
      const tablePushed = pushedSpans.get(table.id) ?? new Array<boolean>(table.columns.length).fill(false);
      table.columns.forEach((_, column) => {
        const hit = best.get(`${table.id}\u0000${column}`);
        if (!hit) return;
        tableSpans[column] = hit.span;
        tablePushed[column] = hit.pushed;
        touched = true;
      });
      if (!touched) continue;
      spans.set(table.id, tableSpans);
      pushedSpans.set(table.id, tablePushed);
      const list = snapshots.get(table.id) ?? [];
      list.push({ offset: line.start, page: pageAt(line.end), zones: tablePushed.some(Boolean) ? undefined : zonesFromHeaders(tableSpans) });
      snapshots.set(table.id, list);
    }
  }
  return {
    columns,
    zonesAt(table, offset) {
      let last: { offset: number; page: number; zones: ColumnZones | undefined } | undefined;
      for (const snapshot of snapshots.get(table.id) ?? []) {
        if (snapshot.offset >= offset) break;
        last = snapshot;
      }
      if (last === undefined || last.zones === undefined) return undefined;
      const offsetPage = last.page + countFormFeeds(view.text, last.offset, lineEndOf(view.text, offset));
      // pdftotext lays each page out on its own grid, closing up the blank space of each page in its own way ("0
      // 0" on the next page for "0 … 0" twenty columns wider): a header's columns hold on a later page only where
      // every number of that page stands where numbers stood on the header's page.
      if (offsetPage !== last.page && !sameGrid(numbersByPage.get(offsetPage) ?? [], numbersByPage.get(last.page) ?? [])) return undefined;
      return last.zones;
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

function lineEndOf(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return end;
}

function countFormFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) if (text.charCodeAt(index) === 12) count++;
  return count;
}

/** Every number of a page stands within a column of one that stood on the other page (left or right edge). */
function sameGrid(numbers: readonly HeaderSpan[], reference: readonly HeaderSpan[]): boolean {
  return numbers.every((number) => reference.some((other) => Math.abs(other.xEnd - number.xEnd) <= 1 || Math.abs(other.x - number.x) <= 1));
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
    tokens.push({ text: text.slice(tokenStart, index), start: tokenStart, end: index, pushed: columns.pushed(tokenStart), ...columns.extent(tokenStart, index) });
  }
  return tokens;
}
