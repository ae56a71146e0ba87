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
 *
 * A region whose cells are all joined by one wider separator (`separator`, regionSeparator: two ideographic spaces,
 * "3　　3　　　　　　3　　9") prints an empty cell as the separator once more: a line whose every gap beside a value
 * is a whole number of separators has that many empty cells in each wider gap, even where no two values stand
 * side by side ("5　　　　　　8　　　　　　13": the separator shows between the label and the first value, and
 * throughout the region).
 */
export function markSpacedCells(text: string, tokens: Token[], first: number, separator = 1): void {
  if (separator > 1 ? !tiledBy(text, tokens, first, separator) : !joinedBySingleSpaces(text, tokens, first)) return;
  const rebuilt: Token[] = [];
  for (let index = first; index < tokens.length; index++) {
    const token = tokens[index]!;
    const before = rebuilt[rebuilt.length - 1];
    if (before && index > first && (before.kind === 'value' || token.kind === 'value')) {
      const gap = spaceRun(text, before.end, token.start);
      const empties = gap / separator - 1;
      if (gap > separator && gap % separator === 0 && empties <= MAX_EMPTY_RUN) {
        for (let cell = 1; cell <= empties; cell++) rebuilt.push({ kind: 'empty', start: before.end + cell * separator, end: before.end + cell * separator, line: token.line });
      }
    }
    rebuilt.push(token.kind === 'value' ? { ...token, spaced: true } : token);
  }
  tokens.splice(first, tokens.length - first, ...rebuilt);
}

/** Whether the line's values are joined by single spaces, a wider run beside some of them (see markSpacedCells). */
function joinedBySingleSpaces(text: string, tokens: readonly Token[], first: number): boolean {
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
  return singles >= MIN_SINGLE_GAPS && wider > 0 && wider <= singles;
}

/** Whether every run of spaces beside a value on the line is a whole number of separators, one at least wider. */
function tiledBy(text: string, tokens: readonly Token[], first: number, separator: number): boolean {
  let wider = 0;
  for (let index = first + 1; index < tokens.length; index++) {
    const before = tokens[index - 1]!;
    const token = tokens[index]!;
    if (before.kind !== 'value' && token.kind !== 'value') continue;
    const gap = spaceRun(text, before.end, token.start);
    // (Tokens run together, an ordinal cut from its label, or apart by more than spaces, are no cells' gap.)
    if (gap <= 0) continue;
    if (gap < separator || gap % separator !== 0 || gap / separator - 1 > MAX_EMPTY_RUN) return false;
    if (gap > separator) wider++;
  }
  return wider > 0;
}

/** Fewest runs of exactly the separator a region must show to be taken for cells joined by it. */
const MIN_SEPARATOR_RUNS = 12;
/** Share of a region's runs of two spaces or more that must be whole numbers of the separator. */
const MIN_TILED_SHARE = 0.97;

/**
 * The separator a region's cells are all joined by, when it is wider than one space: the narrowest run of spaces
 * between words seen at least MIN_SEPARATOR_RUNS times, every run (nearly) a few of it. 1 otherwise (single spaces,
 * or columns aligned in spaces, whose runs are of any width).
 */
export function regionSeparator(region: string): number {
  const counts = new Map<number, number>();
  let runs = 0;
  // (Single spaces counted too: where they join the cells, a wider run is that many empty cells, separator 1.)
  for (const match of region.matchAll(/(?<=\S) +(?=\S)/gu)) {
    counts.set(match[0].length, (counts.get(match[0].length) ?? 0) + 1);
    runs++;
  }
  // The narrowest width seen often enough that tiles (nearly) every run: a run of empty cells is a multiple of it.
  for (const width of [...counts.keys()].sort((a, b) => a - b)) {
    if (counts.get(width)! < MIN_SEPARATOR_RUNS) continue;
    if (width === 1) return 1;
    let tiled = 0;
    // A few separators at most (up to MAX_EMPTY_RUN empty cells between two): columns aligned in spaces leave runs of
    // any width, wide ones among them, which even widths divide half the time.
    for (const [other, count] of counts) if (other % width === 0 && other / width - 1 <= MAX_EMPTY_RUN) tiled += count;
    return tiled >= MIN_TILED_SHARE * runs ? width : 1;
  }
  return 1;
}

/** The length of the run of plain spaces between two offsets, or -1 when anything else stands there. */
function spaceRun(text: string, from: number, to: number): number {
  for (let index = from; index < to; index++) if (text[index] !== ' ') return -1;
  return to - from;
}
