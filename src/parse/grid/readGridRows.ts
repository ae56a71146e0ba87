import type { MappedText } from '../../text/MappedText.ts';
import { LONE_DASH, type GridCell, type GridLayout, type GridRow } from './GridRow.ts';
import { isUnitToken, isValueText } from './isValueText.ts';
import { LONE_ONE } from './splitRowParts.ts';
import { readCellPerLineRows, type StreamLine } from './readCellPerLineRows.ts';
import { hasHtmlTable, readHtmlRows } from './readHtmlRows.ts';
import { isSpace, splitLines, trimSpan, type TextLine } from './splitLines.ts';
import { closesCellsWithBars, pipesSeparateCells } from './pipesSeparateCells.ts';
import { rowsWithStrayBars } from './rowsWithStrayBars.ts';
import { joinWrappedGridRows, type DrawnLine } from './joinWrappedGridRows.ts';
import { isCutOrdinal, opensOrdinalTail } from '../cutOrdinal.ts';

type LineKind = 'tab' | 'pipe' | 'separator' | 'space' | 'single' | 'pipe-fragment' | 'pipe-blank' | 'pipe-padding' | 'closing-bar';

/**
 * Reads the table rows in text[start, end) whatever their layout: tab-separated rows (also HTML tables the
 * renderer turned into tab rows: layout `html`), pipe rows (markdown and scraped), rows of cells separated by
 * whitespace, raw HTML table markup, and streams of one cell per line. Prose lines come out as rows too; the
 * interpreter rejects rows that are not label cells followed by value cells.
 */
export function readGridRows(view: MappedText, start: number, end: number): GridRow[] {
  const text = view.text;
  if (hasHtmlTable(text, start, end)) return readHtmlRows(text, start, end);
  const { lines, kinds, outerPipes, closingPipes } = regionLines(text, start, end);
  const strayRows = rowsWithStrayBars(lines.map((line) => text.slice(line.start, line.end)));
  // Every row in line order, and the rules drawn between them (a drawn table's rows may wrap inside their cells).
  const drawn: DrawnLine[] = [];
  const add = (row: GridRow): void => {
    drawn.push({ row, rule: false });
  };
  // A markdown or drawn row a hard wrap broke at a cell boundary, waiting for the rest of it on the next line.
  let carried: GridRow | undefined;
  let stream: StreamLine[] = [];
  const flushStream = (): void => {
    if (stream.length > 0) readCellPerLineRows(text, stream).forEach(add);
    stream = [];
  };
  lines.forEach((line, lineIndex) => {
    const kind = kinds[lineIndex]!;
    if (kind === 'closing-bar') return;
    if (kind === 'separator') {
      flushStream();
      drawn.push({ row: undefined, rule: true });
      return;
    }
    if (kind === 'single' || kind === 'pipe-fragment' || kind === 'pipe-blank' || kind === 'pipe-padding') {
      stream.push(streamLine(text, line, kind));
      return;
    }
    flushStream();
    if (kind === 'tab') {
      const row = splitRow(view, line, '\t', false);
      const doubted = brokenBeforeLoneNumber(text, lines, kinds, lineIndex, row) ? { ...row, lastCellInDoubt: true as const } : row;
      add(ordinalCutFromLabel(text, lines, lineIndex, doubted) ? { ...doubted, ordinalCut: true } : doubted);
    }
    else if (kind === 'pipe') {
      const own = splitRow(view, line, '|', outerPipes, closingPipes);
      const row = carried ? joinBrokenRow(carried, own) : own;
      carried = undefined;
      if (brokenAtBoundary(text, lines, kinds, lineIndex, outerPipes)) {
        carried = row;
        return;
      }
      const read = wrappedAway(text, lines, kinds, lineIndex, outerPipes) ? cutAtWrap(row) : strayRows.has(lineIndex) ? withStrayBars(row) : row;
      // A rule under some columns only ("| 三、 |   +-----+----+", "| (三)不予 +-----+"): a row group's cell goes on
      // past it, the others end.
      drawn.push({ row: read, rule: read.cells.some((cell) => RULE_PIECE.test(cell.text)) });
    }
    else splitSpaceRow(text, line).forEach(add);
  });
  flushStream();
  return joinWrappedGridRows(drawn);
}

