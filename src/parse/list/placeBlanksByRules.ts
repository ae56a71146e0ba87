import type { RuleDefinition } from '../../templates/TemplateDefinition.ts';

/** What one row holds in a reading: the index of its value among those printed, or nothing (a blank). */
export type RowPlacement = { readonly valueIndex: number } | { readonly blank: true };

/** Every reading's verdict on one row. */
export interface PlacedRow {
  /** The row's placement in the first reading (the one proposed when the readings differ). */
  readonly placement: RowPlacement;
  /** Whether every reading gives the row the same value (or leaves it blank in all). */
  readonly settled: boolean;
}

export interface BlankPlacement {
  /** Each row's placement, in row order. */
  readonly rows: readonly PlacedRow[];
  /** How many readings hold every rule (counted up to a large bound; 1 when the placement is unique). */
  readonly readings: number;
}

export interface BlankPlacementLimits {
  /** Blanks placed at most: more leave too many readings to tell apart. */
  readonly blanks: number;
  /** Rows laid at most over the whole table (each a step of the search). */
  readonly work: number;
}

const DEFAULT_LIMITS: BlankPlacementLimits = { blanks: 64, work: 200_000 };

/**
 * Places a list form's printed values, in row order, into its rows when fewer values than rows are printed (a PDF
 * whose value column is one block leaves out the blank cells, and nothing shows which rows they were). Each row takes
 * the next value or stays blank; a reading counts when every hard rule among the rows holds with its blanks as 0
 * (counts are never negative, and a blank is the form's 0). The rows a rule binds form a block placed together; rows
 * no rule binds may each be blank or not, which only the rules downstream of them can tell. A row is settled when
 * every reading gives it the same value, or leaves it blank in every one. Returns undefined when no reading holds, or
 * the blanks or the work exceed the limits.
 */
export function placeBlanksByRules(
  rowFieldIds: readonly string[],
  values: readonly (number | null)[],
  rules: readonly RuleDefinition[],
  limits: BlankPlacementLimits = DEFAULT_LIMITS,
): BlankPlacement | undefined {
  const blanks = rowFieldIds.length - values.length;
  if (blanks < 0 || blanks > limits.blanks) return undefined;
  const rowIndex = new Map(rowFieldIds.map((fieldId, index) => [fieldId, index]));
  const hardRules = rules.filter((rule) => rule.severity === 'hard' && [...rule.left, ...rule.right].every((fieldId) => rowIndex.has(fieldId)));
  const blocks = ruleBlocks(rowFieldIds.length, hardRules, rowIndex);
  if (blocks.some((block) => block.end - block.start > MAX_BLOCK_ROWS)) return undefined;
  let work = 0;

  // The ways block `blockIndex` can take its values from value `from` on: a bitmask of its blank rows, its rules holding.
  const optionsMemo = new Map<number, number[]>();
  const optionsOf = (blockIndex: number, from: number): number[] | undefined => {
    const key = blockIndex * (values.length + 1) + from;
    const memo = optionsMemo.get(key);
    if (memo) return memo;
    const block = blocks[blockIndex]!;
    const size = block.end - block.start;
    const options: number[] = [];
    const laid: number[] = [];
    // Row by row, each taking the next value or blank (0); a rule is checked at its last row, pruning what fails.
    const lay = (offset: number, valueIndex: number, mask: number, blankRows: number): boolean => {
      if (++work > limits.work) return false;
      if (offset === size) {
        options.push(mask);
        return true;
      }
      for (const blank of [false, true]) {
        if (blank ? blankRows === blanks : valueIndex === values.length) continue;
        laid[offset] = blank ? 0 : values[valueIndex] ?? 0;
        if (!block.checksAt[offset]!.every((rule) => holds(rule, laid))) continue;
        if (!block.boundsAt[offset]!.every((bound) => withinBound(bound, laid))) continue;
        if (!lay(offset + 1, blank ? valueIndex : valueIndex + 1, blank ? mask | (1 << offset) : mask, blank ? blankRows + 1 : blankRows)) return false;
      }
      return true;
    };
    if (!lay(0, from, 0, 0)) return undefined;
    optionsMemo.set(key, options);
    return options;
  };

  // Readings of blocks blockIndex.. from value `from` on (every value used): counted, capped far above any use.
  const countMemo = new Map<number, number>();
  let exceeded = false;
  const count = (blockIndex: number, from: number): number => {
    if (blockIndex === blocks.length) return from === values.length ? 1 : 0;
    const key = blockIndex * (values.length + 1) + from;
    const memo = countMemo.get(key);
    if (memo !== undefined) return memo;
    const options = optionsOf(blockIndex, from);
    if (!options) {
      exceeded = true;
      return 0;
    }
    const block = blocks[blockIndex]!;
    let total = 0;
    for (const mask of options) total = Math.min(READING_CAP, total + count(blockIndex + 1, from + block.end - block.start - bitCount(mask)));
    countMemo.set(key, total);
    return total;
  };
  const readings = count(0, 0);
  if (exceeded || readings === 0) return undefined;

  // The first reading (blocks in order, each taking its first option that a full reading continues): the one proposed.
  const first: RowPlacement[] = [];
  let at = 0;
  for (const [blockIndex, block] of blocks.entries()) {
    const mask = optionsOf(blockIndex, at)!.find((option) => count(blockIndex + 1, at + block.end - block.start - bitCount(option)) > 0)!;
    for (let offset = 0; offset < block.end - block.start; offset++) first.push(mask & (1 << offset) ? { blank: true } : { valueIndex: at++ });
  }
  // Every placement some full reading makes, row by row: a row is settled when all give it the first reading's value.
  const valueKey = (placement: RowPlacement) => ('blank' in placement ? 'blank' : `value ${values[placement.valueIndex]}`);
  const settled = first.map(() => true);
  let starts = new Set([0]);
  for (const [blockIndex, block] of blocks.entries()) {
    const next = new Set<number>();
    for (const from of starts) {
      for (const mask of optionsOf(blockIndex, from)!) {
        const taken = block.end - block.start - bitCount(mask);
        if (count(blockIndex + 1, from + taken) === 0) continue;
        next.add(from + taken);
        let valueIndex = from;
        for (let offset = 0; offset < block.end - block.start; offset++) {
          const row = block.start + offset;
          const placement: RowPlacement = mask & (1 << offset) ? { blank: true } : { valueIndex: valueIndex++ };
          if (valueKey(placement) !== valueKey(first[row]!)) settled[row] = false;
        }
      }
    }
    starts = next;
  }
  return { rows: first.map((placement, row) => ({ placement, settled: settled[row]! })), readings };
}

