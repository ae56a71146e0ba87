import { describe, expect, it } from 'vitest';
import { parseRandomArguments } from './runRandomEvaluation.ts';

describe('parseRandomArguments', () => {
  it('is null without --random, so npm run eval keeps its fixture evaluation', () => {
    expect(parseRandomArguments(['--json'])).toBeNull();
  });

  it('reads count, seed, first, output directory, mode and layouts', () => {
    expect(parseRandomArguments(['--random', '20', '--seed', '7', '--first', '3', '--out', '/tmp/x', '--single', '--layout', 'tab,html'])).toEqual({
      count: 20, seed: 7, first: 3, out: '/tmp/x', json: false, mode: 'single', layouts: ['tab', 'html'],
    });
    expect(parseRandomArguments(['--random', '--seed', '3', '--plain'])).toMatchObject({ count: 500, seed: 3, first: 0, out: null, mode: 'plain', layouts: null });
  });

  it('refuses a count that is not a non-negative integer', () => {
    expect(() => parseRandomArguments(['--random', 'many'])).toThrow(/--random wants a non-negative integer/u);
  });
});
