import type { Anchor } from './chooseAnchors.ts';
import { satisfiesRules } from './readingRules.ts';
import { skippedRowPrinted } from './runOfAnotherRow.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { Token, ValueToken } from './Token.ts';

/** The anchors with rows found by elimination put in, on the tokens they stand on. */
export interface InferredAnchors {
  /** The tokens, with an empty word put in where an inferred row's anchor stands between two values. */
  readonly tokens: readonly Token[];
  readonly anchors: readonly Anchor[];
  /** Positions of the inferred anchors and of the anchors before them: their rows read a share of one run. */
  readonly shared: ReadonlySet<number>;
  /** Skeleton indexes of the rows found by elimination. */
  readonly inferredRows: readonly number[];
}

/** Most consecutive rows found by elimination between two anchors. */
const MAX_SKIPPED = 3;

/**
 * A row whose label the text damaged past recognition (OCR) or left out (a PDF drawing the label cell elsewhere)
 * leaves its values in the run of the row before it: that run then holds two rows' worth and neither row is read.
 * Between two anchors with one to three rows of the form unanchored between them, the run is cut into a share per
 * row when it proves the cut: exactly the rows' cell count of plain numbers for each row, each share unbroken by
 * words, each share holding its row's rules. An unanchored row's anchor is put on the last word before its share
 * (the damaged label, or the group heading before it), or on an empty word put in there when none stands between;
 * its label score is 0 (no label matched). Every row's cells in the run are marked a share of one run
 * (CellSupport.shareOfRun), so that only rules beyond them confirm them.
 */
export function inferSkippedAnchors(
  tokens: readonly Token[],
  anchors: readonly Anchor[],
  skeleton: readonly SkeletonRow[],
  unitOf: (fieldId: string) => string,
): InferredAnchors {
  const found: { after: number; anchors: { anchor: Anchor; insertAt?: number }[] }[] = [];
  anchors.forEach((anchor, position) => {
    const next = anchors[position + 1];
    const skippedCount = next ? next.rowIndex - anchor.rowIndex - 1 : 0;
    if (!next || skippedCount < 1 || skippedCount > MAX_SKIPPED) return;
    const rows = skeleton.slice(anchor.rowIndex, next.rowIndex);
    const skipped = rows.slice(1);
    const after = skeleton[next.rowIndex]!;
    const cells = rows[0]!.fieldIds.length;
    if (cells < 2 || after.table !== rows[0]!.table || rows.some((row) => row.table !== rows[0]!.table || row.fieldIds.length !== cells)) return;
    // Every share is checked by its own row's rules: a row no rule binds has nothing to prove the cut.
    if (rows.some((row) => row.rules.length === 0)) return;
    if (skippedRowPrinted(tokens, anchor.tokenIndex, next.tokenIndex, skipped)) return;
    // A row's ordinal printed before its label's words ("2" then ".重复申请", "3" then ".补正后…" damaged) is no value.
    const ordinals = new Set([...skipped, after].map((row) => row.ordinal).filter((ordinal) => ordinal !== undefined));
    const shares = cutIntoShares(tokens, anchor.tokenIndex + 1, next.tokenIndex, cells, rows.length, ordinals);
    if (!shares) return;
    const reading = (share: readonly ValueToken[]) => share.map((token) => ({ kind: 'value' as const, token }));
    if (!shares.every((share, index) => satisfiesRules(reading(share.values), rows[index]!, unitOf, 'zero'))) return;
    found.push({
      after: position,
      anchors: shares.slice(1).map((share, index) => {
        const rowIndex = anchor.rowIndex + 1 + index;
        return share.wordsEnd === undefined
          ? { anchor: { rowIndex, tokenIndex: share.start, labelScore: 0 }, insertAt: share.start }
          : { anchor: { rowIndex, tokenIndex: share.wordsEnd, labelScore: 0 } };
      }),
    });
  });
  if (found.length === 0) return { tokens, anchors, shared: new Set(), inferredRows: [] };
  // Empty words put in shift every later token: indexes are mapped from the printed tokens to the new ones.
  const insertions = found.flatMap((entry) => entry.anchors.flatMap((inferred) => (inferred.insertAt === undefined ? [] : [inferred.insertAt])));
  const shifted = (index: number) => index + insertions.filter((at) => at <= index).length;
  const withWords: Token[] = [];
  tokens.forEach((token, index) => {
    if (insertions.includes(index)) withWords.push({ kind: 'text', text: '', start: token.start, end: token.start, line: token.line });
    withWords.push(token);
  });
  const result: Anchor[] = [];
  const shared = new Set<number>();
  anchors.forEach((anchor, position) => {
    result.push({ ...anchor, tokenIndex: shifted(anchor.tokenIndex) });
    const entry = found.find((candidate) => candidate.after === position);
    if (!entry) return;
    shared.add(result.length - 1);
    for (const inferred of entry.anchors) {
      // An empty word stands right before the value it was put in front of, which shifted past it.
      const tokenIndex = shifted(inferred.anchor.tokenIndex) - (inferred.insertAt === undefined ? 0 : 1);
      result.push({ ...inferred.anchor, tokenIndex });
      shared.add(result.length - 1);
    }
  });
  return { tokens: withWords, anchors: result, shared, inferredRows: found.flatMap((entry) => entry.anchors.map((inferred) => inferred.anchor.rowIndex)) };
}

