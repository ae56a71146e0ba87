import { MAX_EMPTY_RUN } from './markBlankLineCells.ts';
import type { Token } from './Token.ts';

/** Fewest single-space gaps between values that show a line's cells are joined by one space. */
const MIN_SINGLE_GAPS = 3;
/** Fewest labels joined to a value by one space (two rows: label, value … value, label) that count as such gaps. */
const MIN_LABEL_JOINS = 4;

/**
 * A line whose cells are joined by single spaces ("3 3    3 9": a table flattened cell by cell) prints an empty
 * cell as one more space: the spaces between two values, or between a label and a value, stand for that many
 * empty cells. Only runs of plain spaces count (page furniture cut out of the line leaves no such run), and only
 * in a line where single spaces between values are the rule, so aligned columns (pdftotext -layout) and prose are
 * left alone.
 */
export function markSpacedCells(text: string, tokens: Token[], first: number): void {
  let singles = 0;
  let labelJoins = 0;
  let wider = 0;
  // A number standing alone, one space from a label: "申请数量 26", "26 二、上年结转".
  const standing = (value: Token): boolean => value.kind === 'value' && /^\d/u.test(value.raw) && /^[ \n\r]?$/u.test(text.slice(value.end, value.end + 1));
  for (let index = first + 1; index < tokens.length; index++) {
    const before = tokens[index - 1]!;
    const token = tokens[index]!;
    if (before.kind !== 'value' && token.kind !== 'value') continue;
    const gap = spaceRun(text, before.end, token.start);
    if (gap === 1 && before.kind === 'value' && token.kind === 'value') singles++;
    else if (gap === 1 && ((before.kind === 'text' && standing(token)) || (standing(before) && token.kind === 'text'))) labelJoins++;
    else if (gap > 1 && gap - 1 <= MAX_EMPTY_RUN) wider++;
  }
  // A sparse table flattened so prints few values side by side ("申请数量 26      26 二、上年结转 0      0 …"): its
  // rows' labels joined to their values by one space, row after row, show the joining as well. (One label so joined
  // is no table's: a line of columns laid out in spaces may leave one space after a long label.)
  if (labelJoins >= MIN_LABEL_JOINS) singles += labelJoins;
  if (singles < MIN_SINGLE_GAPS || wider === 0 || wider > singles) return;
  const rebuilt: Token[] = [];
  for (let index = first; index < tokens.length; index++) {
    const token = tokens[index]!;
    const before = rebuilt[rebuilt.length - 1];
    if (before && index > first && (before.kind === 'value' || token.kind === 'value')) {
      const gap = spaceRun(text, before.end, token.start);
      if (gap >= 2 && gap - 1 <= MAX_EMPTY_RUN) {
        for (let cell = 1; cell < gap; cell++) rebuilt.push({ kind: 'empty', start: before.end + cell, end: before.end + cell, line: token.line });
      }
    }
    rebuilt.push(token.kind === 'value' ? { ...token, spaced: true } : token);
  }
  tokens.splice(first, tokens.length - first, ...rebuilt);
}

/** The length of the run of plain spaces between two offsets, or -1 when anything else stands there. */
function spaceRun(text: string, from: number, to: number): number {
  for (let index = from; index < to; index++) if (text[index] !== ' ') return -1;
  return to - from;
}
