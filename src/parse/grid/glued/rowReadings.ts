import { enumerateSplits } from './enumerateSplits.ts';
import type { CellKind } from './gridRowSpecs.ts';
import type { LocatedRow } from './locateGluedRows.ts';
import type { GluedRun } from './readGluedRun.ts';

/** A compact-view span [start, end) per cell of the row. */
export type CellSpans = readonly (readonly [number, number])[];

/** The ways a located row's run can be read as its cells. */
export interface RowReadings {
  readonly candidates: readonly CellSpans[];
  /** True when the printed spaces already cut the run into exactly the row's cells (and its sum holds). */
  readonly spaced: boolean;
  /** True when a work limit cut the enumeration short: the candidates are incomplete. */
  readonly truncated: boolean;
}

const PIECE_PATTERNS: Readonly<Record<CellKind, RegExp>> = {
  count: /^(?:0|[1-9]\d*)$/u,
  signed: /^(?:[+-]?[1-9]\d*|0)$/u,
  amount: /^(?:0|[1-9]\d*)(?:\.\d+)?$/u,
};

/** Work bounds per row: far above what a real row needs, low enough to keep a pathological run cheap. */
const MAX_SPLITS = 2_000;
const MAX_STEPS = 50_000;

/**
 * True when the row's digits are run together: one run between its label and the next (no other digits set
 * apart by a "|" or text), at least one digit per cell, fewer printed pieces than cells, some piece longer than
 * one character.
 */
export function isGluedRow(row: LocatedRow): boolean {
  if (!row.run || row.run.moreDigitsAfter) return false;
  const cells = row.spec.fieldIds.length;
  if (row.run.text.replace(/[^\d]/gu, '').length < cells) return false;
  return row.pieces.length < cells && row.pieces.some(([start, end]) => end - start >= 2);
}

/**
 * True when a section is printed glued: among its rows of several cells that have digits, at least half are
 * glued, and none has its cells set apart by other marks (a pipe table, say, is not glued).
 */
export function isGluedSection(rows: readonly LocatedRow[]): boolean {
  const wide = rows.filter((row) => row.run && row.spec.fieldIds.length >= 2);
  if (wide.some((row) => row.run!.moreDigitsAfter)) return false;
  const glued = wide.filter(isGluedRow).length;
  return glued > 0 && glued * 2 >= wide.length;
}

/**
 * Every reading of a row's run: the printed pieces when the spaces cut it into exactly its cells (and, with
 * `groupSize`, the group sums hold on them); otherwise every split of the digits that satisfies the cell kinds
 * and group sums (a row of 三: six applicant cells and their total).
 */
export function rowReadings(text: string, row: LocatedRow, groupSize?: number): RowReadings {
  const run = row.run;
  if (!run) return { candidates: [], spaced: false, truncated: false };
  const kinds = row.spec.kinds;
  if (row.pieces.length === kinds.length) {
    const tokens = row.pieces.map(([start, end]) => text.slice(start, end));
    const valid = tokens.every((token, index) => PIECE_PATTERNS[kinds[index]!].test(token));
    if (valid && (groupSize === undefined || groupSumsHold(tokens.map(Number), groupSize))) {
      return { candidates: [row.pieces], spaced: true, truncated: false };
    }
  }
  return { ...runSplits(run, kinds, groupSize), spaced: false };
}

/**
 * Every split of a run's digits into cells of these kinds (with `groupSize`, the group sums holding on them), as
 * compact-view spans, within the work bounds (`truncated` when they cut the enumeration short).
 */
export function runSplits(run: GluedRun, kinds: readonly CellKind[], groupSize?: number): { candidates: CellSpans[]; truncated: boolean } {
  const result = enumerateSplits(run.text, { kinds, ...(groupSize ? { groupSize } : {}), maxSplits: MAX_SPLITS, maxSteps: MAX_STEPS });
  const candidates = result.splits.map((ends) =>
    ends.map((end, index) => [run.start + (index === 0 ? 0 : ends[index - 1]!), run.start + end] as const));
  return { candidates, truncated: result.truncated };
}

/** True when each group's last value is the sum of the others in the group. */
export function groupSumsHold(values: readonly number[], groupSize: number): boolean {
  for (let start = 0; start + groupSize <= values.length; start += groupSize) {
    let sum = 0;
    for (let index = start; index < start + groupSize - 1; index++) sum += values[index]!;
    if (Math.abs(sum - values[start + groupSize - 1]!) > 1e-9) return false;
  }
  return true;
}
