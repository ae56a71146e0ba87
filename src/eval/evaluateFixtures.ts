import { readFileSync } from 'node:fs';
import { extractDocument, type DocumentInput } from '../pipeline/extractDocument.ts';
import type { ExtractionRecord, TemplateId } from '../record/ExtractionRecord.ts';
import { countBuckets, type CalibrationRow } from '../score/measureCalibration.ts';
import { compareWithGold, type DocumentEvaluation } from './compareWithGold.ts';
import { expectedWildTemplates } from './expectedWildTemplates.ts';
import { goldDocuments, listFiles } from './goldDocuments.ts';

/** Turns a document into a record: the deterministic path by default; the LLM path can pass its own. */
export type Extractor = (input: DocumentInput) => ExtractionRecord | Promise<ExtractionRecord>;

/** Figures over a set of documents with gold (the seeds, or the variants). */
export interface SetSummary {
  readonly documents: number;
  readonly fields: number;
  readonly correct: number;
  /** correct / fields (1 when there are no fields). */
  readonly accuracy: number;
  readonly auto: number;
  readonly autoCorrect: number;
  /** autoCorrect / auto (1 when nothing is auto). */
  readonly autoPrecision: number;
  readonly review: number;
  /** review / fields. */
  readonly reviewRate: number;
  readonly templatesCorrect: number;
  readonly agenciesCorrect: number;
  readonly yearsCorrect: number;
  readonly flagsExpected: number;
  readonly flagsFound: number;
  readonly wrongAuto: number;
  /** Fields by confidence band: how many, how many right (calibration). */
  readonly calibration: readonly CalibrationBand[];
  /** Highest confidence any wrong field got (null when none is wrong): it must stay below the auto threshold. */
  readonly highestWrongConfidence: number | null;
  /** Fields and wrong values per calibration bucket (empty when the extractor does not tell buckets). */
  readonly buckets: readonly CalibrationRow[];
}

/** Fields whose confidence lies in [from, to). */
export interface CalibrationBand {
  readonly from: number;
  readonly to: number;
  readonly fields: number;
  readonly right: number;
}

const CALIBRATION_EDGES = [0, 0.5, 0.8, 0.9, 0.95, 0.99, 1.0001];

/** A set of documents with gold, evaluated. */
export interface SetEvaluation {
  readonly name: 'seeds' | 'variants' | 'synthetic' | 'wild-verified' | 'printed';
  readonly documents: readonly DocumentEvaluation[];
  readonly summary: SetSummary;
}

/** One wild report: the template found and how many of its fields are auto / review. */
export interface WildEvaluation {
  readonly document: string;
  readonly template: TemplateId;
  /** From expectedWildTemplates; null for a file the table does not list. */
  readonly expectedTemplate: TemplateId | null;
  readonly templateCorrect: boolean;
  readonly fields: number;
  readonly auto: number;
  readonly review: number;
  readonly agency: string | null;
  readonly year: number | null;
  /** Set when the document could not be read at all. */
  readonly error?: string;
}

/** The whole evaluation. */
export interface EvaluationReport {
  readonly seeds: SetEvaluation;
  readonly variants: SetEvaluation;
  /**
   * Synthetic reports of agencies and years never seen (synthetic/ + synthetic/gold/, made by
   * synthetic/makeSynthetic.ts): random rule-consistent values in every layout, mostly the gov-2021 form.
   */
  readonly synthetic: SetEvaluation;
  /** The wild reports against values verified by hand (wild-gold/: partial where a cell cannot be settled). */
  readonly wildVerified: SetEvaluation;
  /**
   * The HTML fixtures printed to PDF by Chromium and read back by pdftotext, -layout and reading order
   * (printed/ + printed/gold/, made by printed/makePrinted.ts).
   */
  readonly printed: SetEvaluation;
  readonly wild: readonly WildEvaluation[];
}

/** Where the fixtures live and how documents are extracted (wild-gold/ holds hand-verified, partly partial, gold). */
export interface EvaluationOptions {
  /** Directory holding corpus/, gold/, variants/ (with variants/gold/), synthetic/ (with synthetic/gold/) and wild/. Defaults to test/fixtures. */
  readonly fixturesDirectory?: URL;
  readonly extract?: Extractor;
}

const defaultFixtures = new URL('../../test/fixtures/', import.meta.url);
/** Calibration buckets of the records the deterministic extractor made (the record itself carries none). */
const bucketsOfRecord = new WeakMap<ExtractionRecord, ReadonlyMap<string, string>>();
const deterministic: Extractor = (input) => {
  const result = extractDocument(input);
  bucketsOfRecord.set(result.record, result.buckets);
  return result.record;
};

