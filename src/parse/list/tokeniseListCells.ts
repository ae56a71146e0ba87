import { pipesSeparateCells } from '../grid/pipesSeparateCells.ts';
import { rowsWithStrayBars } from '../grid/rowsWithStrayBars.ts';
import { isValueText } from '../grid/isValueText.ts';
import { isCutOrdinal, isOrdinalHead, opensLabelWords, opensOrdinalTail } from '../cutOrdinal.ts';
/**
 * What a printed cell of a list table holds, judged from its text alone:
 * - `text`: anything with Chinese characters (a label, a heading, prose; flattened tables are one huge text cell)
 * - `unit`: exactly a unit word (条, 件, 人次, 万元, …), or 万 / 亿 alone (万元 wrapped as 万 / 元)
 * - `number`: a numeric value, OCR letters allowed ("245", "O", "1,234", "8.5", "5件", "251000元")
 * - `dash`: a printed no-value mark ("/", "—", "/ \", "无")
 * - `header`: a column header word (统计指标, 单位, 统计数)
 * - `noise`: neither (a stray ",", page debris "22、", a footer "— 3 —")
 * - `empty`: nothing but spaces
 */
export type ListCellKind = 'text' | 'unit' | 'number' | 'dash' | 'header' | 'noise' | 'empty';

/** One cell of the text, between two separators (tab, pipe, line break). Offsets are into the text given. */
export interface ListCell {
  readonly index: number;
  /** Span between the separators. */
  readonly outerStart: number;
  readonly outerEnd: number;
  /** Span of the content without surrounding spaces (empty span at outerStart for an empty cell). */
  readonly start: number;
  readonly end: number;
  readonly content: string;
  readonly kind: ListCellKind;
  /** Line number (0-based); a bare CR, LF or CRLF ends a line. */
  readonly line: number;
  /**
   * The separator before the cell: tab, pipe, newline, '' at the start of the text, or ' ' for a column gap of
   * two or more spaces (pdftotext -layout prints the unit and value columns of a row that way), or `unit-space`
   * for the one space between a unit and a value on a line of their own ("条 1683": pdftotext's reading order).
   */
  readonly separatorBefore: '\t' | '|' | '\n' | ' ' | 'unit-space' | '';
  /**
   * The cell's line holds a bar that is no boundary (rowsWithStrayBars: more bars than its table's separator row,
   * "| 条 | | |" under "|---|---|---|", or one bar glued to a digit among spaced ones): one of
   * them is no boundary but an OCR'd 1, and which cell it belongs to is not known.
   */
  readonly strayBars?: true;
}

/** Units printed in the 单位 column of the forms, longest first so 人次 wins over 人. */
export const LIST_UNITS: readonly string[] = ['人次', '万元', '亿元', '条', '件', '次', '篇', '个', '人', '元', '项', '家', '期', '场', '份'];

const UNIT_SET = new Set(LIST_UNITS);
/** The first character of a money unit printed on a line of its own ("万" / value / "元" in a narrow column). */
export const UNIT_FRAGMENTS: ReadonlySet<string> = new Set(['万', '亿']);
const HEADER_WORDS = new Set(['统计指标', '单位', '统计数', '指标', '计量单位']);
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const PIPE = 0x7c;
const FULL_WIDTH_PIPE = 0xff5c;
const COLON = 0x3a;
const FULL_WIDTH_COLON = 0xff1a;
/** What may follow a colon that ends a row's label and opens its value ("数：9351条", "数：-"): a number or a blank mark. */
const VALUE_AFTER_COLON = /^[ \t]*(?:[+\-]?[0-9０-９]|[\/／\\＼\-－—―–]|无(?:[\s。；;]|$))/u;

