/**
 * Prints accuracy, review rate and wrong-auto count per adversarial layout:
 * `npx tsx test/support/measureAdversarialLayouts.ts [seed]`.
 */
import { adversarialOutcomes, newFormatGolds } from './adversarialCases.ts';

const seed = Number(process.argv[2] ?? 1);
const totals = new Map<string, { fields: number; correct: number; review: number; wrongAuto: number; documents: number }>();
const wrong: string[] = [];
for (const { layout, document, evaluation } of adversarialOutcomes(newFormatGolds(), seed)) {
  const total = totals.get(layout) ?? { fields: 0, correct: 0, review: 0, wrongAuto: 0, documents: 0 };
  total.fields += evaluation.fields;
  total.correct += evaluation.correct;
  total.review += evaluation.review;
  total.wrongAuto += evaluation.wrongAuto.length;
  total.documents++;
  totals.set(layout, total);
  for (const miss of evaluation.wrongAuto) wrong.push(`${document}: ${miss.field} expected ${miss.expected} got ${miss.got}`);
}
for (const [layout, total] of totals) {
  const percent = (part: number) => `${((100 * part) / total.fields).toFixed(2)}%`;
  console.log(`${layout.padEnd(18)} docs ${total.documents}  right ${percent(total.correct)} (${total.correct}/${total.fields})  review ${percent(total.review)}  wrong auto ${total.wrongAuto}`);
}
for (const line of wrong.slice(0, 30)) console.log(`  WRONG AUTO ${line}`);
