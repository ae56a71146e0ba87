import { BLANK_MARK, labelWords } from './placeByColumnLabels.ts';
import { LEVEL_SLASH } from './placeByGroupNames.ts';
import { columnLabelLevels, type TableDefinition } from '../../templates/TemplateDefinition.ts';
import { canonicalLabel } from '../../normalise/labelKey.ts';
import { indexRows, matchRowLabel } from '../grid/matchRowLabel.ts';
import { printedWord, type SkeletonRow } from './sectionSkeleton.ts';
import type { Token } from './Token.ts';

/** A place in the token stream where a row's label was found. */
export interface Anchor {
  /** Index of the row in the skeleton. */
  readonly rowIndex: number;
  /** Index of the label's last text token. */
  readonly tokenIndex: number;
  readonly labelScore: number;
}

/** A text opening with a row's ordinal of Chinese numerals, or its bracket's first half: "（七", "（七）总计", "七、". */
const OPENS_ROW_ORDINAL = /^(?:[（(][一二三四五六七八九十]+|[一二三四五六七八九十]+[、，,])/u;
/** Most text tokens joined into one label (a label wrapped over lines or cells, or cut by spaces). */
const MAX_JOINED = 4;
/** Cost of a row of the skeleton with no anchor in the chain. */
const SKIPPED_ROW_COST = 1.5;

/**
 * Chooses the label anchors of a section: every text token (with up to three before it) is matched by meaning
 * against the section's rows, then the chain of anchors in row order that best explains the stream is chosen
 * by dynamic programming. A link scores its label match and whether the number of values up to the next
 * anchor fits the row (its cell count; one more when the last is glued to the next row's ordinal; fewer when
 * empty cells can stand for blanks). Header words that happen to match a row (总计, 其他) lose because the
 * count after them does not fit, and rows out of order cannot be chained.
 */
export function chooseAnchors(tokens: readonly Token[], skeleton: readonly SkeletonRow[], tables: readonly TableDefinition[]): Anchor[] {
  const candidates = findCandidates(tokens, skeleton, tables);
  if (candidates.length === 0) return [];
  const valuesBefore = new Int32Array(tokens.length + 1);
  const emptiesBefore = new Int32Array(tokens.length + 1);
  const columnLabels = columnLabelKeys(tables);
  tokens.forEach((token, index) => {
    const counted = token.kind === 'value' && !slashBetweenLevels(tokens, index, columnLabels);
    valuesBefore[index + 1] = valuesBefore[index]! + (counted ? 1 : 0);
    // A cell's name with a blank mark glued to it ("自然人—、商业企业—、…" in a row written as a sentence) is that
    // cell, printed blank, as much as an empty cell between tabs.
    const empties = token.kind === 'empty' ? 1 : token.kind === 'text' ? namedBlanks(token.text, columnLabels) : 0;
    emptiesBefore[index + 1] = emptiesBefore[index]! + empties;
  });
  const fit = (row: SkeletonRow, from: number, to: number): number => {
    const last = lastValue(tokens, from, to);
    // The next row's ordinal at the end of a row's run ("…总计—。⏎2.其他法律…") is none of its cells.
    const ordinalTail = last?.kind === 'value' && last.ordinalTail === true;
    const values = valuesBefore[to]! - valuesBefore[from + 1]!;
    const empties = emptiesBefore[to]! - emptiesBefore[from + 1]!;
    const cells = row.fieldIds.length;
    if (values === cells) return 2;
    if (values === cells + 1 && ordinalTail) return 2;
    const own = ordinalTail ? values - 1 : values;
    if (own < cells && values + empties >= cells && (own > 0 || empties >= cells)) return 1;
    if (values === 0) return -1;
    return values > cells ? -0.5 : -0.25;
  };
  const end = lastRunEnd(tokens, tables);
  const best = new Float64Array(candidates.length);
  const previous = new Int32Array(candidates.length).fill(-1);
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index]!;
    best[index] = candidate.labelScore * 2 - SKIPPED_ROW_COST * candidate.rowIndex;
    for (let before = 0; before < index; before++) {
      const earlier = candidates[before]!;
      if (earlier.rowIndex >= candidate.rowIndex || earlier.tokenIndex >= candidate.tokenIndex) continue;
      const score = best[before]! + fit(skeleton[earlier.rowIndex]!, earlier.tokenIndex, candidate.tokenIndex) + candidate.labelScore * 2
        - SKIPPED_ROW_COST * (candidate.rowIndex - earlier.rowIndex - 1);
      if (score > best[index]!) {
        best[index] = score;
        previous[index] = before;
      }
    }
  }
  let chainEnd = -1;
  let chainScore = -Infinity;
  candidates.forEach((candidate, index) => {
    const total = best[index]! + fit(skeleton[candidate.rowIndex]!, candidate.tokenIndex, Math.max(candidate.tokenIndex + 1, end(candidate.tokenIndex)))
      - SKIPPED_ROW_COST * (skeleton.length - 1 - candidate.rowIndex);
    if (total > chainScore) {
      chainScore = total;
      chainEnd = index;
    }
  });
  const chain: Anchor[] = [];
  for (let index = chainEnd; index >= 0; index = previous[index]!) chain.push(candidates[index]!);
  return chain.reverse();
}

