import { isLetterBesideDigits, isUnitToken, isValueText } from '../grid/isValueText.ts';
import { openingBarWrapped, tabsInRow } from '../linesBeside.ts';
import { LONE_ONE } from '../grid/splitRowParts.ts';
import { digitsWrappedIntoLetters } from './digitsWrappedIntoLetters.ts';
import { BLANK_MARK_CHARACTER, blankMarkRunAt, longDashCellsAt, SLASH_MARK, slashAmongNumbers } from './slashMark.ts';
import type { Token, ValueToken } from './Token.ts';
import { closesCellsWithBars, pipesSeparateCells } from '../grid/pipesSeparateCells.ts';
import { rowsWithStrayBars } from '../grid/rowsWithStrayBars.ts';
import { pipeEdges } from '../grid/readGridRows.ts';
import { markBlankLineCells, type LineTokens } from './markBlankLineCells.ts';
import { markSpacedCells, regionSeparator } from './markSpacedCells.ts';
import { numberedHeaders } from './numberedHeaders.ts';
import { cutOrdinalsAsText } from './cutOrdinalsAsText.ts';
import { loneOnesBeforeValues } from './loneOnesBeforeValues.ts';

/** A line that is only page furniture: "- 3 -", "第 3 页", "第3页 共12页", "3/12". */
const DEBRIS_LINE = /^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页)\s*$/u;
/** Longest line tested for being page furniture alone. */
const MAX_DEBRIS_LINE = 40;
/**
 * Page furniture inside a line (a page break flattened into running text): "- 3 -" (one space each side of the
 * number, as a footer prints it: "—   3   —" is a row's blank mark, value and blank mark laid out in columns) after a
 * space and before a space or the next row's label or value ("- 3 -（四）无法提供", "- 2 -2.其他…", "- 2 -2820294": a dash alone may be a blank mark
 * or a sign, but not spaced from one number and run into the next), also run
 * into the value before it ("0- 5 - 0": a blank mark or a sign is never glued after a digit) or the label before it
 * ("申请数量- 2 - 0 0": spaced inside, glued outside, as no cell of a table is printed), and
 * "第3页" with a space on at least one side, even run into a value on the other ("0第2页 0"), or between two words
 * ("其他结果第6页尚未审结": spaces between Chinese words are gone once normalised), or before the next row's ordinal
 * whatever it follows ("不予公开第2页1.属于国家秘密", "0 0 1第3页（四）无法提供"): a table never prints it. Run into digits
 * on both sides ("00第3页004.") it is left to the readers of glued digits,
 * which read the run around it as one.
 */
const PAGE_OF = String.raw`第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?`;
/** The ordinal opening a row's label: "（四）", "1.", "2、" before its first word. */
const ROW_ORDINAL = String.raw`[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、]\s*\p{Script=Han}`;
const INLINE_DEBRIS = new RegExp(String.raw`(?:^|(?<=[\s\d\p{Script=Han}]))[-—–－]\s\d{1,4}\s[-—–－](?=\s|$|\d|[(（]|\p{Script=Han})|(?:^|(?<=\s))${PAGE_OF}|${PAGE_OF}(?=\s|$)|(?<=\p{Script=Han})${PAGE_OF}(?=\p{Script=Han})|${PAGE_OF}(?=${ROW_ORDINAL})`, 'gu');
/** A markdown rule line ("|---|:--:|") or a box-drawing line. */
const RULE_LINE = /^[\s|:+\-–—─━=]*$/u;
/**
 * A rule line draws at least one long dash run or two dash runs ("|---|---|", "+-+-+"): one short run in a cell
 * ("- |", "— |", one cell per line) is a blank mark, not a rule.
 */
function isRuleLine(content: string): boolean {
  if (!RULE_LINE.test(content)) return false;
  const runs = content.match(/[-–—─━=]+/gu) ?? [];
  return runs.length >= 2 || runs.some((run) => run.length >= 3);
}
/**
 * A number inside a word: optional sign, digits (OCR letters for 0 and 1 between digits, "67O3763", or before
 * them, "O2." for a 0 glued to the next row's ordinal), decimals (OCR letters between their digits too), then an
 * optional unit glued to it; OCR letters at the end of the digits belong to the number when its unit follows them
 * or the word ends there ("l381o0O元" is 1381000 元, "26.7I万元" 26.71 万元), never left as a lone 1 of their own.
 */
