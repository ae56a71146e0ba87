import { describe, expect, it } from 'vitest';
import { enumerateSplits } from './enumerateSplits.ts';
import { likeliestSplit } from './likeliestSplit.ts';
import type { CellSpans } from './rowReadings.ts';
import { createRandom, integer } from '../../../eval/garble/random.ts';

function splitsOf(run: string, cells: number): CellSpans[] {
  return enumerateSplits(run, { kinds: Array.from({ length: cells }, () => 'count' as const), maxSplits: 10_000, maxSteps: 1_000_000 })
    .splits.map((ends) => ends.map((end, index) => [index === 0 ? 0 : ends[index - 1]!, end] as const));
}

const pieces = (run: string, spans: CellSpans | undefined) => spans?.map(([start, end]) => run.slice(start, end));

describe('likeliestSplit', () => {
  it('offers the split whose numbers are smallest taken together', () => {
    expect(pieces('191919', likeliestSplit('191919', splitsOf('191919', 3)))).toEqual(['19', '19', '19']);
    expect(pieces('110000011', likeliestSplit('110000011', splitsOf('110000011', 7)))).toEqual(['11', '0', '0', '0', '0', '0', '11']);
  });

  it('offers nothing where two different splits are as plain, or there is none', () => {
    // 1 | 1 | 11, 1 | 11 | 1 and 11 | 1 | 1 cost the same.
    expect(likeliestSplit('1111', splitsOf('1111', 3))).toBeUndefined();
    expect(likeliestSplit('12', [])).toBeUndefined();
  });

  it('always offers one of the splits it is given, none plainer left out (seeded random runs)', () => {
    const next = createRandom(20261205);
    for (let trial = 0; trial < 300; trial++) {
      const cells = integer(next, 2, 5);
      const run = Array.from({ length: integer(next, cells, cells + 5) }, () => String(integer(next, 0, 9))).join('');
      const splits = splitsOf(run, cells);
      const offered = likeliestSplit(run, splits);
      if (!offered) continue;
      expect(splits).toContainEqual(offered);
      const cost = (spans: CellSpans) => spans.reduce((sum, [start, end]) => sum + Math.log1p(Number(run.slice(start, end))), 0);
      for (const other of splits) expect(cost(offered)).toBeLessThanOrEqual(cost(other) + 1e-9);
    }
  });
});
