import type { ExtractionRecord, FieldStatus } from '../record/ExtractionRecord.ts';
import { isHardRuleFailure } from '../record/FieldFinding.ts';
import type { GoldFile } from './goldFile.ts';

/** Amounts (万元 with six decimals) are equal within this tolerance. */
const AMOUNT_TOLERANCE = 1e-6;

/** A field whose value is not the gold value. */
export interface FieldMiss {
  readonly field: string;
  readonly expected: number | null;
  /** The value read; undefined when the record has no such field (wrong template, say). */
  readonly got: number | null | undefined;
  readonly status: FieldStatus | 'absent';
}

/** A seeded inconsistency and whether the record flags it (status review with a hard rule failure among its findings). */
export interface FlagCheck {
  readonly field: string;
  readonly flagged: boolean;
}

/** One document compared with its gold. */
export interface DocumentEvaluation {
  readonly document: string;
  readonly expectedTemplate: string;
  readonly template: string;
  readonly templateCorrect: boolean;
  readonly agencyCorrect: boolean;
  readonly yearCorrect: boolean;
  readonly agency: string | null;
  readonly year: number | null;
  /** Gold fields. */
  readonly fields: number;
  readonly correct: number;
  readonly auto: number;
  readonly autoCorrect: number;
  readonly review: number;
  readonly flags: readonly FlagCheck[];
  readonly misses: readonly FieldMiss[];
  /** Auto fields whose value is wrong: the one thing that must never happen. */
  readonly wrongAuto: readonly FieldMiss[];
  /** Confidence of every gold field the record has, whether its value is right, and its bucket when known (for calibration). */
  readonly scored: readonly ScoredField[];
}

/** One gold field of a record: its confidence, its calibration bucket (when the extractor told it), and whether it is right. */
export interface ScoredField {
  readonly field: string;
  readonly confidence: number;
  readonly right: boolean;
  readonly bucket?: string;
}

/** True when two values are the same reading: both blank, or equal numbers (amounts within 1e-6). */
export function sameValue(expected: number | null, got: number | null | undefined): boolean {
  if (expected === null || got === null || got === undefined) return expected === null && got === null;
  return Math.abs(expected - got) <= AMOUNT_TOLERANCE;
}

/**
 * Gold keeps a blank cell as null (as printed); the record may prove it 0 (rules.md: value 0, method
 * `inferred`, the printed blank kept in `raw`). That is the same reading.
 */
function isProvenBlank(expected: number | null, field: ExtractionRecord['fields'][number]): boolean {
  return expected === null && field.value === 0 && field.method === 'inferred' && !/[0-9０-９]/u.test(field.raw);
}

/** Compares one record with its gold file, field by field. */
export function compareWithGold(record: ExtractionRecord, gold: GoldFile, buckets?: ReadonlyMap<string, string>): DocumentEvaluation {
  const byId = new Map(record.fields.map((field) => [field.id, field]));
  let correct = 0;
  let auto = 0;
  let autoCorrect = 0;
  let review = 0;
  const misses: FieldMiss[] = [];
  const wrongAuto: FieldMiss[] = [];
  const scored: ScoredField[] = [];
  for (const [fieldId, expected] of Object.entries(gold.fields)) {
    const field = byId.get(fieldId);
    const right = field !== undefined && (sameValue(expected, field.value) || isProvenBlank(expected, field));
    if (field?.status === 'auto') auto++;
    if (field?.status === 'review') review++;
    const bucket = buckets?.get(fieldId);
    if (field) scored.push({ field: fieldId, confidence: field.confidence, right, ...(bucket === undefined ? {} : { bucket }) });
    if (right) {
      correct++;
      if (field.status === 'auto') autoCorrect++;
      continue;
    }
    const miss: FieldMiss = { field: fieldId, expected, got: field?.value, status: field?.status ?? 'absent' };
    misses.push(miss);
    if (field?.status === 'auto') wrongAuto.push(miss);
  }
  const flags = gold.expectFlags.map((fieldId) => {
    const field = byId.get(fieldId);
    const flagged = field !== undefined && field.status === 'review' && (field.findings ?? []).some(isHardRuleFailure);
    return { field: fieldId, flagged };
  });
  return {
    document: gold.document,
    expectedTemplate: gold.template,
    template: record.template,
    templateCorrect: record.template === gold.template,
    agencyCorrect: agencyMatches(record.meta.agency, gold.meta.agency, gold.meta.agencyAliases),
    yearCorrect: record.meta.year === gold.meta.year,
    agency: record.meta.agency,
    year: record.meta.year,
    fields: Object.keys(gold.fields).length,
    correct,
    auto,
    autoCorrect,
    review,
    flags,
    misses,
    wrongAuto,
    scored,
  };
}

/** Agency names compare after width folding (（ and ( are the same) and with spaces removed. */
function agencyMatches(got: string | null, expected: string | null, aliases: readonly string[]): boolean {
  if (got === null) return expected === null;
  const fold = (name: string) => name.normalize('NFKC').replace(/\s+/gu, '');
  const candidate = fold(got);
  // A gold file may name no full agency but list the partial name the document prints as an alias.
  return [...(expected === null ? [] : [expected]), ...aliases].some((name) => fold(name) === candidate);
}