/**
 * Whether a tab row that ends in a tab ("2.没有现成信息需要另行制作\t0\t\t\t\t\t\t") has a number alone on the very next
 * line ("0"): the row was perhaps broken right after its last tab, and its last cell, read blank, is that number
 * (seed 97 tab-broken committed the blank for a printed 0). Which it is nothing on the lines tells. The number may
 * keep the tab that followed it ("0\t": seed 137 tab-broken committed the blank for a printed 0 again). So may a row
 * whose last cell is a dash: a blank mark, or the minus sign of that number ("行政事业性收费\t271\t-" / "1\t": seed
 * 201 tab-broken committed a blank for -1).
 */
function brokenBeforeLoneNumber(text: string, lines: readonly TextLine[], kinds: readonly LineKind[], index: number, row: GridRow): boolean {
  const next = lines[index + 1];
  if (next === undefined || next.breaksBefore !== 1 || (kinds[index + 1] !== 'single' && kinds[index + 1] !== 'tab')) return false;
  const last = row.cells.length > 1 ? row.cells[row.cells.length - 1]!.text : undefined;
  return (last === '' || (last !== undefined && LONE_DASH.test(last))) && LONE_NUMBER.test(text.slice(next.start, next.end));
}

/**
 * Whether a tab row opens with a one- or two-digit number that is the ordinal of a label cut right after its digits:
 * the very next line, no tab in it, opens with the ordinal's punctuation and words ("8\t0\t20\t0…" / ".属于行政查询事项":
 * measureIndependentBreaks seed 161, labels-split, committed a row's 20 in the row above it and proved this one 0).
 */
function ordinalCutFromLabel(text: string, lines: readonly TextLine[], index: number, row: GridRow): boolean {
  const next = lines[index + 1];
  const first = row.cells[0]?.text ?? '';
  if (next === undefined || next.breaksBefore !== 1 || !isCutOrdinal(first)) return false;
  const following = text.slice(next.start, next.end);
  return !following.includes('\t') && opensOrdinalTail(following.trim());
}

/** A line holding one number alone. */
const LONE_NUMBER = /^[^\S\n]*[0-9０-９][0-9０-９,，.．]*[^\S\n]*$/u;

/** A piece of a drawn rule in a cell ("+------+----"), perhaps after a row group's words ("(三)不予 +------+"). */
const RULE_PIECE = /(?:^|\s)[+:=\-]*[-=]{3}[+:=\-]*$/u;

/** A line holding one number alone, not closed by a bar. */
const OPEN_VALUE = /^[^\S\n]*[+\-]?[0-9０-９][0-9０-９,，.．]*[^\S\n]*$/u;

/** The region's lines, what each is, and how its pipe rows use their edge pipes. */
function regionLines(text: string, start: number, end: number): { lines: TextLine[]; kinds: LineKind[]; outerPipes: boolean; closingPipes: boolean } {
  const lines = splitLines(text, start, end);
  const loneBarIsOne = !closesCellsWithBars(text, start, end);
  // A bar alone on its line is a blank cell where cells close with bars, else an OCR'd 1 (tokeniseRegion reads it so).
  const kinds = lines.map((line): LineKind => (loneBarIsOne && text.slice(line.start, line.end).trim() === '|' ? 'single' : classifyLine(text, line)));
  // Where cells close with bars, a value line left open ("0", its bar gone) with a bar alone on the very next line was
  // broken before its bar ("0 |" cut to "0" / " |"): the bar closes that cell; it is no blank cell of its own, which
  // would shift every cell after it (measureIndependentBreaks' pipe-broken-cut: a row total read from the cell before).
  if (!loneBarIsOne) {
    lines.forEach((line, index) => {
      const previous = lines[index - 1];
      if (kinds[index] !== 'pipe-blank' || previous === undefined || line.breaksBefore !== 1 || kinds[index - 1] !== 'single') return;
      if (OPEN_VALUE.test(text.slice(previous.start, previous.end))) kinds[index] = 'closing-bar';
    });
  }
  const outerPipes = usesOuterPipes(text, lines, kinds);
  return { lines, kinds, outerPipes, closingPipes: outerPipes || usesClosingPipes(text, lines, kinds) };
}

