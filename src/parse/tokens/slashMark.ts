/** A blank mark that is one character, and so prints the same glued to a number as alone ("3//3//6"). */
export const SLASH_MARK = /^[\/／\\＼]$/u;

/** Whether the slash at `index` of a word belongs to a run of slashes with a digit right before or after it. */
export function slashAmongNumbers(text: string, index: number): boolean {
  let first = index;
  while (first > 0 && SLASH_MARK.test(text[first - 1]!)) first--;
  let last = index;
  while (last + 1 < text.length && SLASH_MARK.test(text[last + 1]!)) last++;
  return /\d/u.test(text[first - 1] ?? '') || /\d/u.test(text[last + 1] ?? '');
}

/** A character that prints a blank cell: a slash, a dash. */
export const BLANK_MARK_CHARACTER = /^[\/／\\＼\-－–—]$/u;
/** Most blank cells a row of any form prints (section 三's seven). */
const MAX_ROW_CELLS = 7;
/** The next row's ordinal, bracketed or numbered. */
const ORDINAL_FOLLOWS = /^(?:[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．]\p{Script=Han})/u;
/**
 * What follows a run of blank marks glued between labels: the next label, its bracketed or numbered ordinal (a mark
 * ending a word, "情形）— 2 —", may be page furniture).
 */
const LABEL_FOLLOWS = /^(?:[\p{Script=Han}(（“"「【]|\d{1,2}[.、．]\p{Script=Han})/u;

/**
 * The length of a run of blank marks starting at `index` of a word that stands between labels, no number beside it
 * ("…不计其他情形）-------（三）不予公开", cells glued with no space between them, a row of seven blanks each printed "-"):
 * each mark is a blank cell. 0 where the run does not start there, touches a number (a sign, "0//0": read with the
 * number), follows no label, or is longer than a row (a rule line).
 */
export function blankMarkRunAt(text: string, index: number): number {
  if (!BLANK_MARK_CHARACTER.test(text[index] ?? '') || (index > 0 && BLANK_MARK_CHARACTER.test(text[index - 1]!))) return 0;
  if (index > 0 && !/[\p{Script=Han})）”"」】]/u.test(text[index - 1]!)) return 0;
  let end = index;
  while (end < text.length && BLANK_MARK_CHARACTER.test(text[end]!)) end++;
  if (end - index > MAX_ROW_CELLS || !LABEL_FOLLOWS.test(text.slice(end))) return 0;
  // One mark between two characters of words is a word's ("本年增／减").
  if (end - index === 1 && !ORDINAL_FOLLOWS.test(text.slice(end))) return 0;
  return end - index;
}

/** A long dash, a blank cell's mark ("—", "——") that no count or amount takes for its sign (a hyphen may be one). */
const LONG_DASH = /^[—―─━]$/u;
const DIGIT_OR_OCR_DIGIT = /^[\dOo〇Il]$/u;

/**
 * The blank cells a run of long dashes starting at `index` of a word prints where it touches a number ("40—3700077",
 * cells glued with no space between them: 40, blank, 37, …; "5—1———6": three blank cells in a row). 0 where no such
 * run starts there. A report marks each blank cell with one dash or with a pair ("——", the Chinese dash): where
 * every such run of the word is of even length, each pair is one cell (a row of two blanks "————").
 */
export function longDashCellsAt(text: string, index: number): { readonly length: number; readonly cells: number } | undefined {
  if (!LONG_DASH.test(text[index] ?? '') || (index > 0 && LONG_DASH.test(text[index - 1]!))) return undefined;
  let end = index;
  while (end < text.length && LONG_DASH.test(text[end]!)) end++;
  const touches = DIGIT_OR_OCR_DIGIT.test(text[index - 1] ?? '') || /^\d$/u.test(text[end] ?? '');
  if (!touches || end - index > 2 * MAX_ROW_CELLS) return undefined;
  const length = end - index;
  return { length, cells: pairedDashes(text) ? length / 2 : length };
}

const pairedCache = new Map<string, boolean>();

/** Whether every run of long dashes that touches a number in the word is of even length (one pair a blank cell). */
function pairedDashes(text: string): boolean {
  let paired = pairedCache.get(text);
  if (paired !== undefined) return paired;
  const runs = [...text.matchAll(/[—―─━]+/gu)].filter((run) => DIGIT_OR_OCR_DIGIT.test(text[run.index - 1] ?? '') || /^\d$/u.test(text[run.index + run[0].length] ?? ''));
  paired = runs.length > 0 && runs.every((run) => run[0].length % 2 === 0);
  // (A word is asked once per run it holds; the cache only spares rescanning a long glued word.)
  if (pairedCache.size > 64) pairedCache.clear();
  pairedCache.set(text, paired);
  return paired;
}
