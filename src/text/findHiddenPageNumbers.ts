import { readBareNumberPages } from './bareNumberPages.ts';

/**
 * A page number the text should hold but does not show as a marker: where the document prints its page numbers
 * ("第5页", "- 6 -") and one is missing from the sequence, that page's number is still somewhere between its
 * neighbours' markers, printed bare ("7") and perhaps run into a value ("198" + "2" → "1982"). Nothing in the
 * value itself shows that; where no rule checks the cell, the missing number is its only warning.
 */
export interface HiddenPageNumber {
  readonly page: number;
  /** The span of the decoded text the number must stand in: between the markers of the pages around it. */
  readonly start: number;
  readonly end: number;
}

/**
 * A page marker printed inline or on its own line: "第 5 页" (not "共 5 页"), "- 5 -", "— 5 —". Spaced inside, the
 * dashes mark a page number even run into the digits around it ("人数0- 4 -2.兼职", a flattened table's value and
 * next ordinal); unspaced ("-5-"), only apart from digits, not to be taken from a date or a range.
 */
const PAGE_MARKER = /第\s*(\d{1,3})\s*页|(?<![\d\-—–―─])[\-—–―─]{1,2}(\d{1,3})[\-—–―─]{1,2}(?![\d\-—–―─])|(?<![\-—–―─])[\-—–―─]{1,2}(?:[^\S\n]+(\d{1,3})[^\S\n]*|(\d{1,3})[^\S\n]+)[\-—–―─]{1,2}(?![\-—–―─])/gu;
/**
 * Below the first marker the report may count from 1; further back than this it is a part of a longer volume. A
 * report's tables stand on its first pages, and a flattening may keep one marker of them only ("第6页", pages 2 to 5
 * bare among the glued cells: seed 4708, variant 616 committed "行政强制20", page 2 run into 0, as 20).
 */
const MAX_PAGES_BEFORE_FIRST = 8;
/** After the last marker, the pages whose numbers may be printed bare. */
const PAGES_AFTER_LAST = 2;

interface Marker {
  readonly page: number;
  readonly start: number;
  readonly end: number;
}

/** The page numbers missing from the document's sequence of page markers, each with the span it must be in. */
export function findHiddenPageNumbers(text: string): HiddenPageNumber[] {
  const markers: Marker[] = [];
  for (const match of text.matchAll(PAGE_MARKER)) {
    if (amongSeparatedCells(text, match.index, match.index + match[0].length)) continue;
    const page = Number(match[1] ?? match[2] ?? match[3] ?? match[4]);
    const last = markers[markers.length - 1];
    // A sequence runs forward: a number not above the last one is a repeated footer or not a page number.
    if (page < 1 || (last && page <= last.page)) continue;
    markers.push({ page, start: match.index, end: match.index + match[0].length });
  }
  const first = markers[0];
  const last = markers[markers.length - 1];
  // Footers printed on lines of their own (a page's last line) leave a missing one there too, never run into a
  // value: only text that runs its page numbers into its lines may hide one in a value.
  if (!first || !last || !markers.some((marker) => inline(text, marker))) return [];
  const hidden: HiddenPageNumber[] = [];
  if (first.page - 1 <= MAX_PAGES_BEFORE_FIRST) {
    for (let page = 1; page < first.page; page++) hidden.push({ page, start: 0, end: first.start });
  }
  markers.forEach((marker, index) => {
    const next = markers[index + 1];
    if (!next) return;
    for (let page = marker.page + 1; page < next.page; page++) hidden.push({ page, start: marker.end, end: next.start });
  });
  // The pages after the last marker may have printed their numbers bare too (the next two: a table's last pages).
  for (let page = last.page + 1; page <= last.page + PAGES_AFTER_LAST; page++) hidden.push({ page, start: last.end, end: text.length });
  return hidden;
}

/**
 * Whether a "-　1　-" is three cells of a row whose cells are joined by a separator other than one space (an
 * ideographic space, two spaces): the same separator inside it and on both sides ("5　-　1　-　6": two blank marks and
 * a value), where a page marker keeps its own spaces, whatever joins the text around it.
 */
