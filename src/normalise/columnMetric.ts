/**
 * How a text laid out in display columns measures them: in characters (`pdftotext -layout`: one grid cell a
 * character, whatever its width) or in display width (tools that give CJK and full-width forms two columns). The two
 * differ only past CJK words, so a row's label shifts its numbers in the one and not in the other.
 */
export type ColumnMetric = 'chars' | 'display';

/** Display width of one character: CJK and full-width forms two columns, everything else one. */
export function characterWidth(codePoint: number): number {
  return codePoint >= 0x2e80 ? 2 : 1;
}

/** Display width of a text. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += characterWidth(character.codePointAt(0)!);
  return width;
}

/** Longest line looked at: a table row laid out on a page is far shorter (a flattened table is one long line). */
export const MAX_LINE = 400;

/**
 * The metric in which a text's table rows line up: rows whose labels differ in length put their numbers in the same
 * columns in the right metric only. Counted over consecutive lines of words and numbers (a table's rows, a list's
 * label, unit and value): the number ends one line shares with the next, in each metric; characters when they tie
 * (pdftotext's grid).
 */
export function columnMetric(text: string): ColumnMetric {
  return measuredMetric(text) ?? 'chars';
}

/**
 * The metric the text's rows show, or undefined when they show none (no two lines share a number end in either
 * metric more often than in the other): a caller with a default of its own keeps it then.
 */
export function measuredMetric(text: string): ColumnMetric | undefined {
  // Asked again for the same texts by each section's check (parse/grid/digitsAboveOrBelow), for the decoded text and
  // the normalised one in turn: the last two answers are kept.
  for (const entry of recent) if (entry.text === text) return entry.metric;
  const metric = measureColumnMetric(text);
  recent.unshift({ text, metric });
  recent.length = Math.min(recent.length, RECENT_TEXTS);
  return metric;
}

const RECENT_TEXTS = 2;

/** Lines between two rows of one table at most: a row's label may wrap over a few lines around its numbers. */
const MAX_ROW_DISTANCE = 6;
const recent: { text: string; metric: ColumnMetric | undefined }[] = [];

function measureColumnMetric(text: string): ColumnMetric | undefined {
  let charsScore = 0;
  let displayScore = 0;
  let previous: LineEnds | undefined;
  let lineNumber = 0;
  let lineStart = 0;
  // One pass over the text (measured once a document, it took a twentieth of extraction split into lines and words):
  // a line ends at LF, CR LF, a bare CR or a form feed (pdftotext writes one before a page's first line: no column).
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : LINE_FEED;
    if (code !== LINE_FEED && code !== CARRIAGE_RETURN && code !== FORM_FEED) continue;
    const lineEnd = index;
    if (code === CARRIAGE_RETURN && text.charCodeAt(index + 1) === LINE_FEED) index++;
    const ends = lineEnd - lineStart <= MAX_LINE ? numberEnds(text, lineStart, lineEnd) : undefined;
    if (ends) {
      // Only rows of one table line up: a title's year far above a table's first row ending in the same column tells
      // nothing (seed 4575, variant 663: the title's "2020" made a display-width table measure in characters).
      if (previous && lineNumber - previous.line <= MAX_ROW_DISTANCE) {
        for (const end of ends.chars) if (previous.chars.includes(end)) charsScore++;
        for (const end of ends.display) if (previous.display.includes(end)) displayScore++;
      }
      previous = { chars: ends.chars, display: ends.display, line: lineNumber };
    }
    lineNumber++;
    lineStart = index + 1;
  }
  return displayScore > charsScore ? 'display' : charsScore > displayScore ? 'chars' : undefined;
}

interface LineEnds {
  /** Where the line's numbers end, in characters from its start and in display columns. */
  readonly chars: number[];
  readonly display: number[];
  readonly line: number;
}

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const FORM_FEED = 12;

/**
 * The ends of the numbers (runs of ASCII or full-width digits between blanks) of text[from, to), in both metrics;
 * undefined unless the line holds numbers and words both (a table row: its label and values).
 */
function numberEnds(text: string, from: number, to: number): Omit<LineEnds, 'line'> | undefined {
  let chars: number[] | undefined;
  let display: number[] | undefined;
  let words = false;
  let displayX = 0;
  let inWord = false;
  let digits = true;
  for (let index = from; index <= to; index++) {
    const code = index < to ? text.charCodeAt(index) : SPACE;
    if (!isBlank(code)) {
      if (!inWord) {
        inWord = true;
        digits = true;
      }
      if (digits && !isDigit(code)) digits = false;
    } else if (inWord) {
      inWord = false;
      if (digits) {
        (chars ??= []).push(index - from);
        (display ??= []).push(displayX);
      } else words = true;
    }
    // A surrogate pair is one character two columns wide: its high half counts, its low half not.
    if (index < to && !(isLowSurrogate(code) && index > from && isHighSurrogate(text.charCodeAt(index - 1)))) displayX += characterWidth(code);
  }
  return chars && display && words ? { chars, display } : undefined;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const SPACE = 32;

function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** JavaScript's \s: the blanks that separate words. */
function isBlank(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f
    || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