/** The parser's note on the rows found by elimination, if any. */
export function inferredRowsNote(skeleton: readonly SkeletonRow[], inferredRows: readonly number[]): string[] {
  if (inferredRows.length === 0) return [];
  const keys = inferredRows.map((rowIndex) => skeleton[rowIndex]!.row.key).join(', ');
  return [`token solver: row(s) ${keys} found by elimination: label not recognised, the run before holding each row's worth of values, each adding up`];
}

/** The mark after a row's ordinal, printed as the start of its label's words. */
const ORDINAL_MARK = /^[.、．]/u;

/** A plain count or amount: no blank mark, no glued digits, no letter read as a digit. */
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/u;

/** One row's share of a run: its values, where its first value stands, and the last word before it, if any. */
interface Share {
  readonly values: readonly ValueToken[];
  readonly start: number;
  readonly wordsEnd: number | undefined;
}

/**
 * The shares of a run (tokens from..to) of exactly rows × cells plain values, each unbroken by words (rows'
 * ordinals before their labels' words left out). Undefined when the run is not so.
 */
function cutIntoShares(
  tokens: readonly Token[],
  from: number,
  to: number,
  cells: number,
  rows: number,
  ordinals: ReadonlySet<string>,
): Share[] | undefined {
  const values: { token: ValueToken; index: number }[] = [];
  // Words seen so far: a share is unbroken when no word stands between its values. Empty cells (a tab after a row's
  // last cell) are not counted: with every cell of the rows a value, they are no cell of any.
  const wordsBefore: number[] = [];
  let words = 0;
  for (let index = from; index < to; index++) {
    const token = tokens[index]!;
    if (token.kind === 'text') words++;
    if (token.kind !== 'value') continue;
    const following = tokens[index + 1];
    if (ordinals.has(token.raw) && following?.kind === 'text' && ORDINAL_MARK.test(following.text)) continue;
    if (token.glued || token.ordinalTail || !PLAIN_NUMBER.test(token.raw)) return undefined;
    values.push({ token, index });
    wordsBefore.push(words);
  }
  if (values.length !== rows * cells) return undefined;
  const shares: Share[] = [];
  for (let row = 0; row < rows; row++) {
    const first = row * cells;
    if (wordsBefore[first] !== wordsBefore[first + cells - 1]) return undefined;
    const start = values[first]!.index;
    let wordsEnd: number | undefined;
    if (row > 0 && wordsBefore[first] !== wordsBefore[first - 1]) {
      wordsEnd = start - 1;
      while (tokens[wordsEnd]!.kind !== 'text') wordsEnd--;
    }
    shares.push({ values: values.slice(first, first + cells).map((entry) => entry.token), start, wordsEnd });
  }
  return shares;
}
