import type { Token } from './Token.ts';

/** OCR letters for 0 and 1 opening a line, run into the words or marks after them ("I。", "l，本年…"). */
const OCR_DIGITS_OPENING_WORDS = /^[Oo〇Il]+[^\sA-Za-z0-9]/u;

/**
 * A number ending its line before a line that opens with OCR letters for digits run into words ("现行有效件数1⏎I。":
 * 11 hard-wrapped, its second 1 OCR'd) may go on there: its digits alone may not be the value, as when a letter
 * touches them on their own line (lettersBeside). Seed 4673, variant 912: 1 committed for 11.
 */
export function digitsWrappedIntoLetters(tokens: Token[]): Token[] {
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    if (token.kind !== 'value' || token.lettersBeside === true || !/[0-9０-９]$/u.test(token.raw)) return;
    if (next?.kind !== 'text' || next.line !== token.line + 1 || !OCR_DIGITS_OPENING_WORDS.test(next.text)) return;
    tokens[index] = { ...token, lettersBeside: true };
  });
  return tokens;
}
