import type { Token } from './Token.ts';

/** Most empty cells one run of spaces or empty lines stands for (a row of the widest table has 7 cells). */
export const MAX_EMPTY_RUN = 6;

/** Where one line's tokens stand in the region's token list. */
export interface LineTokens {
  readonly start: number;
  readonly first: number;
  readonly count: number;
  readonly blank: boolean;
  /** The line holds a form feed: a page ends there. */
  readonly pageBreak: boolean;
}

/** Fewest lines holding one value alone that show a region is printed one cell per line. */
const MIN_VALUE_LINES = 8;
/** Share of the lines with values that hold one value alone, in a region printed one cell per line. */
const MIN_VALUE_LINE_SHARE = 0.8;
/** Fewest such lines when every line with values holds one value alone. */
const MIN_VALUE_LINES_ALL_SINGLE = 4;

/**
 * A region printed one cell per line ("145", "", "0", …) shows an empty cell as an empty line: between a row's
 * label and its values, or between two values, each empty line is one `empty` token, and the values are marked
 * so the solver may place them in windows of cells. Other regions' empty lines (paragraphs, page breaks) mean
 * nothing and stay without tokens; empty lines around a form feed are marked `pageBreak`.
 */
export function markBlankLineCells(tokens: Token[], lines: readonly LineTokens[]): Token[] {
  let valueLines = 0;
  let singleValueLines = 0;
  let blankBetween = 0;
  lines.forEach((entry) => {
    const lineTokens = tokens.slice(entry.first, entry.first + entry.count);
    // An ordinal glued to its label ("1.属于国家秘密") is not a value of the table.
    const values = lineTokens.filter((token) => token.kind === 'value' && !token.ordinalTail).length;
    if (values === 0) return;
    valueLines++;
    if (values === 1 && lineTokens.length === 1) singleValueLines++;
  });
  for (let index = 1; index < lines.length - 1; index++) if (lines[index]!.blank && !lines[index - 1]!.blank) blankBetween++;
  // A short region (section 四's one row) shows it with fewer lines, when every line with values holds one alone.
  const enoughLines = singleValueLines >= MIN_VALUE_LINES || (singleValueLines >= MIN_VALUE_LINES_ALL_SINGLE && singleValueLines === valueLines);
  if (blankBetween === 0 || !enoughLines || singleValueLines < MIN_VALUE_LINE_SHARE * valueLines) return tokens;
  // A region that prints its blank cells on lines of their own already ("0 |" / "|": a bar alone) prints none as an
  // empty line: its empty lines are the text's (before the next heading, say).
  if (lines.some((entry) => entry.count === 1 && tokens[entry.first]!.kind === 'empty')) return tokens;
  const isValueLine = (entry: LineTokens | undefined): boolean => entry !== undefined && entry.count === 1 && tokens[entry.first]!.kind === 'value';
  if (!emptyLinesAreCells(lines, isValueLine)) return tokens;
  // A label line, its ordinal ("3.补正后…": 3 glued to the label's mark) included.
  const isTextLine = (entry: LineTokens | undefined): boolean => {
    if (entry === undefined || entry.count === 0) return false;
    const lineTokens = tokens.slice(entry.first, entry.first + entry.count);
    return lineTokens.some((token) => token.kind === 'text') && lineTokens.every((token) => token.kind === 'text' || (token.kind === 'value' && token.ordinalTail));
  };
  const rowGap = rowGapOf(lines, isValueLine, isTextLine);
  const result: Token[] = [];
  lines.forEach((entry, index) => {
    if (entry.blank) {
      // The run of empty lines this one belongs to, and the lines around it.
      let before = index - 1;
      while (before >= 0 && lines[before]!.blank) before--;
      let after = index + 1;
      while (after < lines.length && lines[after]!.blank) after++;
      const previous = lines[before];
      const next = lines[after];
      const betweenCells = (isValueLine(previous) || isTextLine(previous)) && (isValueLine(next) || isTextLine(next)) && (isValueLine(previous) || isValueLine(next));
      // Empty lines around a page break (its footer gone, a form feed left) may be the break's as well as empty
      // cells: marked, so that the solver reads no cell of their row from its gaps.
      const aroundPageBreak = lines.slice(before + 1, after).some((line) => line.pageBreak);
      // Where every row ends in the same number of empty lines before the next row's label (a row gap), the last of
      // a run there are that gap, not cells: "3", six empty cells and the gap are seven empty lines.
      const gap = isValueLine(previous) && isTextLine(next) ? rowGap : 0;
      const cellsInRun = after - before - 1 - gap;
      if (betweenCells && index - before - 1 < cellsInRun && cellsInRun <= MAX_EMPTY_RUN) {
        result.push({ kind: 'empty', start: entry.start, end: entry.start, line: index, ...(aroundPageBreak ? { pageBreak: true } : {}) });
      }
      return;
    }
    for (let position = entry.first; position < entry.first + entry.count; position++) {
      const token = tokens[position]!;
      result.push(token.kind === 'value' && entry.count === 1 ? { ...token, spaced: true } : token);
    }
  });
  return result;
}

/** Share of the steps from one value line to the next that a single empty line makes, where empty lines separate cells. */
const SEPARATOR_SHARE = 0.75;

/**
 * Whether an empty line between two values of a region may be a cell of its own. Where (nearly) every value stands
 * one empty line from the next ("3", "", "3", "", "9": a PDF's reading order, each cell a block of its own), the
 * empty line is the separator and a blank cell leaves no trace at all: reading the empty lines as cells there lays
 * "3 3 3 9" out as 3 | | 3 | | 3 | | 9. A region printed one cell per line shows values on adjacent lines, or runs
 * of several empty lines, as well.
 */
function emptyLinesAreCells(lines: readonly LineTokens[], isValueLine: (entry: LineTokens | undefined) => boolean): boolean {
  let steps = 0;
  let oneEmptyLine = 0;
  for (let index = 1; index < lines.length; index++) {
    if (!isValueLine(lines[index])) continue;
    let before = index - 1;
    while (before >= 0 && lines[before]!.blank) before--;
    if (!isValueLine(lines[before])) continue;
    steps++;
    if (index - before === 2) oneEmptyLine++;
  }
  return steps === 0 || oneEmptyLine < SEPARATOR_SHARE * steps;
}

/** Fewest rows ending before a label that show a region's row gap. */
const MIN_ROW_ENDS = 3;

/**
 * The empty lines every row of a region printed one cell per line ends in before the next row's label: the fewest
 * after a value line followed by a label line, where there are enough such row ends to tell (0 where a row's last
 * value stands right above the next label). A row ending in blank cells ends in more: its blanks and the gap.
 */
function rowGapOf(
  lines: readonly LineTokens[],
  isValueLine: (entry: LineTokens | undefined) => boolean,
  isTextLine: (entry: LineTokens | undefined) => boolean,
): number {
  let fewest = Number.POSITIVE_INFINITY;
  let rowEnds = 0;
  for (let index = 0; index < lines.length; index++) {
    if (!isValueLine(lines[index])) continue;
    let after = index + 1;
    while (after < lines.length && lines[after]!.blank) after++;
    if (!isTextLine(lines[after])) continue;
    rowEnds++;
    fewest = Math.min(fewest, after - index - 1);
  }
  return rowEnds >= MIN_ROW_ENDS ? fewest : 0;
}