const NUMBER_IN_WORD = /[+\-]?(?:[Oo〇Il]+(?=\d))?\d+(?:[Oo〇Il]+\d+)*(?:[.,]\d+(?:[Oo〇Il]+\d+)*)*(?:[Oo〇Il]+(?=万元|元|件|项|个|条|$))?(?:万元|元|件|项|个|条)?/gu;
/**
 * Letters OCR prints for digits at the start of a word, then a row ordinal: for 0 ("O（五）", "o四、"), for 1 ("l（五）"),
 * or for a number of two digits or more ("Il（六）" for 11).
 */
const OCR_ZERO_BEFORE_ORDINAL = /^(?:[Oo〇]+|[Oo〇Il]{2,}|[Il])(?=[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,2}、)/u;
/** Letters OCR prints for 0 and 1. */
const OCR_DIGIT = /[Oo〇Il]/u;
const OCR_LETTERS_THEN_DIGIT = /^[Oo〇Il]+\d/u;
/** A row ordinal printed alone: "2." "3、" before a label. */
const ORDINAL_WORD = /^\d{1,2}[.、．]$/u;
const HAN_START = /^\p{Script=Han}/u;
/** A row ordinal inside a text: "(六)", "（七）", "四、" (not "第二十条第(五)项", whose ordinal follows 第). */
const INNER_ROW_ORDINAL = /(?<!第)(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,2}、)/gu;
/**
 * INNER_ROW_ORDINAL, or a numbered sub-row's ordinal run into the label before it ("…国家秘密2.其他法律…", rows
 * printed without values and flattened into one word): each label then anchors its own row.
 */
const INNER_ROW_ORDINAL_ANY = new RegExp(String.raw`${INNER_ROW_ORDINAL.source}|(?<=[\p{Script=Han}”」）)])\d{1,2}[.、．](?=\p{Script=Han})`, 'gu');
/**
 * Where a word of labels is cut into text tokens: before a row ordinal (INNER_ROW_ORDINAL_ANY), and after a colon
 * followed by words ("行政规范性文件:本年制发件数", "(一)予以公开:自然人": a row printed as a sentence names its cells).
 */
const LABEL_PIECE_BREAK = new RegExp(String.raw`${INNER_ROW_ORDINAL_ANY.source}|(?<=:)(?=\p{Script=Han})`, 'gu');

/**
 * Reduces a region of normalised text to tokens in reading order. Lines with tabs or pipes are cut into cells
 * (an empty cell between two boundaries becomes an `empty` token; a boundary at the line's edge does not);
 * other lines into words. Page furniture is dropped; numbers in brackets ("计1条") and ordinals printed alone
 * ("2. 没有现成信息") are text; a number glued to a following ordinal ("172.没有…") is marked so the solver
 * can cut the ordinal off. Line breaks produce nothing: a row wrapped over lines reads as one. `pageMarkers`, when
 * given, receives each "- 3 -" dropped as page furniture as the three tokens it also reads as (a blank mark, a value
 * and a blank mark), outside the stream: the solver may put them back where a row does not fit without them.
 */
