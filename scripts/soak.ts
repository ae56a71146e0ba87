import { runSoak } from '../test/soak/soak.ts';

/**
 * `npm run soak -- [--seed N] [--rounds N] [--minutes N]`: the fault-injection soak (test/soak/soak.ts), longer
 * than the suite's: by default 20 kill -9 rounds of 2–8 s of load each, and no new round after 5 minutes.
 * Loopback only; the store lives in a temp directory removed at the end. Exits 1 when an acknowledged write
 * is lost or the store is inconsistent.
 */
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
};
const report = await runSoak({
  seed: argument('seed', 1),
  rounds: Math.min(argument('rounds', 20), 200),
  minRunMs: 2000,
  maxRunMs: 8000,
  submitters: 4,
  reviewers: 3,
  deadlineMs: Math.min(argument('minutes', 5), 30) * 60_000,
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${JSON.stringify({ ...report, lost: report.lost.slice(0, 20), storeProblems: report.storeProblems.slice(0, 20) }, null, 2)}\n`);
process.exitCode = report.lost.length === 0 && report.storeProblems.length === 0 ? 0 : 1;
