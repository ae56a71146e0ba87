/**
 * Prints accuracy, review rate and wrong-auto count for breaks the project's garbler does not make, applied on top of
 * its variants or of real values rendered flat: `npx tsx test/support/measureIndependentBreaks.ts [seed] [count]`.
 *
 * - `wrapped-flat`: every new-format gold rendered as one line of space-separated cells (renderAdversarial one-line),
 *   then wrapped every N characters (15 to 130) wherever that falls, inside a number too;
 * - `tab-broken`, `pipe-broken-cut`: a quarter of the lines holding numbers broken at a random character (tab rows;
 *   pipe-broken's cell lines, cut before their bar);
 * - `labels-split`: a quarter of the tab rows' labels cut after a random character, the values on the first line;
 * - `soft-hyphens`: a soft hyphen (what a crawled page's &shy; leaves) after one digit in ten;
 * - `bare-pages`: one-cell-per-line variants with a bare page number (2, 3, …) on a line of its own after one line in
 *   25, no marker and no form feed (a PDF viewer's copy); variants whose pages the garbler already broke with form
 *   feeds and footers are left as they are (a copy has one numbering or the other).
 */
import { compareWithGold } from '../../src/eval/compareWithGold.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { findTemplate } from '../../src/templates/registry.ts';
import { newFormatGolds } from './adversarialCases.ts';
import { renderAdversarial } from './renderAdversarialLayouts.ts';
import { brokenVariants, cutLines, splitLabels } from './brokenVariants.ts';
import { seededRandom } from './seededRandom.ts';

const seed = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 200);

interface Tally {
  fields: number;
  correct: number;
  review: number;
  readonly wrong: string[];
}

function measure(name: string, documents: Iterable<{ name: string; text: string; gold: Parameters<typeof compareWithGold>[1] }>): void {
  const tally: Tally = { fields: 0, correct: 0, review: 0, wrong: [] };
  for (const document of documents) {
    const result = extractDocument({ name: document.name, bytes: new TextEncoder().encode(document.text) });
    const evaluation = compareWithGold(result.record, document.gold, result.buckets);
    tally.fields += evaluation.fields;
    tally.correct += evaluation.correct;
    tally.review += evaluation.review;
    for (const miss of evaluation.wrongAuto) tally.wrong.push(`${document.name} ${miss.field}: expected ${miss.expected}, got ${miss.got}`);
  }
  const percent = (part: number) => `${((100 * part) / Math.max(1, tally.fields)).toFixed(2)}%`;
  console.log(`${name.padEnd(16)} fields ${tally.fields}  right ${percent(tally.correct)}  review ${percent(tally.review)}  wrong auto ${tally.wrong.length}`);
  for (const line of tally.wrong.slice(0, 10)) console.log(`  WRONG AUTO ${line}`);
}

function* wrappedFlat() {
  const random = seededRandom(seed);
  for (const [index, gold] of newFormatGolds().entries()) {
    const template = findTemplate(gold.template)!;
    const flat = renderAdversarial(template, { agency: gold.meta.agency, year: gold.meta.year, fields: gold.fields }, 'one-line', seed + index)
      .replace(/\s*\n\s*/gu, ' ');
    const width = random.integer(15, 130);
    const lines: string[] = [];
    for (let at = 0; at < flat.length; at += width) lines.push(flat.slice(at, at + width));
    yield { name: `${gold.document} (wrapped at ${width})`, text: lines.join('\n'), gold };
  }
}

measure('wrapped-flat', wrappedFlat());
measure('tab-broken', brokenVariants('tab', seed, count, cutLines(/\t/u, (line) => line.length)));
measure('pipe-broken-cut', brokenVariants('pipe-broken', seed + 1, count, cutLines(/\|/u, (line) => line.indexOf('|'))));
measure('labels-split', brokenVariants('tab', seed + 2, count, splitLabels));
measure('soft-hyphens', brokenVariants('tab', seed + 3, count, (lines, random) => lines.map((line) => line.replace(/\d/gu, (digit) => (random.next() < 0.1 ? `${digit}\u00ad` : digit)))));
measure('bare-pages', brokenVariants('cell-per-line', seed + 4, count, (lines, random) => {
  if (lines.some((line) => line.includes('\f'))) return lines;
  let page = 2;
  return lines.flatMap((line) => (random.next() < 0.04 ? [line, String(page++)] : [line]));
}));
