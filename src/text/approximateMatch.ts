/** A span of a searched string and the edit distance of the pattern to it. */
export interface ApproximateMatch {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

/**
 * How many edits a label skeleton of `length` characters may carry and still be taken for the label: none for
 * very short labels (申请数), one for short ones (其他情形数), about one in seven for long ones.
 */
export function allowedLabelErrors(length: number): number {
  if (length < 5) return 0;
  return Math.max(1, Math.floor(length * 0.15));
}

/**
 * Finds the substring of text[from, to) closest to `pattern` by edit distance (Sellers' algorithm: the match
 * may start anywhere). Returns the match with the fewest errors (the earliest on ties), or undefined when even
 * the best needs more than `maxErrors`. Cost: pattern length × window length.
 */
export function findApproximate(pattern: string, text: string, from: number, to: number, maxErrors: number): ApproximateMatch | undefined {
  const length = pattern.length;
  if (length === 0 || to <= from) return undefined;
  let previous = new Int32Array(length + 1);
  let current = new Int32Array(length + 1);
  let previousStart = new Int32Array(length + 1);
  let currentStart = new Int32Array(length + 1);
  for (let row = 0; row <= length; row++) {
    previous[row] = row;
    previousStart[row] = from;
  }
  let best: ApproximateMatch | undefined;
  for (let column = from; column < to; column++) {
    const character = text[column];
    current[0] = 0;
    currentStart[0] = column + 1;
    for (let row = 1; row <= length; row++) {
      let cost = previous[row - 1]! + (pattern[row - 1] === character ? 0 : 1);
      let start = previousStart[row - 1]!;
      const skipText = previous[row]! + 1;
      if (skipText < cost) {
        cost = skipText;
        start = previousStart[row]!;
      }
      const skipPattern = current[row - 1]! + 1;
      if (skipPattern < cost) {
        cost = skipPattern;
        start = currentStart[row - 1]!;
      }
      current[row] = cost;
      currentStart[row] = start;
    }
    const errors = current[length]!;
    // On a tie from the same start the longer match wins: "范围敫" for 范围数 covers the garbled last character
    // instead of leaving it behind as a stray piece of text after the label.
    const start = currentStart[length]!;
    if (errors <= maxErrors && (!best || errors < best.errors || (errors === best.errors && start === best.start && column === best.end))) {
      best = { start, end: column + 1, errors };
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  return best;
}

/**
 * Aligns the whole `pattern` against text starting exactly at `start` (the end is free, at most `limit`):
 * how far a label printed from `start` runs, allowing `maxErrors` edits. Used to extend a row anchor found by
 * a short label variant over the rest of the printed label (a wrapped note, "等方面经费" for "等方面的经费").
 */
export function alignFromStart(pattern: string, text: string, start: number, limit: number, maxErrors: number): ApproximateMatch | undefined {
  const length = pattern.length;
  const stop = Math.min(limit, start + length + maxErrors);
  if (length === 0 || stop <= start) return undefined;
  let previous = new Int32Array(length + 1);
  let current = new Int32Array(length + 1);
  for (let row = 0; row <= length; row++) previous[row] = row;
  let best: ApproximateMatch | undefined;
  for (let column = start; column < stop; column++) {
    const character = text[column];
    current[0] = column - start + 1;
    for (let row = 1; row <= length; row++) {
      const substitute = previous[row - 1]! + (pattern[row - 1] === character ? 0 : 1);
      current[row] = Math.min(substitute, previous[row]! + 1, current[row - 1]! + 1);
    }
    const errors = current[length]!;
    // On a tie the longer reading wins: it covers more of the printed label.
    if (errors <= maxErrors && (!best || errors <= best.errors)) best = { start, end: column + 1, errors };
    [previous, current] = [current, previous];
  }
  return best;
}
