import { describe, expect, it } from 'vitest';
import { fuzzRoutes } from './fuzzRoutes.ts';

describe('fuzzing every route (short; `npm run fuzz` runs a longer one)', () => {
  it('answers 400 requests of hostile input with no 5xx, stays up and leaves a consistent store', async () => {
    const report = await fuzzRoutes({ seed: 20261203, requests: 400 });
    expect(report.failures).toEqual([]);
    expect(report.serverUp).toBe(true);
    expect(report.storeProblems).toEqual([]);
  }, 120_000);
});