/** The characters /[\s\u00a0\u3000]/u matches (Unicode \s), by code. */
function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
/** Digits (also full-width) and the letters OCR reads for them. */
const VALUE_PATTERN_SOURCE = '[+\\-＋－]?[0-9０-９OoIl〇][0-9０-９OoIl〇,，.．]*';
const NUMBER_CELL = new RegExp(`^${VALUE_PATTERN_SOURCE}\\s*(?:${LIST_UNITS.join('|')})?$`, 'u');
/** Blank marks: slashes, dashes of every width, alone or repeated, with spaces between ("/ \\"), or 无. */
const DASH_CELL = /^(?:[\/\\／＼\-－—―–‑‐−─━ー~～]+(?:\s+[\/\\／＼\-－—―–‑‐−─━ー~～]+)*|无)$/u;
const CHINESE = /[\u3400-\u9fff\uf900-\ufaff]/u;
const PAGE_FOOTER = /^(?:第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页|[-—–]\s*\d+\s*[-—–])$/u;

/** True for a Chinese character that can be part of a label (CJK unified ideographs and extension A). */
export function isChineseCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** Marks that end a sentence or a clause after a value. */
const SENTENCE_END = /^[。；;，,、]$/u;

/** Classifies a trimmed cell content. */
export function classifyCellContent(content: string): ListCellKind {
  if (content === '') return 'empty';
  const compact = content.replace(/[\s\u00a0\u3000]+/gu, '');
  // 万 / 亿 alone: the first half of 万元 / 亿元 wrapped around the value in a narrow unit column.
  if (UNIT_SET.has(compact) || UNIT_FRAGMENTS.has(compact) || HEADED_UNIT_CELL.test(compact)) return 'unit';
  if (HEADER_WORDS.has(compact)) return 'header';
  if (DASH_CELL.test(content)) return 'dash';
  if (NUMBER_CELL.test(compact) && (/[0-9０-９]/u.test(compact) || /^[OoIl〇]+/u.test(compact))) return 'number';
  // Digits with an OCR letter among them that the value reader repairs ("93S1" for 9351) are a number as much.
  if (/^[0-9A-Za-z|.,，．]+$/u.test(compact) && /[0-9]/u.test(compact) && isValueText(compact)) return 'number';
  if (PAGE_FOOTER.test(content)) return 'noise';
  return CHINESE.test(content) ? 'text' : 'noise';
}

/**
 * Splits a text into cells at tabs, pipes (| and ｜) and line breaks (LF, CRLF or bare CR), in one pass. A table
 * flattened into running text comes out as one text cell; the anchors then find the rows inside it.
 */
export function tokeniseListCells(text: string): ListCell[] {
  const cells: ListCell[] = [];
  let line = 0;
  let cellStart = 0;
  let separatorBefore: ListCell['separatorBefore'] = '';
  const pushOne = (outerStart: number, end: number, separator: ListCell['separatorBefore']): void => {
    let start = outerStart;
    let stop = end;
    while (start < stop && isSpaceCode(text.charCodeAt(start))) start++;
    while (stop > start && isSpaceCode(text.charCodeAt(stop - 1))) stop--;
    // A value ending a sentence ("…信息数：22。", "0件；", or its unit wrapped onto a line of its own: "元。") ends its
    // cell before the mark.
    if (stop - start >= 2 && SENTENCE_END.test(text[stop - 1]!)) {
      const kind = classifyCellContent(text.slice(start, stop - 1).trim());
      if (kind === 'number' || kind === 'dash' || kind === 'unit') stop--;
    }
    const content = text.slice(start, stop);
    const empty = content === '';
    cells.push({
      index: cells.length,
      outerStart,
      outerEnd: end,
      start: empty ? outerStart : start,
      end: empty ? outerStart : stop,
      content,
      kind: ruleLine ? 'noise' : classifyCellContent(content),
      line,
      separatorBefore: separator,
      ...(strayBars ? { strayBars: true as const } : {}),
    });
  };
  const push = (end: number): void => {
    const unitThenValue = UNIT_THEN_VALUE.exec(text.slice(cellStart, end)) ?? HEADED_VALUE.exec(text.slice(cellStart, end));
    if (unitThenValue) {
      const gapStart = cellStart + unitThenValue[1]!.length;
      pushOne(cellStart, gapStart, separatorBefore);
      pushOne(gapStart, end, 'unit-space');
      return;
    }
    const gaps = alignedColumnGaps(text, cellStart, end);
    let start = cellStart;
    let separator = separatorBefore;
    for (const gap of gaps) {
      pushOne(start, gap.start, separator);
      start = gap.start;
      separator = ' ';
    }
    pushOne(start, end, separator);
  };
  // A line with tabs is cut at its tabs only (as the grid reader cuts it): a bar among its digits is an OCR'd 1 ("|927");
  // so is a line whose every bar touches a number on one side only ("行政处罚 8|": pipesSeparateCells).
  let barsAsContent = barsAreContent(text, 0);
  const strayLines = text.includes('|') || text.includes('｜') ? rowsWithStrayBars(text.split(/\r\n|\r|\n/u)) : new Set<number>();
  let strayBars = !barsAsContent && strayLines.has(0);
  let ruleLine = isRuleLine(text, 0);
  for (let position = 0; position < text.length; position++) {
    // By code, not by one-character string: this runs once per character of the document.
    const code = text.charCodeAt(position);
    if (code === TAB || (!barsAsContent && (code === PIPE || code === FULL_WIDTH_PIPE))) {
      push(position);
      cellStart = position + 1;
      separatorBefore = code === TAB ? '\t' : '|';
    } else if ((code === COLON || code === FULL_WIDTH_COLON) && VALUE_AFTER_COLON.test(text.slice(position + 1, position + 8))) {
      // A row printed as a line of label, colon and value ("1.政府公报公开政府信息数：0条"): the colon ends the label's
      // cell as a tab would ("其中：主动公开…" keeps its colon: words follow it).
      push(position);
      cellStart = position + 1;
      separatorBefore = '\t';
    } else if (code === LINE_FEED || code === CARRIAGE_RETURN) {
      push(position);
      if (code === CARRIAGE_RETURN && text.charCodeAt(position + 1) === LINE_FEED) position++;
      cellStart = position + 1;
      separatorBefore = '\n';
      line++;
      barsAsContent = barsAreContent(text, position + 1);
      ruleLine = isRuleLine(text, position + 1);
      strayBars = !barsAsContent && strayLines.has(line);
    }
  }
  push(text.length);
  return withCutOrdinals(cells);
}