export function tokeniseRegion(text: string, start: number, end: number, pageMarkers?: ValueToken[]): Token[] {
  const tokens: Token[] = [];
  const lines: LineTokens[] = [];
  let lineStart = start;
  let line = 0;
  let previousContent = '';
  const loneBarIsOne = !closesCellsWithBars(text, start, end);
  const region = text.slice(start, end);
  const barred = region.includes('|') || region.includes('｜');
  // Lines as the loop below counts them: CR and LF each end one.
  const strayLines = barred ? rowsWithStrayBars(region.split(/[\r\n]/u)) : new Set<number>();
  // Where pipe rows close with a pipe only when their last cell is blank, that pipe is no edge but the cell's (and a
  // row opening with a pipe opens with an empty cell): read as the grid reader reads them.
  const edges = barred ? pipeEdges(text, start, end) : { outerPipes: true, closingPipes: true };
  // Cells joined by a separator wider than a space throughout (two ideographic spaces): its repeats are empty cells.
  const separator = regionSeparator(region);
  while (lineStart < end) {
    let lineEnd = lineStart;
    while (lineEnd < end && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    const first = tokens.length;
    const content = text.slice(lineStart, lineEnd);
    // The rest of a rule line a hard wrap broke ("|---|---|-" / "--|"): no blank-mark cell.
    if (!(isRuleLine(previousContent) && /[-–—─━=]$/u.test(previousContent.trimEnd()) && RULE_LINE.test(content) && /[-–—─━=]/u.test(content))) {
      // A bar alone on its line is a blank cell where cells close with bars ("0 |" / "|"), else the OCR'd 1 it looks like.
      if (loneBarIsOne && content.trim() === '|') {
        const at = lineStart + content.indexOf('|');
        tokens.push({ kind: 'value', raw: '|', start: at, end: at + 1, line, inCell: false, ordinalTail: false, glued: false });
      } else if (!loneBarIsOne && content.trim() === '|') {
        if (!openingBarWrapped(text, lineEnd, end, region)) tokens.push({ kind: 'empty', start: lineStart + content.indexOf('|'), end: lineStart + content.indexOf('|'), line });
      } else if (!loneBarIsOne && BARS_ONLY.test(content)) {
        // Bars alone where cells close with bars ("||||" under "行政复议 |"): a merged cell's padding, no blank cells.
      } else if (content.trim() !== '' || tabsInRow(text, lineStart, lineEnd, end)) tokeniseLine(text, lineStart, lineEnd, line, tokens, pageMarkers, edges, separator);
    }
    if (strayLines.has(line)) markStrayBars(tokens, first);
    if (content.trim() !== '') previousContent = content;
    lines.push({ start: lineStart, first, count: tokens.length - first, blank: content.trim() === '', pageBreak: content.includes('\f') });
    lineStart = lineEnd + 1;
    line++;
  }
  return markBlankLineCells(digitsWrappedIntoLetters(loneOnesBeforeValues(cutOrdinalsAsText(tokens))), lines);
}

/** A line of two or more bars and nothing else (the grid reader's pipe-padding). */
const BARS_ONLY = /^[^\S\n]*\|{2,}[^\S\n]*$/u;

/** The value and empty tokens from `first` on, of a line holding a bar that is no cell boundary (rowsWithStrayBars). */
function markStrayBars(tokens: Token[], first: number): void {
  for (let index = first; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind !== 'text') tokens[index] = { ...token, strayBars: true };
  }
}