/**
 * Runs the pipeline on the seeds (corpus/ + gold/), the garbled variants (variants/ + variants/gold/), the
 * synthetic stress set (synthetic/ + synthetic/gold/) and the wild reports (wild/, templates only) and compares
 * with gold. Pure of process state: prints nothing, exits nothing (runEvaluation prints; the vitest suite asserts).
 */
export async function evaluateFixtures(options: EvaluationOptions = {}): Promise<EvaluationReport> {
  const root = options.fixturesDirectory ?? defaultFixtures;
  const extract = options.extract ?? deterministic;
  const seeds = await evaluateSet('seeds', new URL('gold/', root), new URL('corpus/', root), extract);
  const variants = await evaluateSet('variants', new URL('variants/gold/', root), new URL('variants/', root), extract);
  const synthetic = await evaluateSet('synthetic', new URL('synthetic/gold/', root), new URL('synthetic/', root), extract);
  const wildVerified = await evaluateSet('wild-verified', new URL('wild-gold/', root), new URL('wild/', root), extract);
  const printed = await evaluateSet('printed', new URL('printed/gold/', root), new URL('printed/', root), extract);
  const wild = await evaluateWild(new URL('wild/', root), extract);
  return { seeds, variants, synthetic, wildVerified, printed, wild };
}

async function evaluateSet(name: SetEvaluation['name'], goldDirectory: URL, documentDirectory: URL, extract: Extractor): Promise<SetEvaluation> {
  const documents: DocumentEvaluation[] = [];
  for (const { gold, bytes } of goldDocuments(goldDirectory, documentDirectory)) {
    const record = await extract({ name: gold.document, bytes });
    documents.push(compareWithGold(record, gold, bucketsOfRecord.get(record)));
  }
  return { name, documents, summary: summarise(documents) };
}

async function evaluateWild(directory: URL, extract: Extractor): Promise<WildEvaluation[]> {
  const results: WildEvaluation[] = [];
  for (const file of listFiles(directory).filter((name) => name.endsWith('.txt'))) {
    const expectedTemplate = expectedWildTemplates[file] ?? null;
    try {
      const record = await extract({ name: file, bytes: readFileSync(new URL(file, directory)) });
      results.push({
        document: file,
        template: record.template,
        expectedTemplate,
        templateCorrect: expectedTemplate === null || record.template === expectedTemplate,
        fields: record.fields.length,
        auto: record.fields.filter((field) => field.status === 'auto').length,
        review: record.fields.filter((field) => field.status === 'review').length,
        agency: record.meta.agency,
        year: record.meta.year,
      });
    } catch (error) {
      results.push({
        document: file, template: 'unknown', expectedTemplate, templateCorrect: false,
        fields: 0, auto: 0, review: 0, agency: null, year: null,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return results;
}

/** Adds up per-document figures. */
export function summarise(documents: readonly DocumentEvaluation[]): SetSummary {
  const total = (pick: (document: DocumentEvaluation) => number) => documents.reduce((sum, document) => sum + pick(document), 0);
  const fields = total((document) => document.fields);
  const correct = total((document) => document.correct);
  const auto = total((document) => document.auto);
  const autoCorrect = total((document) => document.autoCorrect);
  const review = total((document) => document.review);
  return {
    documents: documents.length,
    fields,
    correct,
    accuracy: fields === 0 ? 1 : correct / fields,
    auto,
    autoCorrect,
    autoPrecision: auto === 0 ? 1 : autoCorrect / auto,
    review,
    reviewRate: fields === 0 ? 0 : review / fields,
    templatesCorrect: documents.filter((document) => document.templateCorrect).length,
    agenciesCorrect: documents.filter((document) => document.agencyCorrect).length,
    yearsCorrect: documents.filter((document) => document.yearCorrect).length,
    flagsExpected: total((document) => document.flags.length),
    flagsFound: total((document) => document.flags.filter((flag) => flag.flagged).length),
    wrongAuto: total((document) => document.wrongAuto.length),
    calibration: calibrate(documents),
    buckets: countBuckets(documents.flatMap((document) => document.scored)
      .flatMap((field) => (field.bucket === undefined ? [] : [{ bucket: field.bucket, right: field.right }]))),
    highestWrongConfidence: documents.flatMap((document) => document.scored)
      .filter((field) => !field.right)
      .reduce<number | null>((highest, field) => (highest === null ? field.confidence : Math.max(highest, field.confidence)), null),
  };
}

function calibrate(documents: readonly DocumentEvaluation[]): CalibrationBand[] {
  const bands = CALIBRATION_EDGES.slice(0, -1).map((from, index) => ({ from, to: CALIBRATION_EDGES[index + 1]!, fields: 0, right: 0 }));
  for (const field of documents.flatMap((document) => document.scored)) {
    const band = bands.find((candidate) => field.confidence >= candidate.from && field.confidence < candidate.to);
    if (!band) continue;
    band.fields++;
    if (field.right) band.right++;
  }
  return bands;
}
