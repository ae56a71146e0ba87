import { labelSimilarity } from '../../normalise/labelKey.ts';
import { alignFromStart, allowedLabelErrors, findApproximate, type ApproximateMatch } from '../../text/approximateMatch.ts';
import type { LabelSkeleton } from './buildLabelSkeleton.ts';
import type { LabelVariant, ListRowPattern } from './compileListRows.ts';
import { isChineseCharacter, LIST_UNITS, type ListCell } from './tokeniseListCells.ts';

/** Where a row's label was found. Text offsets are into the text the cells were cut from. */
export interface RowAnchor {
  readonly pattern: ListRowPattern;
  readonly variant: LabelVariant;
  /** Skeleton span of the matched label. */
  readonly skeletonStart: number;
  readonly skeletonEnd: number;
  /** Text span from the first to the last matched label character. */
  readonly matchStart: number;
  readonly matchEnd: number;
  /** Start of the printed row: matchStart moved back over the row's ordinal ("2.", "（一）", "其中：") when printed. */
  readonly anchorStart: number;
  /** Edit distance of the printed label skeleton to the variant (0 = exact). */
  readonly errors: number;
  readonly how: 'exact' | 'approximate' | 'similar-cell';
}

/** Longest stretch of text between two consecutive rows of one table (page footers and repeated headers fit). */
const MAX_GAP_BETWEEN_ROWS = 800;
/** Fewer rows than this in one run is not a table (a narrative sentence quoting two labels, say). */
const MIN_ROWS_FOR_A_TABLE = 6;
/** Skeleton characters searched before the first / after the last row found, for rows missing at the edges. */
const EDGE_WINDOW = 160;
/** A label found approximately must also read as the same label by meaning. */
const MIN_SIMILARITY_APPROXIMATE = 0.6;
/** A cell taken for a missing row by meaning alone must be this similar. */
const MIN_SIMILARITY_CELL = 0.8;

interface Occurrence {
  readonly pattern: ListRowPattern;
  readonly variant: LabelVariant;
  readonly start: number;
  readonly end: number;
}

/**
 * Finds the label of every row of a list table, in template order: first every exact occurrence of every
 * label variant, then the longest run of occurrences in template order with no gap too wide (the table; a
 * narrative sentence quoting a label is left out), then the rows still missing, searched approximately only
 * between their found neighbours (OCR noise 负贲, a typo 维护 for 维持), then by meaning (labelSimilarity)
 * among the cells there. Returns anchors by row index; an empty map when no table is found.
 */
export function findRowAnchors(
  text: string,
  cells: readonly ListCell[],
  skeleton: LabelSkeleton,
  patterns: readonly ListRowPattern[],
): Map<number, RowAnchor> {
  const stops = sentenceEnds(text);
  const chain = longestOrderedRun(collectOccurrences(text, skeleton, patterns), skeleton, stops);
  const anchors = new Map<number, RowAnchor>();
  if (chain.length < MIN_ROWS_FOR_A_TABLE) return anchors;
  const found = new Map<number, { start: number; end: number; variant: LabelVariant; errors: number; how: RowAnchor['how'] }>();
  for (const occurrence of chain) {
    found.set(occurrence.pattern.index, { start: occurrence.start, end: occurrence.end, variant: occurrence.variant, errors: 0, how: 'exact' });
  }
  for (const pattern of patterns) {
    if (found.has(pattern.index)) continue;
    const window = gapAround(pattern.index, found, skeleton, stops);
    const approximate = searchApproximately(text, pattern, skeleton, window.from, window.to, window.bounded);
    if (approximate) {
      found.set(pattern.index, { ...approximate, how: 'approximate' });
      continue;
    }
    const similar = pattern.fieldId ? searchSimilarCell(pattern, cells, skeleton, window.from, window.to) : undefined;
    if (similar) found.set(pattern.index, { ...similar, how: 'similar-cell' });
  }
  const ordered = [...found.entries()].sort((left, right) => left[1].start - right[1].start);
  let previousEnd = 0;
  for (let position = 0; position < ordered.length; position++) {
    const [index, match] = ordered[position]!;
    const pattern = patterns[index]!;
    const limit = position + 1 < ordered.length ? ordered[position + 1]![1].start : skeleton.characters.length;
    const extended = extendOverLongerVariant(pattern, match, skeleton, limit);
    const matchStart = skeleton.textPosition[extended.start]!;
    const matchEnd = skeleton.textPosition[extended.end - 1]! + 1;
    const anchorStart = moveBackOverOrdinal(text, pattern, matchStart, previousEnd);
    anchors.set(index, {
      pattern,
      variant: extended.variant,
      skeletonStart: extended.start,
      skeletonEnd: extended.end,
      matchStart,
      matchEnd,
      anchorStart,
      errors: extended.errors,
      how: match.how,
    });
    previousEnd = matchEnd;
  }
  return anchors;
}

