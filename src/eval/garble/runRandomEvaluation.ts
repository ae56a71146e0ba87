import { evaluateVariants } from './evaluateVariants.ts';
import { formatVariantEvaluation } from './formatVariantEvaluation.ts';
import { generateVariants } from './generateVariants.ts';
import { writeVariants } from './writeVariants.ts';

/** Options of `npm run eval -- --random N [--seed S] [--out DIR] [--single] [--json]`. */
export interface RandomEvaluationArguments {
  readonly count: number;
  readonly seed: number;
  readonly out: string | null;
  readonly json: boolean;
  /** `--single`: a layout and at most one other transformation per variant (each one's effect alone). */
  readonly single: boolean;
}

/** Reads the random-evaluation options; null when `--random` is absent. Throws on a malformed number. */
export function parseRandomArguments(args: readonly string[]): RandomEvaluationArguments | null {
  const valueOf = (flag: string) => {
    const index = args.indexOf(flag);
    return index < 0 ? undefined : args[index + 1];
  };
  const count = valueOf('--random');
  if (count === undefined && !args.includes('--random')) return null;
  const number = (flag: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    if (!/^\d+$/u.test(text)) throw new Error(`${flag} wants a non-negative integer, got ${JSON.stringify(text)}`);
    return Number(text);
  };
  return { count: number('--random', count, 500), seed: number('--seed', valueOf('--seed'), 1), out: valueOf('--out') ?? null, json: args.includes('--json'), single: args.includes('--single') };
}

/**
 * Generates the seeded variants, optionally writes them with their gold, extracts each, prints accuracy,
 * auto-precision, review rate and every wrong auto value overall, per template and per transformation.
 * Returns the exit code: 1 when any auto value is wrong.
 */
export function runRandomEvaluation(options: RandomEvaluationArguments, write: (text: string) => void): number {
  const started = performance.now();
  const variants = generateVariants({ seed: options.seed, count: options.count, mode: options.single ? 'single' : 'composed' });
  if (options.out) writeVariants(options.out, variants);
  const generated = performance.now();
  const evaluation = evaluateVariants(variants);
  const finished = performance.now();
  if (options.json) write(`${JSON.stringify(evaluation)}\n`);
  else {
    write(formatVariantEvaluation(evaluation, `random variants (seed ${options.seed}, ${options.count} variants${options.single ? ', one transformation besides the layout' : ''})`));
    write(`\n  generated in ${((generated - started) / 1000).toFixed(1)} s, extracted in ${((finished - generated) / 1000).toFixed(1)} s` +
      `${options.out ? `; written to ${options.out}` : ''}\n`);
    write(evaluation.wrongAuto.length === 0 ? 'random evaluation: PASS (no wrong auto value)\n' : `random evaluation: FAIL (${evaluation.wrongAuto.length} wrong auto values)\n`);
  }
  return evaluation.wrongAuto.length === 0 ? 0 : 1;
}
