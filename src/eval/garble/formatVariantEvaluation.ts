import { percent } from '../evaluationFailures.ts';
import { tallyAccuracy, tallyAutoPrecision, tallyReviewRate, type VariantEvaluation, type VariantTally } from './evaluateVariants.ts';

/** The random-variant evaluation as `npm run eval -- --random N --seed S` prints it. */
export function formatVariantEvaluation(evaluation: VariantEvaluation, heading: string): string {
  const lines = [`== ${heading}`, `  ${header()}`, `  ${row('all', evaluation.overall)}`, '', '  by template'];
  for (const [template, tally] of Object.entries(evaluation.byTemplate).sort()) lines.push(`  ${row(template, tally)}`);
  lines.push('', '  by transformation (every variant it took part in)');
  const byAccuracy = Object.entries(evaluation.byTransformation).sort(([, a], [, b]) => tallyAccuracy(a) - tallyAccuracy(b));
  for (const [name, tally] of byAccuracy) lines.push(`  ${row(name, tally)}`);
  lines.push('', `  wrong auto: ${evaluation.wrongAuto.length}`);
  for (const wrong of evaluation.wrongAuto) {
    lines.push(`    ${wrong.document} (${wrong.source}) [${wrong.transformations.join(' | ')}] ${wrong.field}: expected ${show(wrong.expected)}, got ${show(wrong.got)}, confidence ${wrong.confidence.toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}

function header(): string {
  return `${'group'.padEnd(22)} ${'variants'.padStart(8)} ${'fields'.padStart(7)} ${'accuracy'.padStart(8)} ${'auto-prec'.padStart(9)} ${'review'.padStart(7)} ${'wrong-auto'.padStart(10)} ${'bad-template'.padStart(12)}`;
}

function row(name: string, tally: VariantTally): string {
  return `${name.padEnd(22)} ${String(tally.variants).padStart(8)} ${String(tally.fields).padStart(7)} ${percent(tallyAccuracy(tally)).padStart(8)} ${percent(tallyAutoPrecision(tally)).padStart(9)} ` +
    `${percent(tallyReviewRate(tally)).padStart(7)} ${String(tally.wrongAuto).padStart(10)} ${String(tally.wrongTemplate).padStart(12)}`;
}

function show(value: number | null | undefined): string {
  return value === undefined ? 'absent' : value === null ? 'blank' : String(value);
}
