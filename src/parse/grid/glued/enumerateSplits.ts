import type { CellKind } from './gridRowSpecs.ts';

/** What a split must satisfy, and how much work it may take. */
export interface SplitOptions {
  readonly kinds: readonly CellKind[];
  /**
   * When set, every `groupSize`-th cell must equal the sum of the cells before it in its group: a row of
   * section 三 (six applicant cells and their 总计, groupSize 7), the three groups of section 四 (groupSize 5).
   */
  readonly groupSize?: number;
  readonly maxSplits: number;
  /** Tokens tried before giving up; keeps a long run from taking unbounded time. */
  readonly maxSteps: number;
}

/** The splits of a glued run into cells. */
export interface SplitResult {
  /** Each split lists the cells' end offsets in the run: cell i is run[ends[i-1] ?? 0, ends[i]). */
  readonly splits: readonly (readonly number[])[];
  /** True when a limit stopped the enumeration, so `splits` may be incomplete. */
  readonly truncated: boolean;
}

// A number may print thousands separators ("2,985"): commas then stand between every group of three digits.
const TOKEN_PATTERNS: Readonly<Record<CellKind, RegExp>> = {
  count: /^(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)$/u,
  signed: /^(?:[+-]?(?:[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)|0)$/u,
  amount: /^(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?$/u,
};

/**
 * Every way to cut a run of digits (signs and decimal points allowed where the cell kind takes them) into
 * one printed cell per kind: no leading zeros except "0" itself, a sign only at the start of a signed cell,
 * a decimal point only inside an amount, and the group sums when `groupSize` is set. Depth-first with the
 * group total checked as soon as its parts are chosen; bounded by `maxSteps` and `maxSplits`.
 */
export function enumerateSplits(run: string, options: SplitOptions): SplitResult {
  const { kinds, groupSize, maxSplits, maxSteps } = options;
  const splits: number[][] = [];
  const ends: number[] = [];
  let steps = 0;
  let truncated = false;

  const visit = (position: number, cell: number, groupSum: number): void => {
    if (truncated) return;
    if (cell === kinds.length) {
      if (position === run.length) {
        splits.push([...ends]);
        if (splits.length >= maxSplits) truncated = true;
      }
      return;
    }
    const cellsLeft = kinds.length - cell;
    if (run.length - position < cellsLeft) return;
    if (groupSize !== undefined && cell % groupSize === groupSize - 1) {
      steps++;
      // The total as printed: plain, or with thousands separators ("2,985") where the run prints them.
      const plain = String(groupSum);
      for (const total of run.includes(',') && groupSum >= 1000 ? [plain, groupSum.toLocaleString('en-US')] : [plain]) {
        if (!run.startsWith(total, position)) continue;
        ends.push(position + total.length);
        visit(position + total.length, cell + 1, 0);
        ends.pop();
      }
      return;
    }
    const pattern = TOKEN_PATTERNS[kinds[cell]!];
    const lastEnd = run.length - (cellsLeft - 1);
    for (let end = position + 1; end <= lastEnd; end++) {
      if (++steps > maxSteps) {
        truncated = true;
        return;
      }
      const token = run.slice(position, end);
      if (!pattern.test(token)) {
        // A longer token starting the same way cannot become valid once it has a leading zero or a stray mark.
        if (cannotGrow(token)) break;
        continue;
      }
      const value = Number(token.replace(/,/gu, ''));
      if (groupSize !== undefined && !roomForTotal(cell, end, groupSum + value)) break;
      ends.push(end);
      visit(end, cell + 1, groupSum + value);
      ends.pop();
      if (truncated) return;
    }
  };

  // After a part of a group, the run must still hold the group's other parts, its total (at least as many
  // digits as the sum so far) and the later cells. A longer token only makes that harder: the loop can stop.
  const roomForTotal = (cell: number, end: number, sum: number): boolean => {
    const size = groupSize!;
    const groupStart = cell - (cell % size);
    const partsLeft = size - 1 - (cell % size) - 1;
    const cellsAfterGroup = kinds.length - (groupStart + size);
    return run.length - end >= partsLeft + String(sum).length + cellsAfterGroup;
  };

  visit(0, 0, 0);
  return { splits, truncated };
}

/** True when no longer token with this prefix can be a valid cell of any kind. */
function cannotGrow(token: string): boolean {
  if (/^[+-]?0\d/u.test(token)) return true;
  if (/[+-]/u.test(token.slice(1))) return true;
  if ((token.match(/\./gu) ?? []).length > 1) return true;
  // A thousands group of more than three digits, or a separator after a decimal point, never becomes valid.
  if (/,\d{4}|,\d*\D|\.\d*,/u.test(token)) return true;
  return false;
}
