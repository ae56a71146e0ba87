import type { ValueToken } from './Token.ts';

/**
 * The part [from, to) of a glued digit run as a token of its own: a cell cut from the run, no longer glued, and no
 * next row's ordinal at its end.
 */
export function tokenPiece(token: ValueToken, from: number, to: number): ValueToken {
  return { ...token, raw: token.raw.slice(from, to), start: token.start + from, end: token.start + to, glued: false, ordinalTail: false };
}
