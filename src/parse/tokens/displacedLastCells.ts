import type { Anchor } from './chooseAnchors.ts';
import { satisfiesRules } from './readingRules.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { Token, ValueToken } from './Token.ts';

/** Longest word among the header words around a run of displaced last cells: vertical text prints a character or two a line. */
const MAX_HEADER_WORD = 2;

/**
 * Rows whose last cell a PDF's reading order drew apart. In a table whose groups of rows hang off a row-spanning
 * label (（一）予以公开 under 三、本年度办理结果, 1.属于国家秘密 under （三）不予公开, …), a printed PDF's text may give
 * the first row of each group one value fewer than its cells, and those rows' last cells later, together, among
 * the vertical header words of a page ("其\n他\n50\n0\n31\n1\n0\n总\n计"). When such a run follows a row's own values
 * and holds exactly as many plain numbers as the rows of its table short by one value up to there, each number is
 * taken for the last cell of one of those rows, in order, and only if every such row's rules then hold. Returns the
 * runs to read instead, by anchor position (the row that held the run keeps only its own values with its last cell).
 */
export function displacedLastCells(
  tokens: readonly Token[],
  anchors: readonly Anchor[],
  skeleton: readonly SkeletonRow[],
  runEnd: (position: number) => number,
  unitOf: (fieldId: string) => string,
): Map<number, readonly Token[]> {
  const found = new Map<number, readonly Token[]>();
  const pieces = anchors.map((_, position) => runPieces(tokens, anchors[position]!.tokenIndex + 1, runEnd(position)));
  anchors.forEach((anchor, position) => {
    const piece = pieces[position]!;
    if (!piece.displaced) return;
    const row = skeleton[anchor.rowIndex]!;
    const cells = row.fieldIds.length;
    if (cells < 3 || row.rules.length === 0) return;
    // The rows of the same table up to this one that print one value fewer than their cells.
    const short: number[] = [];
    for (let earlier = 0; earlier <= position; earlier++) {
      const other = skeleton[anchors[earlier]!.rowIndex]!;
      if (other.table !== row.table) continue;
      const own = pieces[earlier]!;
      if (other.fieldIds.length === cells && own.values.length === cells - 1 && (earlier === position || !own.displaced && own.whole)) short.push(earlier);
    }
    const displaced = piece.displaced;
    if (short.length !== displaced.length || !short.includes(position)) return;
    const runs = short.map((shortPosition, index) => [...pieces[shortPosition]!.values, displaced[index]!]);
    const holds = runs.every((run, index) => satisfiesRules(run.map((token) => ({ kind: 'value' as const, token })), skeleton[anchors[short[index]!]!.rowIndex]!, unitOf, 'zero'));
    if (!holds) return;
    short.forEach((shortPosition, index) => found.set(shortPosition, runs[index]!));
  });
  return found;
}

interface RunPieces {
  /** The plain numbers after the label, before any word. */
  readonly values: readonly ValueToken[];
  /** True when nothing but words follows those numbers (the next row's label, wrapped), up to the next row's ordinal. */
  readonly whole: boolean;
  /** Plain numbers that follow the own values between short header words. */
  readonly displaced?: readonly ValueToken[];
}

/**
 * Cuts a row's run into its own numbers and a later run of numbers between short header words. The run ends at the
 * next row's ordinal ("2" of "2.申请人…"); words after the numbers may be the next row's label, wrapped.
 */
function runPieces(tokens: readonly Token[], from: number, to: number): RunPieces {
  const rest: Token[] = [];
  const values: ValueToken[] = [];
  for (let index = from; index < to; index++) {
    const token = tokens[index]!;
    if (token.kind === 'empty') continue;
    if (token.kind === 'value' && token.ordinalTail) break;
    if (token.kind === 'value' && rest.length === 0) {
      if (!isPlainNumber(token)) return { values, whole: false };
      values.push(token);
      continue;
    }
    rest.push(token);
  }
  if (!rest.some((token) => token.kind === 'value')) return { values, whole: true };
  const displaced: ValueToken[] = [];
  let wordsBefore = 0;
  for (const token of rest) {
    if (token.kind === 'value') {
      if (!isPlainNumber(token) || (displaced.length > 0 && token !== rest[rest.indexOf(displaced[displaced.length - 1]!) + 1])) return { values, whole: false };
      displaced.push(token);
      continue;
    }
    if (token.kind !== 'text') return { values, whole: false };
    const headerWord = token.text.length <= MAX_HEADER_WORD && /^\p{Script=Han}+$/u.test(token.text);
    if (displaced.length === 0) {
      if (!headerWord) return { values, whole: false };
      wordsBefore++;
    } else if (!headerWord) break;
  }
  return wordsBefore > 0 ? { values, whole: false, displaced } : { values, whole: false };
}

function isPlainNumber(token: ValueToken): boolean {
  return !token.glued && !token.ordinalTail && /^\d+$/u.test(token.raw);
}