function amongSeparatedCells(text: string, start: number, end: number): boolean {
  const inner = /^[-—–―─]{1,2}([^\S\n]+)\d{1,3}([^\S\n]+)[-—–―─]{1,2}$/u.exec(text.slice(start, end));
  if (!inner || inner[1] !== inner[2] || inner[1] === ' ') return false;
  const separator = inner[1]!;
  return text.slice(start - separator.length, start) === separator && text.slice(end, end + separator.length) === separator;
}

/** Whether the marker shares its line with other text. */
function inline(text: string, marker: Marker): boolean {
  // The decoded text may still end its lines with a bare CR.
  const lineStart = Math.max(text.lastIndexOf('\n', marker.start - 1), text.lastIndexOf('\r', marker.start - 1)) + 1;
  const ends = [text.indexOf('\n', marker.end), text.indexOf('\r', marker.end)].filter((index) => index >= 0);
  const before = text.slice(lineStart, marker.start);
  const after = text.slice(marker.end, ends.length > 0 ? Math.min(...ends) : text.length);
  return /\S/u.test(`${before}${after}`.replace(/\f/gu, ''));
}

/**
 * Whether the number printed at [start, end) of the text may be a value with a hidden page number run into it:
 * its digits start or end with the number's, with digits left over, and it stands where that number must be.
 */
export function mayHoldHiddenPageNumber(text: string, start: number, end: number, hidden: readonly HiddenPageNumber[]): boolean {
  if (hidden.length === 0 || end <= start) return false;
  const digits = printedDigits(text, start, end);
  return hidden.some(({ page, start: from, end: to }) => {
    const pageDigits = String(page);
    return start >= from && start < to && digits.length > pageDigits.length
      && (digits.startsWith(pageDigits) || digits.endsWith(pageDigits));
  });
}

/**
 * Whether the number printed at [start, end) of the text is itself a hidden page number: its digits are the
 * number's, where that number must stand ("件2 0 1.按时办结数": page 2 printed bare before the value 0).
 */
export function isHiddenPageNumber(text: string, start: number, end: number, hidden: readonly HiddenPageNumber[]): boolean {
  if (hidden.length === 0 || end <= start) return false;
  const digits = printedDigits(text, start, end);
  return hidden.some(({ page, start: from, end: to }) => start >= from && start < to && digits === String(page));
}

/** The digits printed at [start, end), full-width ones as ASCII, nothing else. */
export function printedDigits(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/[０-９]/gu, (digit) => String(digit.charCodeAt(0) - 0xff10)).replace(/[^0-9]/gu, '');
}

/** A number after spaces, run into nothing before it but words, not a year: where a bare page number may open ("件 30"). */
const SPACED_NUMBER = /(?<=[^\s0-9０-９])[^\S\n\r]+([0-9０-９]{1,6})(?![0-9０-９]|\s*年)/gu;
/** Longest spaced number a lone page number may open (the page's digits and a short value or ordinal run into them). */
const MAX_LONE_PAGE_DIGITS = 2;
/** How far after a lone page number the next page's is looked for: about a page of text run together. */
const NEXT_PAGE_REACH = 1_500;
/** Tags of a web page or a Word file's HTML. */
const MARKUP = /<(?:td|th|tr|table|p|div|span|br)\b/iu;
/** A number after spaces that follow a digit, in one line ("254 24"). */
const SPACED_AFTER_DIGITS = /(?<=[0-9０-９])[^\S\n\r]+([0-9０-９]{1,6})(?![0-9０-９]|\s*年)/gu;
/** Numbers in all below which a text is too short to tell how it separates its numbers. */
const MIN_DIGIT_RUNS = 20;
/** Share of numbers printed after a space or line break below which the text runs its numbers into its words. */
const MAX_SPACED_SHARE = 0.15;
/** Longest page number looked for at a spaced number's start. */
const MAX_PAGE_DIGITS = 2;

/**
 * Page numbers printed bare, with nothing to mark them, in text that runs its numbers into its words: there the few
 * numbers printed after a space stand out, and where their leading digits count on from one to the next (" 202.延期"
 * then " 30七、" on the next page: pages 2 and 3), they are the pages' numbers, each run into the value after it
 * ("件 30" for page 3 and the value 0). Returns each such page number with the span of the spaced number it opens.
 */