/**
 * How the pipe rows of text[start, end) use the pipes at their edges, as readGridRows reads them: `outerPipes`, a
 * row opening with a pipe opens with the table's edge (else with an empty first cell); `closingPipes`, a row closing
 * with a pipe closes with the edge (else with an empty last cell: "258 | 12 | " where rows close only when blank).
 */
export function pipeEdges(text: string, start: number, end: number): { outerPipes: boolean; closingPipes: boolean } {
  const { outerPipes, closingPipes } = regionLines(text, start, end);
  return { outerPipes, closingPipes };
}

/**
 * Markdown rows open with a pipe ("| a | b |"); scraped rows often only close with one ("a | b |"), and there a
 * row opening with a pipe starts with an empty cell. A markdown separator row means outer pipes; otherwise rows
 * that do not open with a pipe are the tell: more than one in ten and the region is read as scraped rows.
 */
function usesOuterPipes(text: string, lines: readonly TextLine[], kinds: readonly LineKind[]): boolean {
  // A markdown separator row ("|---|---|") settles it: the lines a hard wrap broke off a markdown row do not open
  // with a pipe either, and would otherwise pass for scraped rows.
  if (lines.some((line, index) => kinds[index] === 'separator' && /^[|+]/u.test(text.slice(line.start, line.end).trimStart()))) return true;
  const rows = pipeRowsWhere(text, lines, kinds, (content) => content.trimStart().startsWith('|'));
  return rows.total > 0 && rows.without * 10 <= rows.total;
}

/**
 * Whether a pipe closing a row is the row's edge ("a | b |") or the boundary before an empty last cell ("a | b | " for
 * a | b | _): rows without outer pipes that close with one only where their last cell is blank. A separator row
 * settles it ("--- | --- | ---" closes with no pipe: every column is a cell); otherwise rows that do not close with
 * a pipe are the tell, more than one in ten and a closing pipe is read as an empty last cell.
 */
function usesClosingPipes(text: string, lines: readonly TextLine[], kinds: readonly LineKind[]): boolean {
  const separator = lines.find((_line, index) => kinds[index] === 'separator');
  if (separator !== undefined) return /[|+]$/u.test(text.slice(separator.start, separator.end).trimEnd());
  const rows = pipeRowsWhere(text, lines, kinds, (content) => content.trimEnd().endsWith('|'));
  return rows.without * 10 <= rows.total;
}

/**
 * A row rowsWithStrayBars finds (more bars than its table's separator row, or one glued to a digit among spaced
 * ones) holds a bar that is no boundary: an OCR'd 1 ("| 条 | | |"
 * for 1, "| 条 | |9 |" for 19). Which of its cells the bar belongs to is not known, so no cell of it is read as certain.
 */
function withStrayBars(row: GridRow): GridRow {
  return { ...row, strayBars: true, notes: [...row.notes, 'a bar in the row is no cell boundary: it may be an OCR\'d 1'] };
}

/** The region's pipe rows, and how many of them fail `test` (open with no pipe, close with none). */
function pipeRowsWhere(
  text: string,
  lines: readonly TextLine[],
  kinds: readonly LineKind[],
  test: (content: string) => boolean,
): { total: number; without: number } {
  let total = 0;
  let without = 0;
  lines.forEach((line, index) => {
    if (kinds[index] !== 'pipe') return;
    total++;
    if (!test(text.slice(line.start, line.end))) without++;
  });
  return { total, without };
}

