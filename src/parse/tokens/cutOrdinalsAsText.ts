import { isCutOrdinal, opensOrdinalTail } from '../cutOrdinal.ts';
import type { Token } from './Token.ts';

/**
 * A number alone on its line whose next line opens with an ordinal's punctuation and a label's words is that label's
 * ordinal, cut from it ("1" / ".属于国家秘密 |": seed 137 pipe-broken-cut read it as a row total): text, no value.
 */
export function cutOrdinalsAsText(tokens: Token[]): Token[] {
  tokens.forEach((token, index) => {
    if (token.kind !== 'value' || !isCutOrdinal(token.raw)) return;
    const previous = tokens[index - 1];
    const next = tokens[index + 1];
    if (previous?.line === token.line || next?.kind !== 'text' || next.line !== token.line + 1 || !opensOrdinalTail(next.text)) return;
    tokens[index] = { kind: 'text', text: token.raw, start: token.start, end: token.end, line: token.line };
  });
  return tokens;
}