/** Blank marks ahead of the punctuation that ends a name: the test before a text's words are split. */
const MAY_NAME_BLANK = new RegExp(`${BLANK_MARK}(?:[,，、;；:：。]|$)`, 'u');

/** How many of a text's words are a column's name with a blank mark glued to it ("其他—", "1.属于国家秘密自然人—"). */
function namedBlanks(text: string, columnLabels: ReadonlySet<string>): number {
  if (!MAY_NAME_BLANK.test(text)) return 0;
  let count = 0;
  for (const word of labelWords(text)) {
    if (!word.blank) continue;
    for (const label of columnLabels) {
      if (word.label.endsWith(label)) {
        count++;
        break;
      }
    }
  }
  return count;
}

/**
 * Whether a value token is a slash between a group's heading and its name ("行政诉讼 / 未经复议直接起诉"), which parts
 * the levels of a header: no cell, unlike a slash after a column's name ("商业企业 / 科研机构 0": 商业企业 blank).
 */
function slashBetweenLevels(tokens: readonly Token[], index: number, columnLabels: ReadonlySet<string>): boolean {
  const token = tokens[index]!;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  return token.kind === 'value' && LEVEL_SLASH.test(token.raw) && before?.kind === 'text' && after?.kind === 'text'
    && !columnLabels.has(labelWords(before.text).at(-1)?.label ?? '');
}

function lastValue(tokens: readonly Token[], from: number, to: number): Token | undefined {
  for (let index = to - 1; index > from; index--) if (tokens[index]!.kind === 'value') return tokens[index];
  return undefined;
}

/**
 * Where the run of the last anchored row ends: at the first text token of prose (four Han characters or
 * more) after its values began, or at the end of the region. The tables' column headers are not prose (其他结果,
 * 尚未审结 run together after a page number that broke into the header: "…结果纠正7 其他结果尚未审结总计…").
 */
