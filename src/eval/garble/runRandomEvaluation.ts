import { evaluateVariants } from './evaluateVariants.ts';
import { formatVariantEvaluation } from './formatVariantEvaluation.ts';
import { generateVariants, type GarbleMode } from './generateVariants.ts';
import { writeVariants } from './writeVariants.ts';

/** Options of `npm run eval -- --random N [--seed S] [--first K] [--out DIR] [--single | --plain] [--layout a,b] [--json]`. */
export interface RandomEvaluationArguments {
  readonly count: number;
  readonly seed: number;
  /** `--first K`: start at variant K (variant i is the same in every run of a seed: `--random 1 --first 196` remakes one). */
  readonly first: number;
  readonly out: string | null;
  readonly json: boolean;
  /** `--single`: a layout and at most one other transformation per variant; `--plain`: the layout only. */
  readonly mode: GarbleMode;
  /** `--layout a,b`: draw only these layouts. */
  readonly layouts: readonly string[] | null;
}

/** Reads the random-evaluation options; null when `--random` is absent. Throws on a malformed number. */
export function parseRandomArguments(args: readonly string[]): RandomEvaluationArguments | null {
  // A flag's value is the next argument unless that is another flag (`--random --seed 3` takes the default count).
  const valueOf = (flag: string) => {
    const index = args.indexOf(flag);
    const value = index < 0 ? undefined : args[index + 1];
    return value?.startsWith('--') ? undefined : value;
  };
  const count = valueOf('--random');
  if (count === undefined && !args.includes('--random')) return null;
  const number = (flag: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    if (!/^\d+$/u.test(text)) throw new Error(`${flag} wants a non-negative integer, got ${JSON.stringify(text)}`);
    return Number(text);
  };
  return { count: number('--random', count, 500), seed: number('--seed', valueOf('--seed'), 1),
    first: number('--first', valueOf('--first'), 0), out: valueOf('--out') ?? null, json: args.includes('--json'),
    mode: args.includes('--single') ? 'single' : args.includes('--plain') ? 'plain' : 'composed',
    layouts: valueOf('--layout')?.split(',') ?? null,
  };
}

/**
 * Generates the seeded variants, optionally writes them with their gold, extracts each, prints accuracy,
 * auto-precision, review rate and every wrong auto value overall, per template and per transformation.
 * Returns the exit code: 1 when any auto value is wrong.
 */
export function runRandomEvaluation(options: RandomEvaluationArguments, write: (text: string) => void): number {
  const started = performance.now();
  const variants = generateVariants({ seed: options.seed, count: options.count, first: options.first, mode: options.mode, ...(options.layouts ? { layouts: options.layouts } : {}) });
  if (options.out) writeVariants(options.out, variants);
  const generated = performance.now();
  const evaluation = evaluateVariants(variants);
  const finished = performance.now();
  if (options.json) write(`${JSON.stringify(evaluation)}\n`);
  else {
    write(formatVariantEvaluation(evaluation, `random variants (seed ${options.seed}, ${options.count} variants, ${options.mode}${options.layouts ? `, layouts ${options.layouts.join(', ')}` : ''})`));
    write(`\n  generated in ${((generated - started) / 1000).toFixed(1)} s, extracted in ${((finished - generated) / 1000).toFixed(1)} s` +
      `${options.out ? `; written to ${options.out}` : ''}\n`);
    write(evaluation.wrongAuto.length === 0 ? 'random evaluation: PASS (no wrong auto value)\n' : `random evaluation: FAIL (${evaluation.wrongAuto.length} wrong auto values)\n`);
  }
  return evaluation.wrongAuto.length === 0 ? 0 : 1;
}