/**
 * A label cut right after its ordinal's digits ("6\t件\t" / ".申请信息不存在数": a row's label cut at a random
 * character, its cells on the first line) leaves the ordinal a number at a line's start: it is the label's, no value
 * (seed 157 labels-split committed 6 in the blank row before it). Read as text. So is a whole ordinal or its opening
 * bracket cut from the label's words ("1.\t件\t79" / "按时办结数", "（\t件\t79" / "三）申请答复数"): read as a number and
 * as nothing, it let the row above take this row's value (seed 185 labels-split committed 79 for 延期办结数's 0).
 */
function withCutOrdinals(cells: ListCell[]): ListCell[] {
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index]!;
    if (cell.kind === 'text' || (cell.separatorBefore !== '\n' && cell.separatorBefore !== '')) continue;
    const digits = cell.kind === 'number' && isCutOrdinal(cell.content);
    if (!digits && !isOrdinalHead(cell.content)) continue;
    let after = index + 1;
    while (after < cells.length && (cells[after]!.line === cell.line || cells[after]!.kind === 'empty')) after++;
    const next = cells[after];
    if (next === undefined || next.line !== cell.line + 1 || next.separatorBefore !== '\n') continue;
    if (digits ? !opensOrdinalTail(next.content) : next.kind !== 'text' || !opensLabelWords(next.content)) continue;
    cells[index] = { ...cell, kind: 'text' };
  }
  return cells;
}

/** What a line of a drawn table's borders or a markdown separator is made of ("|---|---|", "+----+----+", box-drawing folded to these). */
const RULE_CHARACTERS = /^[-=|+:\s]+$/u;
/** A rule line's stroke: three dashes (or equals) beside a bar or a cross, six alone (a hard wrap cuts a border anywhere). */
const RULE_STROKE = /(?:-{3}|={3})[^\s]*[|+]|[|+][^\s]*(?:-{3}|={3})|-{6}|={6}/u;

/**
 * True when the line starting at `from` is a rule line: it draws borders, it holds no cell. Its dashes are no blank
 * marks (a rule under every row of a drawn table would read as a second, blank, value of the row above); a lone
 * "---" is one.
 */