function collectOccurrences(text: string, skeleton: LabelSkeleton, patterns: readonly ListRowPattern[]): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const haystack = skeleton.characters;
  const find = occurrenceFinder(haystack);
  for (const pattern of patterns) {
    const starts = new Set<number>();
    for (const variant of pattern.variants) {
      for (let position = find.first(variant.skeleton); position !== -1; position = find.next(variant.skeleton, position)) {
        // Variants come longest first: a shorter one at the same start adds nothing.
        if (!starts.has(position) && (!variant.embedded || startsALabel(text, pattern, skeleton.textPosition[position]!))) {
          starts.add(position);
          occurrences.push({ pattern, variant, start: position, end: position + variant.skeleton.length });
        }
      }
    }
  }
  return occurrences.sort((left, right) => left.start - right.start || right.end - left.end);
}

/** Buckets of the hash of a pair of characters (a power of two). */
const PAIR_BUCKETS = 4096;

/**
 * Every occurrence of a needle in `haystack`, in increasing position (overlapping ones too), as indexOf from each
 * found position + 1 would give them. The haystack's character pairs are chained by hash once, so each of the
 * table's ~70 label variants visits only the positions where its first two characters stand, instead of scanning
 * the whole document's skeleton.
 */
function occurrenceFinder(haystack: string): { first(needle: string): number; next(needle: string, after: number): number } {
  const head = new Int32Array(PAIR_BUCKETS).fill(-1);
  const chain = new Int32Array(Math.max(0, haystack.length - 1));
  for (let position = haystack.length - 2; position >= 0; position--) {
    const bucket = pairBucket(haystack.charCodeAt(position), haystack.charCodeAt(position + 1));
    chain[position] = head[bucket]!;
    head[bucket] = position;
  }
  const matchFrom = (needle: string, candidate: number): number => {
    for (let position = candidate; position !== -1; position = chain[position]!) {
      if (haystack.startsWith(needle, position)) return position;
    }
    return -1;
  };
  return {
    first: (needle) => {
      if (needle.length < 2) return haystack.indexOf(needle);
      return matchFrom(needle, head[pairBucket(needle.charCodeAt(0), needle.charCodeAt(1))]!);
    },
    next: (needle, after) => {
      if (needle.length < 2) return haystack.indexOf(needle, after + 1);
      // `after` is an occurrence, so it is in the needle's chain: the chain goes on from there.
      return matchFrom(needle, chain[after]!);
    },
  };
}

function pairBucket(first: number, second: number): number {
  return ((first * 31) ^ second) & (PAIR_BUCKETS - 1);
}

/**
 * The longest chain of occurrences with increasing row index and increasing, non-overlapping positions, each
 * within MAX_GAP_BETWEEN_ROWS of the one before and with no full stop (。) between them. Quadratic in the number of occurrences (a few hundred at most).
 */
function longestOrderedRun(occurrences: readonly Occurrence[], skeleton: LabelSkeleton, sentenceEndsBefore: Int32Array): Occurrence[] {
  const count = occurrences.length;
  const length = new Int32Array(count);
  const previous = new Int32Array(count).fill(-1);
  let bestEnd = -1;
  for (let current = 0; current < count; current++) {
    const here = occurrences[current]!;
    const hereText = skeleton.textPosition[here.start]!;
    length[current] = 1;
    for (let before = current - 1; before >= 0; before--) {
      const there = occurrences[before]!;
      if (there.pattern.index >= here.pattern.index || there.end > here.start) continue;
      const thereEnd = skeleton.textPosition[there.end - 1]! + 1;
      if (hereText - thereEnd > MAX_GAP_BETWEEN_ROWS) continue;
      // A full stop between two labels: they are in sentences, not rows of one table.
      if (sentenceEndsBefore[hereText]! !== sentenceEndsBefore[thereEnd]!) continue;
      // Strictly longer only: on a tie the nearer predecessor (found first, scanning back) is kept.
      if (length[before]! + 1 > length[current]!) {
        length[current] = length[before]! + 1;
        previous[current] = before;
      }
    }
    if (bestEnd === -1 || length[current]! > length[bestEnd]!) bestEnd = current;
  }
  const chain: Occurrence[] = [];
  for (let at = bestEnd; at !== -1; at = previous[at]!) chain.push(occurrences[at]!);
  return chain.reverse();
}

