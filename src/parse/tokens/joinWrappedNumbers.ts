import type { RowReadings } from './placeRowValues.ts';
import type { Token, ValueToken } from './Token.ts';

/** Share of the steps between values on different lines that skip one empty line, where blocks stand apart. */
const BLOCK_SHARE = 0.75;
/** Fewest such steps that show it. */
const MIN_STEPS = 8;

/**
 * Whether a region's values stand in blocks an empty line apart ("3", "", "0", "", "9": a PDF's reading order, each
 * cell a block of its own). There a number a narrow cell wrapped over two lines ("１０" / "６" for 106) shows as two
 * values on adjacent lines with no empty line between, which no two cells do.
 */
export function valuesInBlocks(tokens: readonly Token[]): boolean {
  let steps = 0;
  let apart = 0;
  let previous: ValueToken | undefined;
  for (const token of tokens) {
    if (token.kind !== 'value') continue;
    if (previous && token.line !== previous.line) {
      steps++;
      if (token.line - previous.line === 2) apart++;
    }
    previous = token;
  }
  return steps >= MIN_STEPS && apart >= BLOCK_SHARE * steps;
}

/**
 * The run with each number a narrow cell wrapped over two lines joined: two plain numbers next to each other in the
 * run, each alone on its line, on adjacent lines, the first not a 0 (no count prints a leading zero). The joined
 * value spans both lines (the line break inside it marks it as stacked digits for the scoring). Undefined when the
 * run has no such pair. Only for regions whose values stand in blocks (valuesInBlocks): elsewhere adjacent lines are
 * cells of their own.
 */
export function joinWrappedNumbers(run: readonly Token[], tokensOnLine: (line: number) => number): Token[] | undefined {
  const joined: Token[] = [];
  let changed = false;
  for (let index = 0; index < run.length; index++) {
    const token = run[index]!;
    const next = run[index + 1];
    if (token.kind === 'value' && next?.kind === 'value' && next.line === token.line + 1 && plain(token) && plain(next)
      && !/^[0０]/u.test(token.raw) && tokensOnLine(token.line) === 1 && tokensOnLine(next.line) === 1) {
      joined.push({ ...token, raw: `${token.raw}${next.raw}`, end: next.end });
      changed = true;
      index++;
      continue;
    }
    joined.push(token);
  }
  return changed ? joined : undefined;
}

function plain(token: ValueToken): boolean {
  return !token.glued && !token.ordinalTail && /^[0-9０-９]+$/u.test(token.raw);
}

/** How many tokens (words and values) each line of a region holds. */
export function lineCountsOf(tokens: readonly Token[]): (line: number) => number {
  const counts = new Map<number, number>();
  for (const token of tokens) if (token.kind !== 'empty') counts.set(token.line, (counts.get(token.line) ?? 0) + 1);
  return (line) => counts.get(line) ?? 0;
}

/**
 * A row of a region whose values stand in blocks, read again with its numbers wrapped over two lines joined, where
 * that reads every number printed with the row's rules holding and the reading as printed does not: it fits no
 * reading, breaks its rules, or holds them only with numbers dropped as page debris ("１３ / ４ ４０ ０ ０ ０ ０ １７ / ４"
 * holds its sum as 13 4 0 0 0 0 17 with two numbers dropped, and as 134 40 0 0 0 0 174 with none). Undefined otherwise.
 */
export function readWithNumbersJoined(
  run: readonly Token[],
  placed: RowReadings,
  tokensOnLine: (line: number) => number,
  place: (run: readonly Token[]) => RowReadings,
): { run: readonly Token[]; placed: RowReadings } | undefined {
  if (placed.readings.length > 0 && !placed.inconsistent && !placed.subset) return undefined;
  const joined = joinWrappedNumbers(run, tokensOnLine);
  if (!joined) return undefined;
  const tried = place(joined);
  if (tried.readings.length === 0 || tried.inconsistent || tried.subset) return undefined;
  return { run: joined, placed: { ...tried, notes: [...tried.notes, 'a number wrapped over two lines joined'] } };
}

/**
 * A row short of one value, read with a number wrapped over two lines printed right before its label as that value.
 * A PDF draws a row's cells as blocks in reading order, and a cell taller than the others (a number a narrow cell
 * wrapped: "１" / "９" for 19) starts above the row's line, so it comes out before the row's label ("１ / ９ / 一、本年新收…
 * / １８ / １ / ０ / ０ / ０ / ０"). Which cell it is only the rules tell: kept where exactly one cell holds every rule
 * of the row. `used`: value tokens another row's reading took, never taken again. Undefined otherwise.
 */
export function readWithWrappedCellBefore(
  tokens: readonly Token[],
  anchorIndex: number,
  run: readonly Token[],
  cells: number,
  used: ReadonlySet<Token>,
  tokensOnLine: (line: number) => number,
  place: (run: readonly Token[]) => RowReadings,
): { run: readonly Token[]; placed: RowReadings } | undefined {
  let index = anchorIndex - 1;
  while (index >= 0 && tokens[index]!.kind === 'empty') index--;
  const below = tokens[index];
  const above = tokens[index - 1];
  if (below?.kind !== 'value' || above?.kind !== 'value' || used.has(below) || used.has(above)) return undefined;
  const joined = joinWrappedNumbers([above, below], tokensOnLine);
  const wrapped = joined?.length === 1 ? joined[0]! : undefined;
  if (wrapped?.kind !== 'value') return undefined;
  const values = run.filter((token): token is ValueToken => token.kind === 'value');
  if (values.length !== cells - 1 || values.some((token) => token.ordinalTail || token.glued)) return undefined;
  const fits: { run: readonly Token[]; placed: RowReadings }[] = [];
  for (let cell = 0; cell < cells; cell++) {
    const tried = [...values.slice(0, cell), wrapped, ...values.slice(cell)];
    const placed = place(tried);
    if (placed.readings.length > 0 && !placed.inconsistent && !placed.subset && !placed.blankUnknown) fits.push({ run: tried, placed });
  }
  if (fits.length !== 1) return undefined;
  const only = fits[0]!;
  return { run: only.run, placed: { ...only.placed, notes: [...only.placed.notes, 'a number wrapped over two lines, drawn before the row\'s label, read as its cell'] } };
}