function isRuleLine(text: string, from: number): boolean {
  let end = from;
  while (end < text.length && text.charCodeAt(end) !== LINE_FEED && text.charCodeAt(end) !== CARRIAGE_RETURN) end++;
  const line = text.slice(from, end);
  return RULE_CHARACTERS.test(line) && RULE_STROKE.test(line);
}

/** True when the bars of the line starting at `from` are no cell boundaries: the line holds a tab, or its bars are OCR'd ones. */
function barsAreContent(text: string, from: number): boolean {
  let end = from;
  let bars = false;
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end);
    if (code === TAB) return true;
    if (code === LINE_FEED || code === CARRIAGE_RETURN) break;
    if (code === PIPE) bars = true;
  }
  return bars && !pipesSeparateCells(text.slice(from, end));
}

/**
 * A unit cell, one space, then a value or a no-value mark ("条 1683", "万元 15.3", "件 /"): pdftotext's reading order
 * prints a row's unit and value cells on one line that way.
 */
const UNIT_THEN_VALUE = new RegExp(`^(\\s*(?:${LIST_UNITS.join('|')}))([ \u00a0])(?=(?:${VALUE_PATTERN_SOURCE}\\s*(?:${LIST_UNITS.join('|')})?|[\\/\\\\／＼\\-－—―]+)\\s*$)`, 'u');

/**
 * A value cell named by its column header and unit, glued to the value ("统计数（条）376", "（件）38"): a page printing
 * each row as a card of name and value pairs. Cut after the bracket: the unit, then the value.
 */
const HEADED_UNIT = `(?:统计数|数量|数值)?[（(](?:${LIST_UNITS.join('|')})[)）]`;
const HEADED_VALUE = new RegExp(`^(\\s*${HEADED_UNIT})(?=\\s*(?:${VALUE_PATTERN_SOURCE}|[\\/\\\\／＼\\-－—―]+|无)\\s*$)`, 'u');
const HEADED_UNIT_CELL = new RegExp(`^${HEADED_UNIT}$`, 'u');

/** The unit a unit cell prints: "统计数（元）" and "（元）" print 元. */
export function bareUnit(content: string): string {
  const compact = content.replace(/\s+/gu, '');
  return HEADED_UNIT_CELL.test(compact) ? compact.replace(/^[^（(]*[（(]/u, '').replace(/[)）]$/u, '') : compact;
}

/** A run of two or more spaces (or one ideographic space) inside a cell: a gap between printed columns. */
const COLUMN_GAP = /(?:[ \u00a0]{2,}|\u3000)[\s\u00a0\u3000]*/gu;

/**
 * Where a cell printed as display columns (pdftotext -layout: "（一）主动公开政府信    条     1683") splits
 * into its cells. Only when every piece after the first is a unit, a number or a no-value mark, or every piece
 * is a header word: a label with wide spaces inside, or running text, stays one cell.
 */
function alignedColumnGaps(text: string, start: number, end: number): { start: number; end: number }[] {
  const content = text.slice(start, end);
  if (!/\S(?:[ \u00a0]{2,}|\u3000)/u.test(content.trimEnd())) return [];
  const gaps: { start: number; end: number }[] = [];
  const leading = /^[\s\u00a0\u3000]*/u.exec(content)![0].length;
  const trailing = content.length - content.trimEnd().length;
  for (const match of content.matchAll(COLUMN_GAP)) {
    const at = match.index;
    if (at < leading || at + match[0].length > content.length - trailing) continue;
    gaps.push({ start: start + at, end: start + at + match[0].length });
  }
  if (gaps.length === 0) return [];
  const pieces: ListCellKind[] = [];
  let from = start;
  for (const gap of [...gaps, { start: end, end }]) {
    pieces.push(classifyCellContent(text.slice(from, gap.start).trim()));
    from = gap.end;
  }
  const allHeaders = pieces.every((kind) => kind === 'header');
  const columns = pieces.slice(1).every((kind) => kind === 'unit' || kind === 'number' || kind === 'dash');
  return allHeaders || columns ? gaps : [];
}

/** The index of the cell containing text position `position` (cells tile the text), by binary search. */
export function cellIndexAt(cells: readonly ListCell[], position: number): number {
  let low = 0;
  let high = cells.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (cells[middle]!.outerStart <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}