export function findBarePageNumbers(text: string): HiddenPageNumber[] {
  return readBarePageNumbers(text).found;
}

/**
 * The spaced numbers of a text that runs its numbers into its words, each with the page numbers its leading digits
 * may be; those that count on from one to the next (`found`), and the pages that follow a spaced number none counts on
 * from (`following`): there page 2 printed bare ("网络申请数件254 24.信函…": 254, page 2, the next row's 4.) says page 3 is
 * somewhere after it, perhaps run into a value ("举报投诉数量件30" for page 3 and 0), as a gap in a sequence of page
 * markers does (findHiddenPageNumbers).
 */
function readBarePageNumbers(text: string): { readonly found: HiddenPageNumber[]; readonly following: HiddenPageNumber[] } {
  // Numbers run into the word before them ("件0") against numbers after any space or line break (a cell of its own).
  const { glued, apart } = countDigitRuns(text);
  const digitRuns = glued + apart;
  if (digitRuns < MIN_DIGIT_RUNS || apart / digitRuns > MAX_SPACED_SHARE) return { found: [], following: [] };
  const spaced = [...text.matchAll(SPACED_NUMBER)].map((match) => {
    const digits = printedDigits(match[1]!, 0, match[1]!.length);
    const start = match.index + match[0].length - match[1]!.length;
    return { start, end: start + match[1]!.length, digits };
  });
  const pagesAt = spaced.map((spot) => leadingPages(spot.digits));
  const found: HiddenPageNumber[] = [];
  const following: HiddenPageNumber[] = [];
  // (Markup runs every number into a tag, "<td>142</td>": it is no text run together, and its spaced numbers are
  // attributes and layout, not pages.)
  const markup = MARKUP.test(text);
  spaced.forEach((spot, index) => {
    // A page number one below before it, or one above after it: the two count on.
    const page = pagesAt[index]!.find((candidate) => pagesAt.some((pages, other) =>
      (other < index && pages.includes(candidate - 1)) || (other > index && pages.includes(candidate + 1))));
    if (page !== undefined) found.push({ page, start: spot.start, end: spot.end });
    else if (!markup && spot.digits.length <= MAX_LONE_PAGE_DIGITS) {
      for (const candidate of pagesAt[index]!) following.push({ page: candidate + 1, start: spot.end, end: Math.min(text.length, spot.end + NEXT_PAGE_REACH) });
    }
  });
  // A number set apart from the digits before it by a space ("件254 24.信函": 254, then page 2 run into the next
  // row's ordinal) may open with a page's number as well: the next page follows it.
  for (const match of markup ? [] : text.matchAll(SPACED_AFTER_DIGITS)) {
    const digits = printedDigits(match[1]!, 0, match[1]!.length);
    if (digits.length > MAX_LONE_PAGE_DIGITS) continue;
    const end = match.index + match[0].length;
    for (const page of leadingPages(digits)) following.push({ page: page + 1, start: end, end: Math.min(text.length, end + NEXT_PAGE_REACH) });
  }
  return { found, following };
}

/**
 * Runs of digits (ASCII or full-width) by what stands before them: whitespace (apart), or anything but a digit, a
 * decimal point or whitespace (glued); a run opening the text is neither. One pass instead of two regular expressions
 * over the whole text (it runs on every document).
 */
function countDigitRuns(text: string): { glued: number; apart: number } {
  let glued = 0;
  let apart = 0;
  let previous = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isDigitCode(code) && previous !== -1 && !isDigitCode(previous)) {
      if (isWhitespaceCode(previous)) apart++;
      else if (previous !== 0x2e && previous !== 0xff0e) glued++;
    }
    previous = code;
  }
  return { glued, apart };
}

