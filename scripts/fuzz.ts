import { fuzzRoutes } from '../test/fuzz/fuzzRoutes.ts';

/**
 * `npm run fuzz -- [--seed N] [--requests N]`: the route fuzz test, longer (default 3,000 requests, seed 1).
 * Loopback only; the store lives in a temp directory removed at the end. Exits 1 on any 5xx, a server that
 * stopped answering, or an inconsistent store.
 */
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
};
const report = await fuzzRoutes({ seed: argument('seed', 1), requests: Math.min(argument('requests', 3000), 100_000) });
process.stdout.write(`${JSON.stringify({ ...report, failures: report.failures.slice(0, 20), failureCount: report.failures.length }, null, 2)}\n`);
process.exitCode = report.failures.length === 0 && report.serverUp && report.storeProblems.length === 0 ? 0 : 1;
