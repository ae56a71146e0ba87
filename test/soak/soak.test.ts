import { describe, expect, it } from 'vitest';
import { runSoak } from './soak.ts';

describe('soak: kill -9 under concurrent submissions and decisions (short; `npm run soak` runs a longer one)', () => {
  it('loses no acknowledged write and leaves the store consistent after every kill', async () => {
    const report = await runSoak({ seed: 7, rounds: 3, minRunMs: 1000, maxRunMs: 2500, submitters: 3, reviewers: 2, deadlineMs: 20_000 });
    expect(report.kills).toBeGreaterThanOrEqual(1);
    expect(report.submissionsAcknowledged).toBeGreaterThan(0);
    expect(report.lost).toEqual([]);
    expect(report.storeProblems).toEqual([]);
  }, 60_000);
});
