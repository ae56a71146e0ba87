/**
 * Page numbers printed on lines of their own with nothing to mark them and no form feed between the pages: what a
 * PDF viewer's copy of a report leaves ("…\n0\n0\n9\n3.其他\n…", page 9 between a row's last value and the next
 * label). One such line looks like a value, in a table of one cell per line most of all; the numbering gives them
 * away: lines counting on 2, 3, 4, … down the whole document, a page's length apart.
 */
export interface BareNumberLine {
  /** Start and end of the line's text (before its "\n"). */
  readonly start: number;
  readonly end: number;
  readonly number: number;
}

/**
 * A line that is only a number, 1 to 3 digits, not opening with 0; full-width digits too, as the decoded text may
 * print them and the normalised text (which folds them) reads them: both must see the same lines.
 */
const BARE_NUMBER = /^[ \t\u00a0\u3000]*([1-9１-９][0-9０-９]{0,2})[ \t\u00a0\u3000]*$/u;
/**
 * Fewest pages counting on before the lines are taken for page numbers: values of one cell a line run 2, 3 in order
 * often enough, 2, 3, 4, 5 at a page's distance seldom.
 */
const MIN_PAGES = 4;
/** Fewest lines between two pages' numbers: "5\n6" on neighbouring lines are a row's values. */
const MIN_LINES_APART = 2;
/**
 * Fewest lines a page holds, as the median of the distances: a serial-number column counts on too ("1\n行政许可\n件\n3\n
 * 2\n…"), a row's few cells apart.
 */
const MIN_MEDIAN_LINES_APART = 8;
/**
 * Or fewest lines a page holds on average: a copy's page numbers stand where its pages ended, some pages long, some a
 * few lines (a blank's row, a short page), where a serial-number column's stand a row apart all down the table.
 */
const MIN_MEAN_LINES_APART = 2 * MIN_MEDIAN_LINES_APART;

/**
 * The bare page-number lines of a text: the longest run of lines counting on by one (at least MIN_PAGES, a page's
 * length apart), less the pages whose number stands on another bare line too between the pages around it (which of
 * the two is the page's is a guess: both are left as printed).
 */
export function findBareNumberPages(text: string, lines: readonly { readonly start: number; readonly end: number }[]): BareNumberLine[] {
  return readBareNumberPages(text, lines).pages;
}

/** A text's bare page-number lines, cut or in doubt. */
export interface BareNumberPages {
  /** The lines taken for page numbers (findBareNumberPages). */
  readonly pages: BareNumberLine[];
  /** Lines left as printed because a page's number stands on more than one of them: each may be the page's or a value. */
  readonly doubtful: BareNumberLine[];
  /**
   * The lines of a numbering no longer than values make by chance: page numbers or values, nothing tells; only a
   * rule confirms a value read from one (or from its row).
   */
  readonly chance: BareNumberLine[];
}

/** The bare page-number lines of a text, cut or in doubt (BareNumberPages). */
export function readBareNumberPages(text: string, lines: readonly { readonly start: number; readonly end: number }[]): BareNumberPages {
  const none = { pages: [], doubtful: [], chance: [] };
  // Form feeds mark the pages themselves: the numbers ending them are read there (findPageArtefacts' bareFooters),
  // and a bare number elsewhere in such a text is a value.
  if (text.includes('\f')) return none;
  const bare: (BareNumberLine & { readonly line: number })[] = [];
  lines.forEach((line, index) => {
    const match = BARE_NUMBER.exec(text.slice(line.start, line.end));
    if (match) bare.push({ start: line.start, end: line.end, number: Number(match[1]!.replace(/[０-９]/gu, (digit) => String(digit.charCodeAt(0) - 0xff10))), line: index });
  });
  if (bare.length < MIN_PAGES) return none;
  const numbers = bare.map((entry) => entry.number);
  const lineNumbers = bare.map((entry) => entry.line);
  const ending = chainLengths(numbers, lineNumbers, 1);
  const starting = chainLengths(numbers, lineNumbers, -1);
  const longest = ending.reduce((most, length) => Math.max(most, length), 0);
  if (longest < MIN_PAGES) return none;
  // Every line on a chain as long as the longest or one shorter, by number: a page whose number only one of them
  // holds is that line; where several do (a value 6 below the page's own 6, with a 7 after it), which is the page's
  // is a guess. (One shorter: the longest chain may run on into a value, "2" page 2 then a value "1" below it and a
  // value "2" further down before page 3, 1-2-3 one longer than the pages' own 2-3.)
  const onLongest = new Map<number, number[]>();
  bare.forEach((entry, index) => {
    if (ending[index]! + starting[index]! - 1 < longest - 1) return;
    const seen = onLongest.get(entry.number);
    if (seen) seen.push(index);
    else onLongest.set(entry.number, [index]);
  });
  const pageNumbers = [...onLongest.keys()].sort((first, second) => first - second);
  // Chains of numbers apart (2 to 9 and 20 to 27) are no one numbering.
  if (pageNumbers[pageNumbers.length - 1]! - pageNumbers[0]! !== pageNumbers.length - 1) return none;
  // The pages' lines, the first of each page's candidates: a page holds at least MIN_MEDIAN_LINES_APART lines (by the
  // median), where a serial-number column counts on a row's few cells apart.
  const firstLines = pageNumbers.map((page) => bare[onLongest.get(page)![0]!]!.line);
  const distances = firstLines.slice(1).map((line, position) => line - firstLines[position]!).sort((first, second) => first - second);
  const median = distances[Math.floor((distances.length - 1) / 2)]!;
  const mean = (firstLines[firstLines.length - 1]! - firstLines[0]!) / distances.length;
  // Closer than that, the numbering is a serial-number column's or a copy's short pages (a row or two a page: 2 to 27
  // over 330 lines, measureIndependentBreaks seed 387, bare-pages, "行政规范性文件⏎⏎3⏎⏎665⏎4" read 3 | 665 | 4):
  // its lines are in doubt, as a numbering chance could make.
  const chain = () => pageNumbers.flatMap((page) => onLongest.get(page)!.map((index) => lineEntry(bare[index]!)));
  if (median < MIN_MEDIAN_LINES_APART && mean < MIN_MEAN_LINES_APART) return { pages: [], doubtful: [], chance: chain() };
  // Values of one cell a line count on by chance too, the more of them the longer: only a numbering running well
  // beyond the chains the same numbers make shuffled over the same lines is cut; a shorter one may be either, and
  // each of its lines is in doubt.
  if (!beyondChance(longest, chanceChainLengths(numbers, lineNumbers))) {
    return { pages: [], doubtful: [], chance: chain() };
  }
  const pages: BareNumberLine[] = [];
  const doubtful: BareNumberLine[] = [];
  // A page is cut when its number stands on one line only, and so do its neighbours' (a page is placed by the pages
  // around it: beside one in doubt, it may be a value the chain ran on into).
  // The first and last pages have a neighbour on one side only: the chain may have run on into a value there (a "1"
  // a few lines above page 2, a "19" below page 18), and nothing beyond tells. Left in doubt.
  const unique = (page: number) => (onLongest.get(page)?.length ?? 1) === 1;
  const first = pageNumbers[0]!;
  const last = pageNumbers[pageNumbers.length - 1]!;
  for (const page of pageNumbers) {
    const candidates = onLongest.get(page)!.map((index) => lineEntry(bare[index]!));
    if (page !== first && page !== last && unique(page) && unique(page - 1) && unique(page + 1)) pages.push(candidates[0]!);
    else doubtful.push(...candidates);
  }
  return { pages, doubtful, chance: [] };
}