/** The end of a value before a full stop: digits and a unit, or a blank mark. */
const VALUE_BEFORE_STOP = /(?:[0-9０-９OoIl〇]\s*(?:条|件|次|篇|个|人|人次|元|万元)?|[\/／—\-－无])$/u;

/** For each text position, how many full stops (。) come before it (a stop after a value not counted). */
function sentenceEnds(text: string): Int32Array {
  // Jumps from full stop to full stop (native indexOf and fill) instead of testing every character.
  const counts = new Int32Array(text.length + 1);
  let seen = 0;
  let from = 0;
  for (let stop = text.indexOf('。'); stop !== -1; stop = text.indexOf('。', stop + 1)) {
    // A row written as a sentence ends in its value ("…信息数：22条。"): that stop parts rows, not prose.
    if (VALUE_BEFORE_STOP.test(text.slice(Math.max(0, stop - 6), stop))) continue;
    counts.fill(seen, from, stop + 1);
    seen++;
    from = stop + 1;
  }
  counts.fill(seen, from);
  return counts;
}

/**
 * The skeleton window between the nearest found rows before and after row `index`. At the edges of the table
 * the window reaches EDGE_WINDOW characters out, but never past a full stop (。) into the narrative.
 */
function gapAround(
  index: number,
  found: ReadonlyMap<number, { start: number; end: number }>,
  skeleton: LabelSkeleton,
  sentenceEndsBefore: Int32Array,
): { from: number; to: number; bounded: boolean } {
  let before: { start: number; end: number } | undefined;
  let after: { start: number; end: number } | undefined;
  for (const [rowIndex, match] of found) {
    if (rowIndex < index && (!before || match.end > before.end)) before = match;
    if (rowIndex > index && (!after || match.start < after.start)) after = match;
  }
  const length = skeleton.characters.length;
  let from = before ? before.end : Math.max(0, (after?.start ?? 0) - EDGE_WINDOW);
  let to = after ? after.start : Math.min(length, (before?.end ?? length) + EDGE_WINDOW);
  if (!before && after) {
    const stopsAtAnchor = sentenceEndsBefore[skeleton.textPosition[after.start]!]!;
    while (from < to && sentenceEndsBefore[skeleton.textPosition[from]!]! !== stopsAtAnchor) from++;
  }
  if (!after && before) {
    const stopsAtAnchor = sentenceEndsBefore[skeleton.textPosition[before.end - 1]!]!;
    while (to > from && sentenceEndsBefore[skeleton.textPosition[to - 1]!]! !== stopsAtAnchor) to--;
  }
  return { from, to, bounded: before !== undefined && after !== undefined };
}

function searchApproximately(
  text: string,
  pattern: ListRowPattern,
  skeleton: LabelSkeleton,
  from: number,
  to: number,
  bounded: boolean,
): { start: number; end: number; variant: LabelVariant; errors: number } | undefined {
  let best: { start: number; end: number; variant: LabelVariant; errors: number } | undefined;
  for (const variant of pattern.variants) {
    const match = approximateWhereALabelStarts(text, pattern, variant, skeleton, from, to);
    if (!match) continue;
    const printed = skeleton.characters.slice(match.start, match.end);
    // One garbled character in a short label (收到由请数) costs more similarity than the bar allows; between
    // the row's found neighbours, with one edit, the match cannot be another row's label.
    const oneEditBetweenNeighbours = bounded && match.errors <= 1 && variant.skeleton.length >= 5;
    if (!oneEditBetweenNeighbours && labelSimilarity(printed, variant.label) < MIN_SIMILARITY_APPROXIMATE) continue;
    const rate = match.errors / variant.skeleton.length;
    if (!best || rate < best.errors / best.variant.skeleton.length) best = { ...match, variant };
  }
  return best;
}