function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** The characters JavaScript's \s matches. */
function isWhitespaceCode(code: number): boolean {
  return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
    || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The page numbers a number's leading digits may be (one or two of them; none when it opens with 0). */
function leadingPages(digits: string): number[] {
  if (digits.startsWith('0')) return [];
  const pages: number[] = [];
  for (let length = 1; length <= Math.min(MAX_PAGE_DIGITS, digits.length); length++) pages.push(Number(digits.slice(0, length)));
  return pages.filter((page) => page > 0);
}

/** Whether the number printed at [start, end) opens with a bare page number found where it stands. */
export function opensWithBarePageNumber(text: string, start: number, end: number, bare: readonly HiddenPageNumber[]): boolean {
  if (bare.length === 0 || end <= start) return false;
  const digits = printedDigits(text, start, end);
  return bare.some(({ page, start: from, end: to }) => start >= from && start < to && digits.startsWith(String(page)));
}

/** The page numbers a text hides: missing from its markers' sequence, and printed bare in one-line text. */
export interface PageNumbers {
  readonly hidden: readonly HiddenPageNumber[];
  readonly bare: readonly HiddenPageNumber[];
  /** Lines of a bare numbering no longer than chance makes (bareNumberPages' `chance`): page numbers or values. */
  readonly chance?: readonly HiddenPageNumber[];
  /** Of `hidden`, the lines of a bare numbering left in doubt (bareNumberPages' `doubtful`): a number alone on its line. */
  readonly lines?: readonly HiddenPageNumber[];
}

/** Pages on either side of a stray number that may have printed their numbers run into values (the next two, the two before). */
const PAGES_BESIDE_STRAY = 2;
/** Page 1 is left out before a stray number: its number is seldom printed, and "1" opens too many values. */
const FIRST_PAGE_BEFORE_STRAY = 2;

/**
 * Both kinds of hidden page number of a text, found once per document. `strayNumbers`, short numbers the parser
 * found where a row holds one value beside another number ("…信息数2条333": page 2 run in between label, unit and
 * value), or digits at a value's edge whose cutting makes a failing sum hold ("243" for 24 and page 3), may be page
 * numbers: the pages' numbers beside them may then be run into values ("个48" for page 4 and the value 8: seed 4600,
 * variant 244; "次27" for page 2 and 7: seed 4650, variant 283 of flat-glued), each within NEXT_PAGE_REACH a page.
 */
export function findPageNumbers(text: string, strayNumbers: readonly { readonly start: number; readonly end: number }[] = []): PageNumbers {
  const bare = readBarePageNumbers(text);
  const afterStray = strayNumbers.flatMap(({ start, end }) => {
    const digits = printedDigits(text, start, end);
    if (digits === '' || digits.length > MAX_LONE_PAGE_DIGITS || digits.startsWith('0')) return [];
    const page = Number(digits);
    return Array.from({ length: PAGES_BESIDE_STRAY }, (_, index) => index + 1).flatMap((step) => [
      { page: page + step, start: end, end: Math.min(text.length, end + step * NEXT_PAGE_REACH) },
      ...(page - step >= FIRST_PAGE_BEFORE_STRAY ? [{ page: page - step, start: Math.max(0, start - step * NEXT_PAGE_REACH), end: start }] : []),
    ]);
  });
  // Bare page-number lines left in the text because a page's number stands on two lines (either may be a value), or
  // because the numbering is no longer than values make by chance.
  const bareLines = readBareNumberPages(text, splitLines(text));
  const asPage = ({ number, start, end }: { number: number; start: number; end: number }) => ({ page: number, start, end });
  return {
    hidden: [...findHiddenPageNumbers(text), ...bare.following, ...afterStray, ...bareLines.doubtful.map(asPage)],
    bare: bare.found,
    chance: bareLines.chance.map(asPage),
    lines: bareLines.doubtful.map(asPage),
  };
}

/** Whether the number printed at [start, end) is a hidden page number itself, or opens with one printed bare. */
export function isPageNumberAt(text: string, start: number, end: number, pageNumbers: PageNumbers): boolean {
  return isHiddenPageNumber(text, start, end, pageNumbers.hidden) || opensWithBarePageNumber(text, start, end, pageNumbers.bare);
}

/** The lines of a text, ended by "\n", "\r\n" or a bare "\r" (the decoded text keeps them as found). */
function splitLines(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(/\r\n?|\n/gu)) {
    lines.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}
