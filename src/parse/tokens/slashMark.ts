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
