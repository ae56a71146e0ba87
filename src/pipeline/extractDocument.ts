import { createHash } from 'node:crypto';
import { decodeBytes } from '../ingest/decodeBytes.ts';
import { renderDocument } from '../ingest/renderDocument.ts';
import { normaliseText } from '../normalise/normaliseText.ts';
import { parseDocument } from '../parse/parseDocument.ts';
import type { ParseResult, SectionReading } from '../parse/ParseResult.ts';
import type { ExtractionRecord } from '../record/ExtractionRecord.ts';
import { assessDocument } from '../score/assessFields.ts';
import { detectTemplate, type TemplateDetection } from '../templates/detectTemplate.ts';
import { extractMeta } from '../templates/extractMeta.ts';
import { templates } from '../templates/registry.ts';
import type { TemplateDefinition } from '../templates/TemplateDefinition.ts';
import type { MappedText } from '../text/MappedText.ts';

/** A document to extract: its bytes and the name it was submitted under. */
export interface DocumentInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Everything the deterministic path produced for one document: the record (the output contract) plus what
 * later stages need: the decoded text evidence points into, the normalised text, the parse (for the LLM
 * stage to know which sections are unresolved) and the detection.
 */
export interface ExtractionResult {
  readonly record: ExtractionRecord;
  readonly decodedText: string;
  readonly encoding: string;
  readonly normalised: MappedText;
  readonly template: TemplateDefinition | null;
  readonly detection: TemplateDetection;
  readonly parse: ParseResult;
  /** Sections the parser could not read with certainty (candidates for the LLM). */
  readonly unresolvedSections: readonly SectionReading[];
  /** Each field's calibration bucket (see score/FieldSignals), by field id; empty without a template. */
  readonly buckets: ReadonlyMap<string, string>;
}

/**
 * The deterministic path, bytes to record: decode → render → normalise → detect → meta → parse → rules and
 * scoring. Pure: no I/O, no network. Throws GongkaiError for input that is not a readable document.
 */
export function extractDocument(input: DocumentInput): ExtractionResult {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const decoded = decodeBytes(input.bytes);
  const rendered = renderDocument(decoded.text);
  const normalised = normaliseText(rendered);
  const meta = extractMeta(normalised.text);
  const detection = detectTemplate(normalised.text, templates, meta.year);
  const template = detection.template;
  const parse: ParseResult = template
    ? parseDocument(normalised, template, decoded.text)
    : { cells: new Map(), sections: [], notes: [`no template recognised (${detection.reason})`] };
  const assessment = template ? assessDocument({ template, parse, decodedText: decoded.text, normalised }) : null;
  const fields = assessment ? assessment.fields : [];
  const buckets = new Map([...(assessment?.signals ?? [])].map(([fieldId, { bucket }]) => [fieldId, bucket]));
  return {
    record: {
      document: input.name,
      sha256,
      template: template ? template.id : 'unknown',
      meta,
      fields,
    },
    decodedText: decoded.text,
    encoding: decoded.encoding,
    normalised,
    template,
    detection,
    parse,
    unresolvedSections: parse.sections.filter((section) => !section.resolved),
    buckets,
  };
}