function tokeniseLine(
  text: string,
  start: number,
  end: number,
  line: number,
  tokens: Token[],
  pageMarkers: ValueToken[] | undefined,
  edges: { readonly outerPipes: boolean; readonly closingPipes: boolean },
  separator: number,
): void {
  const content = text.slice(start, end);
  if (content.length <= MAX_DEBRIS_LINE && DEBRIS_LINE.test(content)) return;
  // Bars cut cells unless each touches a number on one side only (OCR'd ones: "行政处罚 8|"); a line with tabs is cut
  // at its tabs only, as the grid reader cuts it (a bar among its digits is an OCR'd 1: "|927").
  const tabbed = content.includes('\t');
  const barred = !tabbed && content.includes('|') && pipesSeparateCells(content);
  const celled = tabbed || barred;
  if (celled && isRuleLine(content)) return;
  if (!celled) {
    const first = tokens.length;
    tokenisePiece(text, start, end, line, false, tokens, pageMarkers, separator);
    markSpacedCells(text, tokens, first, separator);
    return;
  }
  const pieces: { start: number; end: number }[] = [];
  let pieceStart = start;
  for (let index = start; index <= end; index++) {
    if (index === end || text[index] === '\t' || (barred && text[index] === '|')) {
      pieces.push({ start: pieceStart, end: index });
      pieceStart = index + 1;
    }
  }
  const firstToken = tokens.length;
  const headers = numberedHeaders(text, pieces);
  pieces.forEach((piece, index) => {
    const blank = text.slice(piece.start, piece.end).trim() === '';
    if (blank) {
      // An empty piece at the line's edge is the edge of the table (| a | b |), not a cell; but cells rendered from
      // HTML are joined by tabs, so an empty piece after the last tab is the row's last, blank, cell.
      const inside = index > 0 && index < pieces.length - 1;
      const lastTabCell = index === pieces.length - 1 && index > 0 && text[piece.start - 1] === '\t';
      // (Only in a row of cells: a cell alone closed by a bar, "0 |", is one cell of a row broken a cell a line.)
      const rowOfCells = barred && pieces.length > 2;
      const lastPipeCell = rowOfCells && !edges.closingPipes && index === pieces.length - 1;
      const firstPipeCell = rowOfCells && !edges.outerPipes && index === 0;
      if (inside || lastPipeCell || firstPipeCell) tokens.push({ kind: 'empty', start: piece.start, end: piece.start, line });
      else if (lastTabCell) tokens.push({ kind: 'empty', start: piece.start, end: piece.start, line, lineEnd: true });
      return;
    }
    const trimmed = text.slice(piece.start, piece.end).trim();
    if (headers.has(index)) {
      const offset = piece.start + text.slice(piece.start, piece.end).indexOf(trimmed);
      tokens.push({ kind: 'text', text: trimmed, start: offset, end: offset + trimmed.length, line });
      return;
    }
    if (LONE_ONE.test(trimmed)) {
      // A letter alone in a cell of a row of numbers is the OCR'd 1 it stands for (makeCellReading reads it so).
      const offset = piece.start + text.slice(piece.start, piece.end).indexOf(trimmed);
      tokens.push({ kind: 'value', raw: trimmed, start: offset, end: offset + trimmed.length, line, inCell: true, ordinalTail: false, glued: false });
      return;
    }
    tokenisePiece(text, piece.start, piece.end, line, true, tokens, pageMarkers);
  });
  // A tab line opening with an empty piece: an empty label column, or (a row with no label) its first blank cell.
  const first = tokens[firstToken];
  if (tabbed && pieces.length > 1 && text.slice(pieces[0]!.start, pieces[0]!.end).trim() === '' && first && first.kind !== 'text') {
    tokens[firstToken] = { ...first, afterLeadingEmpty: true };
  }
}

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** True when the words from `from` on start with a number, after any letters alone that stand for 1. */
function numberFollows(words: readonly Word[], from: number): boolean {
  for (let index = from; index < words.length; index++) {
    const text = words[index]!.text;
    if (isValueText(text)) return true;
    if (!LONE_ONE.test(text)) return false;
  }
  return false;
}

function tokenisePiece(
  text: string,
  start: number,
  end: number,
  line: number,
  inCell: boolean,
  tokens: Token[],
  pageMarkers: ValueToken[] | undefined,
  separator = 1,
): void {
  const slice = text.slice(start, end);
  const content = /[页\-—–－]/u.test(slice)
    ? slice.replace(INLINE_DEBRIS, (match: string, offset: number) => {
      if (separatedCells(match, separator)) return match;
      if (pageMarkers) pageMarkers.push(...dashMarkerTokens(match, start + offset, line, inCell));
      return ' '.repeat(match.length);
    })
    : slice;
  const words: Word[] = [];
  const wordPattern = /\S+/gu;
  for (let match = wordPattern.exec(content); match; match = wordPattern.exec(content)) {
    words.push({ text: match[0], start: start + match.index, end: start + match.index + match[0].length });
  }
  // A bracket left open by a wrapped label ("（区分处理的，只计这一情形，不") must not swallow the values after it:
  // a number counts as bracketed only inside its own word ("（…计1条）").
  const depth = 0;
  words.forEach((word, index) => {
    const next = words[index + 1];
    const previous = tokens[tokens.length - 1];
    // A letter alone among numbers is the OCR'd 1 it stands for (makeCellReading reads it so), also when the next
    // number is itself behind such letters ("I l 26" for 1 1 26).
    const loneOne = LONE_ONE.test(word.text) && (previous?.kind === 'value' || numberFollows(words, index + 1));
    if (depth === 0 && (loneOne || isValueText(word.text))) {
      tokens.push({ kind: 'value', raw: word.text, start: word.start, end: word.end, line, inCell, ordinalTail: false, glued: false });
      return;
    }
    if (depth === 0 && isUnitToken(word.text)) {
      const previous = tokens[tokens.length - 1];
      if (previous?.kind === 'value' && /\d$/u.test(previous.raw)) {
        tokens[tokens.length - 1] = { ...previous, raw: text.slice(previous.start, word.end), end: word.end };
        return;
      }
    }
    if (depth === 0 && ORDINAL_WORD.test(word.text) && next && HAN_START.test(next.text)) {
      tokens.push({ kind: 'text', text: word.text, start: word.start, end: word.end, line });
      return;
    }
    scanWord(word, line, inCell, depth, tokens);
  });
}