function classifyLine(text: string, line: TextLine): LineKind {
  const content = text.slice(line.start, line.end);
  if (content.includes('\t')) return 'tab';
  const trimmed = content.trim();
  // A drawn table's border ("+----+----+", box-drawing folded to it) holds no cell, nor does the piece of one a hard
  // wrap broke off ("----+", "+").
  if (/\+/u.test(trimmed) && (/^[+:\-=\s]+$/u.test(trimmed) || (/^[+|:\-=\s]+$/u.test(trimmed) && /-{3}|={3}/u.test(trimmed)))) return 'separator';
  if (content.includes('|') && pipesSeparateCells(content)) {
    if (/^[|:\-\s]+$/u.test(trimmed) && trimmed.includes('-')) return 'separator';
    if (/^\|+$/u.test(trimmed)) return trimmed.length === 1 ? 'pipe-blank' : 'pipe-padding';
    const inner = trimmed.replace(/\|$/u, '');
    return inner.includes('|') ? 'pipe' : 'pipe-fragment';
  }
  const tokens = trimmed.split(/[\s\u00a0\u3000]+/u);
  if (tokens.length >= 2 && tokens.some((token) => isValueText(token) && /\d/u.test(token))) return 'space';
  return 'single';
}

function streamLine(text: string, line: TextLine, kind: LineKind): StreamLine {
  if (kind === 'pipe-blank' || kind === 'pipe-padding') {
    const at = text.indexOf('|', line.start);
    return { start: line.start, end: line.end, breaksBefore: line.breaksBefore, kind: kind === 'pipe-blank' ? 'blank' : 'row-end', cellStart: at, cellEnd: at };
  }
  let contentEnd = line.end;
  if (kind === 'pipe-fragment') {
    const trimmed = trimSpan(text, line.start, line.end);
    contentEnd = text.charCodeAt(trimmed.end - 1) === 124 ? trimmed.end - 1 : trimmed.end;
  }
  const span = trimSpan(text, line.start, contentEnd);
  return { start: line.start, end: line.end, breaksBefore: line.breaksBefore, kind: 'cell', cellStart: span.start, cellEnd: span.end };
}

/** A tab or pipe row: cells between separators, the outer pipes of a markdown row dropped. */
function splitRow(view: MappedText, line: TextLine, separator: '\t' | '|', outerPipes: boolean, closingPipes = true): GridRow {
  const text = view.text;
  let from = line.start;
  let to = line.end;
  let layout: GridLayout = separator === '\t' ? 'tab-row' : 'pipe-row';
  if (separator === '|') {
    const trimmed = trimSpan(text, from, to);
    from = trimmed.start;
    to = trimmed.end;
    if (outerPipes && text.charCodeAt(from) === 124) from++;
    if (closingPipes && to > from && text.charCodeAt(to - 1) === 124) to--;
  }
  const cells: GridCell[] = [];
  let cellStart = from;
  for (let index = from; index <= to; index++) {
    if (index === to || text[index] === separator) {
      const span = trimSpan(text, cellStart, index);
      cells.push({ text: text.slice(span.start, span.end), start: span.start, end: span.end });
      if (index < to && separator === '\t' && isInserted(view, index)) layout = 'html';
      cellStart = index + 1;
    }
  }
  return { cells, layout, start: line.start, end: line.end, incomplete: false, notes: [] };
}

/**
 * A markdown row (outer pipes) that does not close, the next line the rest of it up to its closing pipe: a hard wrap
 * broke the row, perhaps inside its last cell ("| 其他对外管理服务事项 | 469 | -3 | 2432" / "8 |" for 24328).
 */
function wrappedAway(text: string, lines: readonly TextLine[], kinds: readonly LineKind[], index: number, outerPipes: boolean): boolean {
  const line = lines[index]!;
  const content = text.slice(line.start, line.end).trim();
  if (!outerPipes || !content.startsWith('|') || content.endsWith('|')) return false;
  const next = lines[index + 1];
  return next !== undefined && kinds[index + 1] === 'pipe-fragment' && !text.slice(next.start, next.end).trim().startsWith('|');
}

