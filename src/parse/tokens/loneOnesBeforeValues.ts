import { LONE_ONE } from '../grid/splitRowParts.ts';
import type { Token } from './Token.ts';

/**
 * A letter alone on its line right before a value on a later line is the OCR'd 1 it stands for ("信息\nl\nO\n0":
 * a row's first cell printed one per line); tokeniseLine sees only its own line, where nothing tells it from a word.
 */
export function loneOnesBeforeValues(tokens: Token[]): Token[] {
  tokens.forEach((token, index) => {
    if (token.kind !== 'text' || !LONE_ONE.test(token.text)) return;
    const previous = tokens[index - 1];
    const next = tokens[index + 1];
    if (next?.kind !== 'value' || next.line === token.line || previous?.line === token.line) return;
    tokens[index] = { kind: 'value', raw: token.text, start: token.start, end: token.end, line: token.line, inCell: false, ordinalTail: false, glued: false };
  });
  return tokens;
}
