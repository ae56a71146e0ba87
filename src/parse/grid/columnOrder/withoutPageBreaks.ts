import type { LineToken } from './lineTokens.ts';

/** Text lines a run must hold to be taken for a table header repeated at the top of a page. */
const MIN_HEADER_LINES = 3;
/** Folded characters such a run must hold: a few short wrapped label pieces ("开", "密") repeat by chance. */
const MIN_HEADER_CHARACTERS = 8;

/**
 * The line tokens of section 三 printed one cell per line in column order, without what page breaks put among
 * them: the table header repeated at the top of each page (a run of text lines equal to lines printed before),
 * and bare page numbers ("7" on its own line). Without them, a column's numbers cut by a page break run on as one
 * block, and a label cut by one ("（二）部分公" / header / "开（区分处理的") joins again.
 *
 * A number is taken for a page number only where no cell can be: alone between text lines (every row of
 * section 三 has seven cells, so no row prints a lone number), or the last number before a repeated header; and
 * only when those numbers count pages, each one more than the one before (one such number alone: only when it
 * stands between text lines). What is not dropped stays, and the exact count of numbers a block of rows needs
 * decides the rest.
 */
export function withoutPageBreaks(tokens: readonly LineToken[]): LineToken[] {
  const kept = tokens.filter((token) => token.kind !== 'footer');
  const repeated = repeatedHeaderLines(kept);
  const candidates: { index: number; lone: boolean }[] = [];
  kept.forEach((token, index) => {
    if (token.kind !== 'number' || !/^\d{1,3}$/u.test(token.text)) return;
    const before = previousKept(kept, repeated, index);
    const after = nextKept(kept, repeated, index);
    const lone = before?.kind === 'text' && after?.kind === 'text';
    const beforeHeader = repeated.has(index + 1);
    if (lone || beforeHeader) candidates.push({ index, lone });
  });
  const dropped = new Set<number>(repeated);
  if (countsPages(kept, candidates.map((candidate) => candidate.index))) {
    for (const candidate of candidates) dropped.add(candidate.index);
  } else if (candidates.length === 1 && candidates[0]!.lone) {
    dropped.add(candidates[0]!.index);
  }
  return kept.filter((_, index) => !dropped.has(index));
}

/** Whether the numbers at these indexes are consecutive page numbers (at least two, each one more than the last). */
function countsPages(tokens: readonly LineToken[], indexes: readonly number[]): boolean {
  if (indexes.length < 2) return false;
  return indexes.every((index, position) => position === 0 || Number(tokens[index]!.text) === Number(tokens[indexes[position - 1]!]!.text) + 1);
}

/**
 * Indexes of the text lines of every run that repeats, line for line, text lines printed earlier in the section
 * (numbers between the earlier lines are passed over: the first header may itself be cut by a page break). Runs
 * are matched longest first from each line.
 */
function repeatedHeaderLines(tokens: readonly LineToken[]): Set<number> {
  const textIndexes = tokens.flatMap((token, index) => (token.kind === 'text' ? [index] : []));
  const repeated = new Set<number>();
  let position = 0;
  while (position < textIndexes.length) {
    let best = 0;
    for (let earlier = 0; earlier < position; earlier++) {
      let length = 0;
      while (
        earlier + length < position
        && position + length < textIndexes.length
        && tokens[textIndexes[earlier + length]!]!.text === tokens[textIndexes[position + length]!]!.text
        // The repeat itself is one run of text lines: a number between its lines ends it.
        && (length === 0 || textIndexes[position + length]! === textIndexes[position + length - 1]! + 1)
      ) length++;
      best = Math.max(best, length);
    }
    const characters = textIndexes.slice(position, position + best).reduce((sum, index) => sum + tokens[index]!.text.length, 0);
    if (best >= MIN_HEADER_LINES && characters >= MIN_HEADER_CHARACTERS) {
      for (let offset = 0; offset < best; offset++) repeated.add(textIndexes[position + offset]!);
      position += best;
    } else {
      position++;
    }
  }
  return repeated;
}

function previousKept(tokens: readonly LineToken[], repeated: ReadonlySet<number>, index: number): LineToken | undefined {
  for (let before = index - 1; before >= 0; before--) if (!repeated.has(before)) return tokens[before];
  return undefined;
}

function nextKept(tokens: readonly LineToken[], repeated: ReadonlySet<number>, index: number): LineToken | undefined {
  for (let after = index + 1; after < tokens.length; after++) if (!repeated.has(after)) return tokens[after];
  return undefined;
}