/**
 * A markdown or drawn row (outer pipes) that does not close, the next line going on with a pipe: a hard wrap broke
 * the row at a cell boundary ("| 一、本年 | 238 | 18 | 0 | 0 | 0" / "| 40 | 296 |"), the rest of its cells there.
 */
function brokenAtBoundary(text: string, lines: readonly TextLine[], kinds: readonly LineKind[], index: number, outerPipes: boolean): boolean {
  const line = lines[index]!;
  const content = text.slice(line.start, line.end).trim();
  if (!outerPipes || !content.startsWith('|') || content.endsWith('|')) return false;
  const next = lines[index + 1];
  return next !== undefined && kinds[index + 1] === 'pipe' && text.slice(next.start, next.end).trimStart().startsWith('|');
}

/** A row broken at a cell boundary, its two lines' cells one row. */
function joinBrokenRow(first: GridRow, rest: GridRow): GridRow {
  return { ...first, cells: [...first.cells, ...rest.cells], end: rest.end, notes: [...first.notes, 'a hard wrap broke this row at a cell boundary: its cells go on over the next line'] };
}

/** The row a hard wrap broke: its last cell may be cut, so it is dropped and the row marked incomplete. */
function cutAtWrap(row: GridRow): GridRow {
  return { ...row, cells: row.cells.slice(0, -1), incomplete: true, notes: [...row.notes, 'a hard wrap broke this row: its last cell goes on over the next line'] };
}

/** A separator the renderer wrote (an HTML cell boundary) maps to no character of the decoded text. */
function isInserted(view: MappedText, index: number): boolean {
  return view.originStart[index] === view.originEnd[index];
}

/**
 * A row of cells separated by whitespace; a unit printed as its own token joins the number before it. When
 * every gap is wide (two spaces or more, an ideographic space), the line is a table run onto one line and
 * is cut into rows where a label follows a value; single-spaced text stays one row (prose is then rejected
 * as a value standing before a label).
 */
function splitSpaceRow(text: string, line: TextLine): GridRow[] {
  const cells: GridCell[] = [];
  let wide = true;
  let index = line.start;
  while (index < line.end) {
    const gapStart = index;
    while (index < line.end && isSpace(text.charCodeAt(index))) index++;
    if (index >= line.end) break;
    if (cells.length > 0 && index - gapStart < 2 && text.charCodeAt(gapStart) !== 0x3000 && text.charCodeAt(gapStart) !== 9) wide = false;
    const tokenStart = index;
    while (index < line.end && !isSpace(text.charCodeAt(index))) index++;
    const token = text.slice(tokenStart, index);
    const previous = cells[cells.length - 1];
    if (previous && isUnitToken(token) && /\d$/u.test(previous.text)) {
      cells[cells.length - 1] = { text: text.slice(previous.start, index), start: previous.start, end: index };
    } else {
      cells.push({ text: token, start: tokenStart, end: index });
    }
  }
  const row = (rowCells: GridCell[]): GridRow => ({
    cells: rowCells,
    layout: 'space-row',
    start: rowCells[0]?.start ?? line.start,
    end: rowCells[rowCells.length - 1]?.end ?? line.end,
    incomplete: false,
    notes: wide ? ['cells separated by wide spaces, rows run together on one line'] : [],
  });
  if (!wide) return [{ ...row(cells), start: line.start, end: line.end, notes: [] }];
  const rows: GridRow[] = [];
  let current: GridCell[] = [];
  let hasValues = false;
  cells.forEach((cell, index) => {
    // A letter alone among numbers is the OCR'd 1 it stands for (makeCellReading reads it so), not the next row's label.
    const next = cells[index + 1];
    const isValue = isValueText(cell.text) || (LONE_ONE.test(cell.text) && (hasValues || (next !== undefined && isValueText(next.text))));
    if (!isValue && hasValues) {
      rows.push(row(current));
      current = [];
      hasValues = false;
    }
    current.push(cell);
    if (isValue) hasValues = true;
  });
  if (current.length > 0) rows.push(row(current));
  return rows;
}
