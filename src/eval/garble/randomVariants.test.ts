import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateVariants, tallyAccuracy, tallyReviewRate, type VariantEvaluation } from './evaluateVariants.ts';
import { generateVariants } from './generateVariants.ts';

/**
 * The property test of issue 7: 500 seeded garbled variants of every labelled document (the same as
 * `npm run eval -- --random 500 --seed 2026`), read by the deterministic engine.
 *
 * The bars are what today's engine measures on this seed, rounded down to a half percent (all 98.93%, gov-2014 99.60%,
 * gov-2019 98.51%, gov-2021 99.00%, 7.41% of fields in review, bar lowered from 8% to 7.5%, on variants of which three
 * tab layouts in ten now print comma-separated values, `csv`, drawn from the stream of later choices, with CSV rows,
 * column-order blocks short of a blank total, leading-zero page debris and bare page numbers in glued runs read, and
 * the calibration re-run); a session before 98.68%, 7.90% (with splits one digit per cell and wrapped value cells
 * measured apart); a session before that 98.67%, 8.71% in review,
 * on variants of which one in
 * sixteen now loses one to three row labels to the scan, `lost-labels`, drawn from a stream of its own so the other
 * variants stay as they were; a session before that (all 98.75%,
 * gov-2014 99.85%, gov-2019 98.50%, gov-2021 98.75%, 8.03% of fields in review (bar raised from 8% to 8.5%), on
 * variants that now also print
 * narrow number cells, a count wrapped over the lines around its row (`pdf-layout`, numbers wrap at N digits), joined
 * by normalise/joinStackedDigits where they stack cleanly and held ambiguous where not, and with values that are
 * themselves a missing page number held for a person; a session before, without
 * them, 98.85%, gov-2014 99.95%, gov-2019 98.64%, gov-2021 98.83%, 7.86% of fields in review, with the cells of a
 * failing rule that one other cell explains measured apart instead of blocked; a session before that 98.83%, 8.26%, up from 7.64% the
 * session before that, the price of closing the wrong auto values 40 fresh seeds showed
 * (src/eval/garble/wrongAutoFound.test.ts); two sessions before 98.73%, 7.64%, with inconsistent column-order
 * blocks read by their best fit and the calibration measured per labelled set on 96,000 variants; a session before
 * 98.50%, 8.74%, with rows that print nothing told apart in flattened text; two sessions before 98.37%, 9.32%, with OCR letters read where digits stand in flattened
 * text and the calibration measured on 32,000 variants; three sessions before 98.23%, 10.35%, with
 * page breaks inside tables read through; four sessions before 97.55%, 12.61%; five
 * before 95.88%, 14.35%; six before 94.27%, 22.63% in review; seven before 91.16%, 28.44%; before the token solver
 * 78.63%): they catch regressions. (The
 * variants are not the same as a session before: 15% of gov-2021 variants now print the combined （六） row.) Issue 7 wants ≥ 99% for every
 * template and ≤ 5% in review; part of the gap is information the garbling destroys (README).
 */
const SEED = 2026;
const COUNT = 500;
const ACCURACY_BARS: Readonly<Record<string, number>> = { all: 0.985, 'gov-2014': 0.995, 'gov-2019': 0.98, 'gov-2021': 0.985 };
/** Most of the fields that may wait for a person (measured 7.41%). */
const MAX_REVIEW_RATE = 0.075;

describe(`random garbled variants (seed ${SEED}, ${COUNT} variants)`, () => {
  let evaluation: VariantEvaluation;
  beforeAll(() => {
    evaluation = evaluateVariants(generateVariants({ seed: SEED, count: COUNT }));
  }, 300_000);

  it('covers every template', () => {
    expect(evaluation.overall.variants).toBe(COUNT);
    expect(Object.keys(evaluation.byTemplate).sort()).toEqual(['gov-2014', 'gov-2019', 'gov-2021']);
    // Tables as comma-separated values (a crawler's CSV slice) among the layouts.
    expect(evaluation.byTransformation.csv?.variants).toBeGreaterThan(10);
  });

  it('reads at least the measured share of fields right, overall and per template', () => {
    const measured: Record<string, number> = { all: tallyAccuracy(evaluation.overall), ...Object.fromEntries(Object.entries(evaluation.byTemplate).map(([template, tally]) => [template, tallyAccuracy(tally)])) };
    for (const [group, bar] of Object.entries(ACCURACY_BARS)) expect(measured[group], group).toBeGreaterThanOrEqual(bar);
  });

  it('sends at most the measured share of fields to review', () => {
    expect(tallyReviewRate(evaluation.overall)).toBeLessThanOrEqual(MAX_REVIEW_RATE);
  });

  // The product's rule: never a wrong auto value. (The six the engine committed before the token solver, on
  // variants 0196 and 0283, now go to review.)
  it('commits no wrong auto value at all', () => {
    expect(evaluation.wrongAuto).toEqual([]);
  });
});