/**
 * Whether a "— 8 —" is three cells of a region whose cells are joined by a separator wider than a space (two blank
 * marks and a value, "5  —  —  8  —  —  13"): the separator stands on both sides of the number, as between any two
 * cells there, where a page marker keeps its own single spaces.
 */
function separatedCells(match: string, separator: number): boolean {
  if (separator < 2) return false;
  const spaced = /^[-—–－]( +)\d{1,4}( +)[-—–－]$/u.exec(match);
  return spaced !== null && spaced[1]!.length === separator && spaced[2]!.length === separator;
}

/**
 * Cuts a word mixing words and numbers ("数量28", "172.没有现成信息", "12（二）") into text and value tokens;
 * numbers inside brackets stay text. Returns the bracket depth after the word.
 */
function scanWord(word: Word, line: number, inCell: boolean, depthBefore: number, tokens: Token[]): number {
  let depth = depthBefore;
  let textStart = 0;
  const flushText = (until: number): void => {
    if (until <= textStart) return;
    // Labels run together ("…已获取信息(六)其他处理(七)总计") are cut before each row ordinal.
    const piece = word.text.slice(textStart, until);
    let from = 0;
    for (const match of piece.matchAll(LABEL_PIECE_BREAK)) {
      if (match.index === 0) continue;
      tokens.push({ kind: 'text', text: piece.slice(from, match.index), start: word.start + textStart + from, end: word.start + textStart + match.index, line });
      from = match.index;
    }
    tokens.push({ kind: 'text', text: piece.slice(from), start: word.start + textStart + from, end: word.start + until, line });
  };
  let index = 0;
  // An OCR'd 0 run into the next row's bracketed ordinal ("O（五）不予处理", as "0（五）…") is that row's value.
  const ocrZero = depth === 0 ? OCR_ZERO_BEFORE_ORDINAL.exec(word.text) : null;
  if (ocrZero) {
    const length = ocrZero[0].length;
    tokens.push({ kind: 'value', raw: ocrZero[0], start: word.start, end: word.start + length, line, inCell, ordinalTail: false, glued: false });
    index = length;
    textStart = length;
  }
  while (index < word.text.length) {
    const character = word.text[index]!;
    if (character === '(' || character === '（' || character === '[' || character === '【') depth++;
    else if (character === ')' || character === '）' || character === ']' || character === '】') depth = Math.max(0, depth - 1);
    // A row of blank cells glued between labels ("…情形）-------（三）…"): each mark a blank cell; a blank cell's long dash
    // among numbers ("40—3700077": 40, blank, 37, …), one cell a dash or a pair (longDashCellsAt).
    const blankMarks = depth === 0 ? blankMarkRunAt(word.text, index) : 0;
    const marks = blankMarks > 0 ? { length: blankMarks, cells: blankMarks } : depth === 0 ? longDashCellsAt(word.text, index) : undefined;
    if (marks) {
      flushText(index);
      const width = marks.length / marks.cells;
      for (let from = index; from < index + marks.length; from += width) {
        tokens.push({ kind: 'value', raw: word.text.slice(from, from + width), start: word.start + from, end: word.start + from + width, line, inCell, ordinalTail: false, glued: false });
      }
      index += marks.length;
      textStart = index;
      continue;
    }
    // Cells glued with no space between them print a blank cell's slash as one character among the digits
    // ("0//0//0": 0, blank, blank, 0, …): each slash that touches a number or another such slash is a blank cell.
    if (depth === 0 && SLASH_MARK.test(character) && slashAmongNumbers(word.text, index)) {
      flushText(index);
      tokens.push({ kind: 'value', raw: character, start: word.start + index, end: word.start + index + 1, line, inCell, ordinalTail: false, glued: false });
      index++;
      textStart = index;
      continue;
    }
    // OCR letters then digits ("Io5" for 105) begin a number, unless the letters end a Latin word.
    const ocrDigitsStart = OCR_DIGIT.test(character) && OCR_LETTERS_THEN_DIGIT.test(word.text.slice(index, index + 8)) && !/[A-Za-z]/u.test(word.text[index - 1] ?? '');
    if (depth === 0 && (/[+\-\d]/u.test(character) || ocrDigitsStart)) {
      NUMBER_IN_WORD.lastIndex = index;
      const match = NUMBER_IN_WORD.exec(word.text);
      if (match && match.index === index && /\d/u.test(match[0])) {
        const after = word.text.slice(index + match[0].length);
        const ordinalFollows = /^[.、．]\s*\p{Script=Han}/u.test(after) || (/^[.、．]$/u.test(after));
        const digitsOnly = /^\d+$/u.test(match[0]);
        // "O2." is an OCR'd 0 glued to the ordinal 2. as much as "02." is.
        const digitsOrOcr = /^[\dOo〇Il]+$/u.test(match[0]);
        const previousCharacter = word.text[index - 1];
        // "…处理3.其他": a short number glued between words, followed by an ordinal mark, is the ordinal.
        if (ordinalFollows && digitsOnly && match[0].length <= 2 && previousCharacter !== undefined && /\p{Script=Han}/u.test(previousCharacter)) {
          index += match[0].length;
          continue;
        }
        flushText(index);
        tokens.push({
          kind: 'value',
          raw: match[0],
          start: word.start + index,
          end: word.start + index + match[0].length,
          line,
          inCell,
          ordinalTail: ordinalFollows && digitsOrOcr,
          // A slash mark beside it is a blank cell: the number is a cell of its own, not a run glued between words.
          glued: index > 0 && index + match[0].length < word.text.length && !/^\d/u.test(word.text[index - 1]!)
            && !(SLASH_MARK.test(word.text[index - 1]!) || (BLANK_MARK_CHARACTER.test(word.text[index - 1]!) && tokens[tokens.length - 1]?.kind === 'value'))
            && !SLASH_MARK.test(word.text[index + match[0].length]!),
          ...(index > 0 && /\p{Script=Han}/u.test(word.text[index - 1]!) ? { afterWords: true } : {}),
          // (So does a decimal point ending a cell's word, "138.|" for 138.1 with its 1 OCR'd as the bar that closes
          // the cell: the number went on past it. Adversarial seed 4832, ocr-letters: 138 committed for 138.1.)
          ...(isLetterBesideDigits(word.text[index - 1]) || isLetterBesideDigits(word.text[index + match[0].length])
            || (inCell && index + match[0].length === word.text.length - 1 && /[.．]/u.test(word.text[word.text.length - 1]!)) ? { lettersBeside: true } : {}),
        });
        index += match[0].length;
        // The ordinal mark after a glued number belongs to the next label.
        textStart = index;
        continue;
      }
    }
    index++;
  }
  flushText(word.text.length);
  return depth;
}

/** "- 3 -" read as what it also is, a blank mark, a value and a blank mark ("5 - 1 - - - 6"), for pageMarkers. */
function dashMarkerTokens(match: string, start: number, line: number, inCell: boolean): ValueToken[] {
  const parts = /^([-—–－])(\s+)(\d{1,4})(\s+)[-—–－]$/u.exec(match);
  if (!parts) return [];
  const numberStart = start + parts[1]!.length + parts[2]!.length;
  const token = (from: number, raw: string): ValueToken => ({ kind: 'value', raw, start: from, end: from + raw.length, line, inCell, ordinalTail: false, glued: false });
  return [token(start, parts[1]!), token(numberStart, parts[3]!), token(start + match.length - 1, match.slice(-1))];
}
