import { describe, expect, it } from 'vitest';
import { evaluateFixtures } from '../src/eval/evaluateFixtures.ts';
import { evaluationFailures, evaluationThresholds } from '../src/eval/evaluationFailures.ts';

/**
 * The evaluation as a test, with the same bar as `npm run eval`, so CI fails when extraction regresses:
 * seeds at 100% accuracy and auto-precision with both seeded inconsistencies flagged, variants ≥ 99% with no
 * wrong auto field, the synthetic stress set ≥ 96% with no wrong auto field, every wild report with the right template.
 */
describe('evaluation', async () => {
  const report = await evaluateFixtures();

  it('reads every seed right, commits no wrong field and flags both seeded inconsistencies', () => {
    expect(report.seeds.summary.documents).toBe(5);
    expect(report.seeds.summary.accuracy).toBeGreaterThanOrEqual(evaluationThresholds.seedAccuracy);
    expect(report.seeds.summary.autoPrecision).toBeGreaterThanOrEqual(evaluationThresholds.seedAutoPrecision);
    const flags = report.seeds.documents.flatMap((document) => document.flags.map((flag) => `${document.document.slice(0, 3)} ${flag.field} ${flag.flagged}`));
    expect(flags).toEqual(['000 requests.completed true', '001 requests.answered true']);
  });

  it('holds the garbled variants to 99% with no wrong auto field', () => {
    expect(report.variants.summary.documents).toBeGreaterThanOrEqual(20);
    expect(report.variants.summary.accuracy).toBeGreaterThanOrEqual(evaluationThresholds.variantAccuracy);
    expect(report.variants.documents.flatMap((document) => document.wrongAuto.map((miss) => `${document.document} ${miss.field}`))).toEqual([]);
  });

  it('holds the synthetic stress set (unseen agencies and years, every layout) to 96% with no wrong auto field', () => {
    expect(report.synthetic.summary.documents).toBeGreaterThanOrEqual(40);
    expect(report.synthetic.summary.accuracy).toBeGreaterThanOrEqual(evaluationThresholds.syntheticAccuracy);
    expect(report.synthetic.documents.flatMap((document) => document.wrongAuto.map((miss) => `${document.document} ${miss.field}`))).toEqual([]);
    expect(report.synthetic.documents.flatMap((document) => document.flags.filter((flag) => !flag.flagged).map((flag) => `${document.document} ${flag.field}`))).toEqual([]);
    expect(report.synthetic.documents.filter((document) => !document.templateCorrect).map((document) => `${document.document}: ${document.template}`)).toEqual([]);
  });

  it('commits no wrong value on the wild reports, against the hand-verified cells', () => {
    expect(report.wildVerified.summary.documents).toBeGreaterThanOrEqual(30);
    expect(report.wildVerified.documents.flatMap((document) => document.wrongAuto.map((miss) => `${document.document} ${miss.field}`))).toEqual([]);
  });

  it('commits no wrong value on the printed set (PDF prints read back by pdftotext)', () => {
    expect(report.printed.summary.documents).toBeGreaterThanOrEqual(20);
    expect(report.printed.documents.flatMap((document) => document.wrongAuto.map((miss) => `${document.document} ${miss.field}`))).toEqual([]);
  });

  it('gives every wild report the right template', () => {
    expect(report.wild.filter((wild) => !wild.templateCorrect || wild.expectedTemplate === null).map((wild) => `${wild.document}: ${wild.template}`)).toEqual([]);
  });

  it('passes the whole bar', () => {
    expect(evaluationFailures(report)).toEqual([]);
  });
});
