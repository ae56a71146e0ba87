import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit, mapWithConcurrency } from './createConcurrencyLimit.ts';

describe('createConcurrencyLimit', () => {
  it('never runs more than N tasks at once, and runs them all', async () => {
    const limit = createConcurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const tasks = Array.from({ length: 6 }, (_, index) => limit(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
      return index;
    }));
    while (releases.length > 0 || running > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('frees the slot when a task fails', async () => {
    const limit = createConcurrencyLimit(1);
    await expect(limit(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await limit(async () => 'next')).toBe('next');
  });

  it('mapWithConcurrency keeps the order of the items', async () => {
    expect(await mapWithConcurrency([3, 1, 2], 2, async (value) => value * 10)).toEqual([30, 10, 20]);
  });
});