function lineEntry({ start, end, number }: BareNumberLine): BareNumberLine {
  return { start, end, number };
}

/**
 * For each entry, the longest run of entries counting on by one, at least MIN_LINES_APART lines apart, that ends at it
 * (`direction` 1) or starts at it (-1). Entries are released into `bestOf` (by number) once the line being read is
 * far enough from them.
 */
function chainLengths(numbers: readonly number[], lines: readonly number[], direction: 1 | -1): number[] {
  const length = numbers.map(() => 1);
  const bestOf = new Map<number, number>();
  const order = numbers.map((_, index) => index);
  if (direction === -1) order.reverse();
  let released = 0;
  for (const [position, index] of order.entries()) {
    for (; released < position && Math.abs(lines[index]! - lines[order[released]!]!) >= MIN_LINES_APART; released++) {
      const other = order[released]!;
      bestOf.set(numbers[other]!, Math.max(bestOf.get(numbers[other]!) ?? 0, length[other]!));
    }
    length[index] = 1 + (bestOf.get(numbers[index]! - direction) ?? 0);
  }
  return length;
}

/** How many times the numbers are shuffled to see how long a chain they make by chance. */
const SHUFFLES = 30;
/** Fewest pages beyond the shuffled chains' mean length a numbering must run, */
const MARGIN_OVER_CHANCE = 3;
/**
 * and fewest standard deviations of theirs: tables of one cell per line drawn at random (500 of them, values up to 5,
 * 10 or 30, 100 to 900 lines) ran at most 3.7 deviations beyond their shuffles, most bare-pages variants of
 * measureIndependentBreaks 5 to 20.
 */
const DEVIATIONS_OVER_CHANCE = 4;

/** Whether a numbering of `longest` pages runs well beyond the chains of the same numbers shuffled (`chance`). */
function beyondChance(longest: number, chance: readonly number[]): boolean {
  const mean = chance.reduce((sum, length) => sum + length, 0) / chance.length;
  const deviation = Math.sqrt(chance.reduce((sum, length) => sum + (length - mean) ** 2, 0) / chance.length);
  return longest - mean >= Math.max(MARGIN_OVER_CHANCE, DEVIATIONS_OVER_CHANCE * deviation);
}

/**
 * The longest chain the numbers make shuffled over the same lines, in each of SHUFFLES shuffles drawn from a fixed
 * seed (the same text always gets the same answer).
 */
function chanceChainLengths(numbers: readonly number[], lines: readonly number[]): number[] {
  let state = 0x9e3779b9;
  const next = () => {
    // xorshift32: a fixed, cheap stream; any fair shuffle would do.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const lengths: number[] = [];
  for (let shuffle = 0; shuffle < SHUFFLES; shuffle++) {
    const shuffled = [...numbers];
    for (let index = shuffled.length - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1));
      [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
    }
    lengths.push(chainLengths(shuffled, lines, 1).reduce((most, length) => Math.max(most, length), 0));
  }
  return lengths;
}
