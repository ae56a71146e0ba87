/**
 * `npm run eval`: runs the deterministic path on the seeds, the garbled variants and the wild reports,
 * prints field accuracy, auto-precision, review rate, template/meta correctness, flagged inconsistencies and
 * the misses per document, and exits non-zero when the figures are below the bar (evaluationFailures).
 * `--json` prints the report as JSON instead. `--llm` runs the LLM evaluation instead (evaluateWithLlm).
 * `--random N [--seed S] [--out DIR]` evaluates N seeded garbled variants instead (src/eval/garble).
 */
import { evaluateFixtures } from './evaluateFixtures.ts';
import { runLlmEvaluationCommand } from './evaluateWithLlm.ts';
import { evaluationFailures } from './evaluationFailures.ts';
import { formatEvaluation } from './formatEvaluation.ts';
import { parseRandomArguments, runRandomEvaluation } from './garble/runRandomEvaluation.ts';

async function main(args: readonly string[]): Promise<number> {
  const random = parseRandomArguments(args);
  if (random) return runRandomEvaluation(random, (text) => process.stdout.write(text));
  if (args.includes('--llm')) return runLlmEvaluationCommand(args, process.env, (text) => process.stdout.write(text));
  const report = await evaluateFixtures();
  const failures = evaluationFailures(report);
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify({ ...report, failures })}\n`);
  else process.stdout.write(formatEvaluation(report, failures));
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