/** Rows of one rule block at most: its blank rows are held as the bits of a number. */
const MAX_BLOCK_ROWS = 30;
/** Readings are counted up to this bound: past it, only "many" matters. */
const READING_CAP = 1e9;

/** A run of rows placed together: the rows a hard rule binds, widened to every row between them. */
interface RuleBlock {
  readonly start: number;
  readonly end: number;
  /** By row of the block: the rules whose last row it is, their cells as rows of the block. */
  readonly checksAt: readonly (readonly BlockRule[])[];
  /** By row of the block: partial sums a rule bounds before its last row (see PartialBound). */
  readonly boundsAt: readonly (readonly PartialBound[])[];
}

/**
 * Counts are never negative, so once one side of a rule is laid whole, the rows of the other side laid so far cannot
 * add up to more than it (total 9 laid, parts 4 and 6 laid: no placement of the rest holds). Checked at every row of
 * the other side before the rule's last row, this prunes the search long before the rule itself is checked; with
 * many blanks among many zeros it is what keeps the search small.
 */
interface PartialBound {
  /** Rows whose sum bounds (one side of the rule, all laid). */
  readonly bound: readonly number[];
  /** Rows of the other side laid so far. */
  readonly laid: readonly number[];
}

function withinBound(bound: PartialBound, laid: readonly number[]): boolean {
  return sumOf(bound.laid, laid) <= sumOf(bound.bound, laid) + EPSILON;
}

/** The sum of the rows laid at `offsets` (a blank laid as 0). */
function sumOf(offsets: readonly number[], laid: readonly number[]): number {
  let sum = 0;
  for (const offset of offsets) sum += laid[offset]!;
  return sum;
}

/** A hard rule over rows of one block (offsets from its first row). */
interface BlockRule {
  readonly kind: RuleDefinition['kind'];
  readonly left: readonly number[];
  readonly right: readonly number[];
}

/** Whether the rule holds on the rows laid (a blank laid as 0). */
function holds(rule: BlockRule, laid: readonly number[]): boolean {
  const left = sumOf(rule.left, laid);
  const right = sumOf(rule.right, laid);
  return rule.kind === 'equal' ? Math.abs(left - right) <= EPSILON : left <= right + EPSILON;
}

/** Sums of decimal amounts compare within this (the validator's tolerance). */
const EPSILON = 1e-6;

function ruleBlocks(rowCount: number, rules: readonly RuleDefinition[], rowIndex: ReadonlyMap<string, number>): RuleBlock[] {
  const spans = rules.map((rule) => {
    const rows = [...rule.left, ...rule.right].map((fieldId) => rowIndex.get(fieldId)!);
    return { start: Math.min(...rows), end: Math.max(...rows) + 1, rules: [rule] };
  }).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; rules: RuleDefinition[] }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.rules.push(...span.rules);
    } else merged.push({ ...span, rules: [...span.rules] });
  }
  const blockOf = (start: number, end: number, blockRules: readonly RuleDefinition[]): RuleBlock => {
    const checksAt: BlockRule[][] = Array.from({ length: end - start }, () => []);
    const boundsAt: PartialBound[][] = Array.from({ length: end - start }, () => []);
    for (const rule of blockRules) {
      const offsets = (fieldIds: readonly string[]) => fieldIds.map((fieldId) => rowIndex.get(fieldId)! - start);
      const left = offsets(rule.left);
      const right = offsets(rule.right);
      const last = Math.max(...left, ...right);
      checksAt[last]!.push({ kind: rule.kind, left, right });
      // The right side bounds the left (left = right, or left at most right); for an equality the left bounds the right too.
      const sides: [readonly number[], readonly number[]][] = rule.kind === 'equal' ? [[right, left], [left, right]] : [[right, left]];
      for (const [bound, other] of sides) {
        const complete = Math.max(...bound);
        for (const offset of other) {
          if (offset < complete || offset >= last) continue;
          boundsAt[offset]!.push({ bound, laid: other.filter((row) => row <= offset) });
        }
      }
    }
    return { start, end, checksAt, boundsAt };
  };
  const blocks: RuleBlock[] = [];
  let row = 0;
  for (const span of merged) {
    for (; row < span.start; row++) blocks.push(blockOf(row, row + 1, []));
    blocks.push(blockOf(span.start, span.end, span.rules));
    row = span.end;
  }
  for (; row < rowCount; row++) blocks.push(blockOf(row, row + 1, []));
  return blocks;
}

function bitCount(mask: number): number {
  let bits = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) bits++;
  return bits;
}
