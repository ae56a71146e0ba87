import type { GridRowSpec } from './gridRowSpecs.ts';

/** Where a row label was found on the compact view, and how well it matched. */
export interface LabelMatch {
  readonly start: number;
  readonly end: number;
  /** 0..1: share of the canonical label the matched pattern covers. */
  readonly score: number;
}

/** How near the search start a weak label ("其他", "总计") must sit to be taken for the row. */
const WEAK_LABEL_REACH = 16;

/**
 * Finds a row's label in text[from, to): the earliest strong pattern (the longest where several start at the
 * same place); failing that, when `allowWeak`, a weak pattern within a few characters of `from` that digits
 * follow at once.
 */
export function findRowLabel(
  text: string,
  spec: GridRowSpec,
  from: number,
  to: number,
  allowWeak: boolean,
): LabelMatch | undefined {
  let best: LabelMatch | undefined;
  for (const pattern of spec.patterns) {
    if (!pattern.strong) continue;
    const at = text.indexOf(pattern.text, from);
    if (at < 0 || at + pattern.text.length > to) continue;
    const candidate = { start: at, end: at + pattern.text.length, score: pattern.score };
    if (!best || at < best.start || (at === best.start && candidate.end > best.end)) best = candidate;
  }
  if (best || !allowWeak) return best;
  for (const pattern of spec.patterns) {
    if (pattern.strong) continue;
    const at = text.indexOf(pattern.text, from);
    if (at < 0 || at - from > WEAK_LABEL_REACH || at + pattern.text.length > to) continue;
    // A generic word is a row label here only when its digits follow at once ("其他1000001", not "其他处理").
    if (!/^[+-]?\d/u.test(text.slice(at + pattern.text.length, at + pattern.text.length + 2))) continue;
    const candidate = { start: at, end: at + pattern.text.length, score: pattern.score };
    if (!best || at < best.start) best = candidate;
  }
  return best;
}