/** The best approximate match of a variant; for an embedded variant, the best one standing where a label can start. */
function approximateWhereALabelStarts(
  text: string,
  pattern: ListRowPattern,
  variant: LabelVariant,
  skeleton: LabelSkeleton,
  from: number,
  to: number,
): ApproximateMatch | undefined {
  const maxErrors = allowedLabelErrors(variant.skeleton.length);
  const match = findApproximate(variant.skeleton, skeleton.characters, from, to, maxErrors);
  if (!match || !variant.embedded || startsALabel(text, pattern, skeleton.textPosition[match.start]!)) return match;
  const candidates = [
    findApproximate(variant.skeleton, skeleton.characters, from, match.start, maxErrors),
    findApproximate(variant.skeleton, skeleton.characters, match.end, to, maxErrors),
  ].filter((candidate): candidate is ApproximateMatch => candidate !== undefined && startsALabel(text, pattern, skeleton.textPosition[candidate.start]!));
  candidates.sort((left, right) => left.errors - right.errors);
  return candidates[0];
}

const UNIT_CHARACTERS = new Set(LIST_UNITS.map((unit) => unit[unit.length - 1]!));

/**
 * Whether a row label can start at text position `position`: after the row's ordinal (if printed) and spaces,
 * what comes before is not a Chinese character, or is the end of a unit or 无 (a flattened table). 同意公开答复数
 * inside 不同意公开答复数 fails: 不 stands before it.
 */
function startsALabel(text: string, pattern: ListRowPattern, position: number): boolean {
  let at = moveBackOverOrdinal(text, pattern, position, Math.max(0, position - 16));
  let lineStart = false;
  while (at > 0 && /[\s\u3000]/u.test(text[at - 1]!)) {
    if (text[at - 1] === '\n' || text[at - 1] === '\r') lineStart = true;
    at--;
  }
  const before = text[at - 1];
  // At a line start after a line that ends a label (…总次数, …的经费）): a row of its own, not the tail of a wrapped
  // label (主要负责同志参加 / 政府网站在线访谈次数 wraps after 参加).
  if (lineStart && before !== undefined && LABEL_ENDINGS.has(before)) return true;
  return before === undefined || !isChineseCharacter(before) || UNIT_CHARACTERS.has(before) || before === '无';
}

/** Characters the form's row labels end with. */
const LABEL_ENDINGS = new Set(['数', '量', '用', '况', '）', ')']);

function searchSimilarCell(
  pattern: ListRowPattern,
  cells: readonly ListCell[],
  skeleton: LabelSkeleton,
  from: number,
  to: number,
): { start: number; end: number; variant: LabelVariant; errors: number } | undefined {
  if (to <= from) return undefined;
  let best: { start: number; end: number; variant: LabelVariant; errors: number; score: number } | undefined;
  let position = from;
  while (position < to) {
    const cellIndex = skeleton.cellIndex[position]!;
    let end = position;
    while (end < to && skeleton.cellIndex[end] === cellIndex) end++;
    const cell = cells[cellIndex]!;
    for (const variant of pattern.variants) {
      const score = labelSimilarity(cell.content, variant.label);
      if (score >= MIN_SIMILARITY_CELL && (!best || score > best.score)) {
        best = { start: position, end, variant, errors: Math.abs(variant.skeleton.length - (end - position)), score };
      }
    }
    position = end;
  }
  return best && { start: best.start, end: best.end, variant: best.variant, errors: best.errors };
}

/** A row found by a short variant, extended over a longer variant printed from the same start (a wrapped note). */
function extendOverLongerVariant(
  pattern: ListRowPattern,
  match: { start: number; end: number; variant: LabelVariant; errors: number },
  skeleton: LabelSkeleton,
  limit: number,
): { start: number; end: number; variant: LabelVariant; errors: number } {
  let best = match;
  for (const variant of pattern.variants) {
    if (variant.skeleton.length <= match.variant.skeleton.length) continue;
    const aligned = alignFromStart(variant.skeleton, skeleton.characters, match.start, limit, allowedLabelErrors(variant.skeleton.length));
    if (aligned && aligned.end > best.end) best = { start: match.start, end: aligned.end, variant, errors: aligned.errors };
  }
  return best;
}

/** Moves a label start back over the row's ordinal when it is printed just before it. */
function moveBackOverOrdinal(text: string, pattern: ListRowPattern, matchStart: number, floor: number): number {
  const ordinal = pattern.ordinal;
  if (!ordinal) return matchStart;
  const from = Math.max(floor, matchStart - 16);
  const before = text.slice(from, matchStart);
  const match = ordinal.before.exec(before);
  if (!match) return matchStart;
  // The bare-number form may have consumed the separator before the ordinal: keep it out of the row.
  const consumed = match[0].replace(/^[\s|｜]+/u, '');
  return matchStart - consumed.length;
}
