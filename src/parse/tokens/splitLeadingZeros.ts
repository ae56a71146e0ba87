import type { Token } from './Token.ts';

/** A number of a leading zero and more digits, nothing else ("03", "０４"). */
export const LEADING_ZERO = /^[0０][0-9０-９]+$/u;

/** The run with each value of a leading zero (not in a cell of its own) read as 0 and the digits after it. */
export function splitLeadingZeros(run: readonly Token[]): { readonly tokens: Token[]; readonly split: string[] } {
  const tokens: Token[] = [];
  const split: string[] = [];
  for (const token of run) {
    if (token.kind !== 'value' || token.inCell || token.glued || !LEADING_ZERO.test(token.raw)) {
      tokens.push(token);
      continue;
    }
    split.push(token.raw);
    tokens.push({ ...token, raw: token.raw.slice(0, 1), end: token.start + 1, ordinalTail: false });
    tokens.push({ ...token, raw: token.raw.slice(1), start: token.start + 1, afterWords: false });
  }
  return { tokens, split };
}
