import { compareWithGold } from '../compareWithGold.ts';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import type { ExtractionRecord } from '../../record/ExtractionRecord.ts';
import type { GarbledVariant } from './generateVariants.ts';

/** Figures over a group of variants (all, one template, or every variant a transformation took part in). */
export interface VariantTally {
  readonly variants: number;
  readonly fields: number;
  readonly correct: number;
  readonly auto: number;
  readonly review: number;
  readonly wrongAuto: number;
  /** Variants whose template came out wrong. */
  readonly wrongTemplate: number;
}

/** An auto value that is not the gold value: the one thing that must never happen. */
export interface WrongAuto {
  readonly document: string;
  readonly source: string;
  readonly transformations: readonly string[];
  readonly field: string;
  readonly expected: number | null;
  readonly got: number | null | undefined;
  readonly confidence: number;
}

/** The evaluation of a run of garbled variants. */
export interface VariantEvaluation {
  readonly overall: VariantTally;
  readonly byTemplate: Readonly<Record<string, VariantTally>>;
  /** By transformation name without its parameters ("ocr-digits", "tab", "gbk", …). */
  readonly byTransformation: Readonly<Record<string, VariantTally>>;
  readonly wrongAuto: readonly WrongAuto[];
}

/** Turns a variant into a record (the deterministic path by default). */
export type VariantExtractor = (variant: GarbledVariant) => ExtractionRecord;

const deterministic: VariantExtractor = (variant) => extractDocument({ name: variant.name, bytes: variant.bytes }).record;

/** A transformation's name without its parameters: "ocr-digits(15%)" → "ocr-digits". */
export function transformationKey(name: string): string {
  return name.replace(/\(.*$/u, '');
}

/** Runs the extractor on every variant and compares with the gold: overall, per template, per transformation. */
export function evaluateVariants(variants: readonly GarbledVariant[], extract: VariantExtractor = deterministic): VariantEvaluation {
  const overall = emptyTally();
  const byTemplate: Record<string, MutableTally> = {};
  const byTransformation: Record<string, MutableTally> = {};
  const wrongAuto: WrongAuto[] = [];
  for (const variant of variants) {
    const record = extract(variant);
    const evaluation = compareWithGold(record, variant.gold);
    const byId = new Map(record.fields.map((field) => [field.id, field]));
    const wrong = evaluation.wrongAuto.map((miss): WrongAuto => ({
      document: variant.name, source: variant.source, transformations: variant.transformations,
      field: miss.field, expected: miss.expected, got: miss.got, confidence: byId.get(miss.field)?.confidence ?? Number.NaN,
    }));
    wrongAuto.push(...wrong);
    const tallies = [
      overall,
      (byTemplate[variant.gold.template] ??= emptyTally()),
      ...[...new Set(variant.transformations.map(transformationKey))].map((key) => (byTransformation[key] ??= emptyTally())),
    ];
    for (const tally of tallies) {
      tally.variants++;
      tally.fields += evaluation.fields;
      tally.correct += evaluation.correct;
      tally.auto += evaluation.auto;
      tally.review += evaluation.review;
      tally.wrongAuto += wrong.length;
      if (!evaluation.templateCorrect) tally.wrongTemplate++;
    }
  }
  return { overall, byTemplate, byTransformation, wrongAuto };
}

type MutableTally = { -readonly [key in keyof VariantTally]: VariantTally[key] };

function emptyTally(): MutableTally {
  return { variants: 0, fields: 0, correct: 0, auto: 0, review: 0, wrongAuto: 0, wrongTemplate: 0 };
}

/** correct / fields (1 for no fields). */
export function tallyAccuracy(tally: VariantTally): number {
  return tally.fields === 0 ? 1 : tally.correct / tally.fields;
}

/** review / fields. */
export function tallyReviewRate(tally: VariantTally): number {
  return tally.fields === 0 ? 0 : tally.review / tally.fields;
}

/** (auto − wrong auto) / auto (1 when nothing is auto). */
export function tallyAutoPrecision(tally: VariantTally): number {
  return tally.auto === 0 ? 1 : (tally.auto - tally.wrongAuto) / tally.auto;
}