export function lastRunEnd(tokens: readonly Token[], tables?: readonly TableDefinition[]): (from: number) => number {
  const headerWords = tables ? headerWordList(tables) : undefined;
  // Whether the text token at an index is prose, known once per token (every anchor's run looks at the tokens after it).
  const prose = new Map<number, boolean>();
  const isProse = (index: number): boolean => {
    let known = prose.get(index);
    if (known === undefined) {
      const token = tokens[index]!;
      const before = tokens[index - 1];
      const after = tokens[index + 1];
      known = token.kind === 'text' && (token.text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 4
        && !(headerWords && madeOfHeaderWords(token.text, headerWords))
        // A column's name a line wrap cut ("、处⏎理决定数量62件"): its tail is header words with the text before it,
        // its head with the text after it ("行政诉讼（未经复议直接起⏎诉）结果维持0").
        && !(headerWords && before?.kind === 'text' && madeOfHeaderWords(`${before.text}${token.text}`, headerWords))
        && !(headerWords && after?.kind === 'text' && madeOfHeaderWords(`${token.text}${after.text}`, headerWords));
      prose.set(index, known);
    }
    return known;
  };
  return (from: number) => {
    let seenValue = false;
    for (let index = from + 1; index < tokens.length; index++) {
      const token = tokens[index]!;
      if (token.kind === 'value') seenValue = true;
      else if (seenValue && token.kind === 'text' && isProse(index)) return index;
    }
    return tokens.length;
  };
}

/** Share of a text's characters header words must cover for it to be header text (one OCR'd word in four may not). */
const HEADER_COVER = 0.75;

/** Whether a text is column header words run together, most of it as printed ("其他结果尚未审洁总计"). */
function madeOfHeaderWords(text: string, headerWords: readonly string[]): boolean {
  // Punctuation and blank marks between the words ("结果维持/；结果纠正/") are no words of another row.
  const word = printedWord(text).replace(/[^\p{L}\p{N}]+/gu, '');
  const covered = new Uint8Array(word.length);
  for (const header of headerWords) {
    for (let at = word.indexOf(header); at >= 0; at = word.indexOf(header, at + 1)) covered.fill(1, at, at + header.length);
  }
  if (covered.reduce((sum, flag) => sum + flag, 0) >= HEADER_COVER * word.length) return true;
  // OCR'd headers ("洁果纠正", "复议后起拆"): a word of four characters or more with one of them misread still covers.
  for (const header of headerWords) {
    if (header.length < 4) continue;
    for (let at = 0; at + header.length <= word.length; at++) {
      if (covered[at] === 1 && covered[at + header.length - 1] === 1) continue;
      let misread = 0;
      for (let offset = 0; offset < header.length && misread <= 1; offset++) if (word[at + offset] !== header[offset]) misread++;
      if (misread <= 1) covered.fill(1, at, at + header.length);
    }
  }
  return covered.reduce((sum, flag) => sum + flag, 0) >= HEADER_COVER * word.length;
}

const headerWordCache = new WeakMap<readonly TableDefinition[], readonly string[]>();

/** Every part of the tables' column labels as printed (行政复议, 未经复议直接起诉, 结果维持, …): two characters or more. */
function headerWordList(tables: readonly TableDefinition[]): readonly string[] {
  const cached = headerWordCache.get(tables);
  if (cached) return cached;
  const words = [...new Set(tables.flatMap((table) => table.columns.flatMap((column) => column.labels.flatMap((label) => columnLabelLevels(label).map(printedWord)))))]
    .filter((word) => word.length >= 2);
  headerWordCache.set(tables, words);
  return words;
}

function findCandidates(tokens: readonly Token[], skeleton: readonly SkeletonRow[], tables: readonly TableDefinition[]): Anchor[] {
  const index = indexRows(tables);
  const rowIndexOf = new Map(skeleton.map((row, position) => [row.row, position]));
  const candidates: Anchor[] = [];
  const columnLabels = columnLabelKeys(tables);
  // Each text's words are asked for as the token, as its neighbours' neighbour: split once.
  const wordsByToken = new Map<Token, ReturnType<typeof labelWords>>();
  const wordsOf = (neighbour: Token | undefined) => {
    if (neighbour?.kind !== 'text') return [];
    let words = wordsByToken.get(neighbour);
    if (!words) wordsByToken.set(neighbour, (words = labelWords(neighbour.text)));
    return words;
  };
  // (Words of column labels only, blank marks glued to some: "；法律服务机构/；其他" in a row written as a sentence.)
  const isColumnLabel = (neighbour: Token | undefined) => {
    const words = wordsOf(neighbour);
    return words.length > 0 && words.every((word) => columnLabels.has(word.label));
  };
  let labels: string[] = [];
  tokens.forEach((token, tokenIndex) => {
    if (token.kind !== 'text') {
      labels = [];
      return;
    }
    labels.push(token.text);
    if (labels.length > MAX_JOINED) labels.shift();
    // A column label next to another (法律服务机构 其他, 总计 商业企业) is the table's header, printed again at a page
    // break: its 其他 or 总计 is no row's label, whatever count of values follows it.
    if (isColumnLabel(token) && (isColumnLabel(tokens[tokenIndex - 1]) || isColumnLabel(tokens[tokenIndex + 1]))) return;
    // So is a column label among a row's values with a value glued to it ("… 其他无 总计26"): a page printing each row as
    // a card of column label and value pairs (自然人26 商业企业无 …) labels its cells, and 其他 or 总计 there is a cell's.
    const next = tokens[tokenIndex + 1];
    const previous = tokens[tokenIndex - 1];
    const cellBefore = previous?.kind === 'value' || wordsOf(previous).at(-1)?.blank === true || wordsOf(token).slice(0, -1).some((word) => word.blank);
    if (isColumnLabel(token) && cellBefore && next?.kind === 'value' && next.afterWords === true) return;
    const match = matchRowLabel(labels, index);
    const found = match.kind === 'matched' ? [match.candidate.row] : match.kind === 'ambiguous' ? match.candidates.map((candidate) => candidate.row) : [];
    let score = match.kind === 'none' ? 0 : match.score;
    if (found.length === 0) {
      // A row label run on into the names of its first cells ("行政强制上一年项目数量/；本年增/减/", "规章本年新制作数量",
      // a report writing its tables as sentences): the words left once the names are cut off name the row. Asked
      // first: such a row ends in a column's name, which may be a row's label too ("1.属于国家秘密自然人—、…、总计—。"
      // is no 总计 row).
      const head = beforeColumnNames(token.text, columnLabels);
      const headMatch = head === undefined ? undefined : matchRowLabel([head], index);
      const tail = headMatch?.kind === 'matched' ? undefined : labelAtEnd(token.text, skeleton);
      if (headMatch?.kind === 'matched') {
        found.push(headMatch.candidate.row);
        score = headMatch.score;
      } else if (tail) {
        // A label run together with the words before it ("…对外公开总数量规章"): the row whose label ends the text.
        found.push(tail.row);
        score = tail.length >= MIN_TAIL_LENGTH ? TAIL_MATCH_SCORE : SHORT_TAIL_MATCH_SCORE;
      } else if (skeleton.length === 1 && containsLabel(token.text, skeleton[0]!)) {
        // A one-row table (section 四) is anchored by its heading, run together with its column headers.
        found.push(skeleton[0]!.row);
        score = CONTAINED_MATCH_SCORE;
      }
    }
    for (const row of found) {
      const rowIndex = rowIndexOf.get(row);
      if (rowIndex === undefined) continue;
      // The same row matched again by a longer join of the same label: keep the later, closer to its values. Not when
      // the later text opens with a row's ordinal of its own: it starts another row's label, its values are that row's
      // ("3" / ".其他" / "（七\t162\t…" / "）总计": 3.其他 anchored on "（七" took the 总计 row's values, seed 219
      // labels-split).
      const last = candidates[candidates.length - 1];
      if (last && last.rowIndex === rowIndex && !valueBetween(tokens, last.tokenIndex, tokenIndex)) {
        if (last.labelScore > score || (last.tokenIndex !== tokenIndex && OPENS_ROW_ORDINAL.test(token.text))) continue;
        candidates.pop();
      }
      candidates.push({ rowIndex, tokenIndex, labelScore: score });
    }
  });
  return candidates;
}

const columnLabelCache = new WeakMap<readonly TableDefinition[], ReadonlySet<string>>();

/**
 * The column labels of some tables as printed, spaces aside (自然人, 商业企业, …, 其他, 总计; a label's last part
 * after "/"). Compared as printed, not canonically: "3.其他" and "（七）总计" are row labels, their ordinals show it.
 */
function columnLabelKeys(tables: readonly TableDefinition[]): ReadonlySet<string> {
  const cached = columnLabelCache.get(tables);
  if (cached) return cached;
  const keys = new Set(tables.flatMap((table) => table.columns.flatMap((column) => column.labels.map((label) => printedWord(columnLabelLevels(label).at(-1)!)))));
  columnLabelCache.set(tables, keys);
  return keys;
}


/** Fewest characters of a row label left before the column names cut off it. */
const MIN_HEAD_LENGTH = 2;

/**
 * The words of a text before the column names it ends in (each with or without a blank mark glued to it, the first
 * run together with the words before it); undefined when the text does not end in column names.
 */
function beforeColumnNames(text: string, columnLabels: ReadonlySet<string>): string | undefined {
  const words = labelWords(text);
  let last = words.length - 1;
  while (last >= 0 && columnLabels.has(words[last]!.label)) last--;
  if (last < 0) return undefined;
  const word = words[last]!.label;
  let cut = 0;
  for (const label of columnLabels) if (label.length > cut && word.endsWith(label) && word.length - label.length >= MIN_HEAD_LENGTH) cut = label.length;
  if (cut === 0) return undefined;
  return [...words.slice(0, last).map((before) => before.label), word.slice(0, word.length - cut)].join('');
}

/** Score of a label found only as the end of a longer text. */
const TAIL_MATCH_SCORE = 0.85;
/** Shortest canonical label taken at the end of a longer text with the full tail score. */
const MIN_TAIL_LENGTH = 3;
/**
 * A two-character label (规章, 其他, 总计) ending a longer text: such words also end column headers, so the
 * match scores low and stands only where the count of values after it fits the row better than any other chain.
 */
const SHORT_TAIL_MATCH_SCORE = 0.6;
const MIN_SHORT_TAIL_LENGTH = 2;

/** Score of the label of a one-row table found inside a longer text. */
const CONTAINED_MATCH_SCORE = 0.8;

function containsLabel(text: string, row: SkeletonRow): boolean {
  const key = canonicalLabel(text);
  return row.labelKeys.some((labelKey) => labelKey.length >= MIN_TAIL_LENGTH && key.includes(labelKey));
}

/** The row whose longest label variant ends the text (after canonicalisation), if any. */
function labelAtEnd(text: string, skeleton: readonly SkeletonRow[]): { row: SkeletonRow['row']; length: number } | undefined {
  const key = canonicalLabel(text);
  let best: { row: SkeletonRow['row']; length: number } | undefined;
  for (const { row, labelKeys } of skeleton) {
    for (const labelKey of labelKeys) {
      if (labelKey.length >= MIN_SHORT_TAIL_LENGTH && labelKey.length < key.length && key.endsWith(labelKey) && (!best || labelKey.length > best.length)) {
        best = { row, length: labelKey.length };
      }
    }
  }
  return best;
}

function valueBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let index = from + 1; index < to; index++) if (tokens[index]!.kind !== 'text') return true;
  return false;
}
