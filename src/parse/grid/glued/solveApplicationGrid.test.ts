import { describe, expect, it } from 'vitest';
import { solveApplicationGrid } from './solveApplicationGrid.ts';

const zero = [0, 0, 0, 0, 0, 0, 0];

describe('solveApplicationGrid', () => {
  it('keeps, per row, only the candidates some reading satisfying every column rule uses', () => {
    const a = [10, 1, 0, 0, 6, 0, 17];
    const b = [1, 0, 10, 0, 6, 0, 17];
    const candidates = new Map([
      ['newReceived', [[28, 1, 0, 0, 6, 0, 35]]],
      ['carriedOver', [zero]],
      ['granted', [[13, 0, 0, 0, 0, 0, 13]]],
      ['unableNotHeld', [a, b]],
      ['notProcessedComplaint', [[2, 0, 0, 0, 0, 0, 2]]],
      ['otherHandling', [[3, 0, 0, 0, 0, 0, 3]]],
      ['resultTotal', [[28, 1, 0, 0, 6, 0, 35]]],
      ['carriedForward', [zero]],
    ]);
    const solution = solveApplicationGrid({
      candidates,
      outcomeKeys: ['granted', 'unableNotHeld', 'notProcessedComplaint', 'otherHandling'],
      maxStates: 1_000,
    });
    expect(solution.used.get('unableNotHeld')).toEqual([0]);
    expect(solution.readings).toBe(1);
    expect(solution.applied).toEqual(['outcomes', 'flow']);
    expect(solution.failed).toEqual([]);
  });

  it('reports a column rule no reading satisfies and still applies the other', () => {
    const candidates = new Map([
      ['newReceived', [[5, 0, 0, 0, 0, 0, 5]]],
      ['carriedOver', [zero]],
      ['granted', [[4, 0, 0, 0, 0, 0, 4]]],
      ['resultTotal', [[5, 0, 0, 0, 0, 0, 5]]],
      ['carriedForward', [zero]],
    ]);
    const solution = solveApplicationGrid({ candidates, outcomeKeys: ['granted'], maxStates: 1_000 });
    expect(solution.failed).toEqual(['outcomes']);
    expect(solution.applied).toEqual(['flow']);
    expect(solution.used.get('granted')).toEqual([0]);
  });

  it('drops the outcome rule rather than work past its bound', () => {
    const many = Array.from({ length: 40 }, (_, index) => [index, 40 - index, 0, 0, 0, 0, 40]);
    const candidates = new Map([
      ['granted', many],
      ['partiallyGranted', many],
      ['resultTotal', [[40, 40, 0, 0, 0, 0, 80]]],
    ]);
    const solution = solveApplicationGrid({ candidates, outcomeKeys: ['granted', 'partiallyGranted'], maxStates: 10, maxWork: 100_000 });
    expect(solution.notes.join(' ')).toMatch(/outcome rule not used/u);
    expect(solution.used.get('granted')).toHaveLength(40);
  });
});
