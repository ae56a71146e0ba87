import { createHash } from 'node:crypto';
import { decodeBytes } from '../ingest/decodeBytes.ts';
import type { InputKind } from '../ingest/detectInputKind.ts';
import type { TextPlacement } from '../ingest/pdf/PdfPageText.ts';
import { placeEvidence } from '../ingest/pdf/placeEvidence.ts';
import type { PreparedInput } from '../ingest/prepareInput.ts';
import { renderDocument, rendersAsHtml } from '../ingest/renderDocument.ts';
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

/**
 * A document to extract: its bytes and the name it was submitted under; for a PDF or a Word file, also the text
 * the asynchronous ingest step made of it (ingest/prepareInput, wired by pipeline/prepareDocumentInput).
 */
export interface DocumentInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly prepared?: PreparedInput;
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
  /** What the document was submitted as. */
  readonly inputKind: InputKind;
  /** PDF only: the page and box of every cell of decodedText (evidence gets its page and box from these). */
  readonly placements: readonly TextPlacement[];
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
  // A PDF or .docx arrives already converted (its text is what evidence points into); the rest is decoded here.
  const decoded = input.prepared ? { text: input.prepared.text, encoding: input.prepared.encoding } : decodeBytes(input.bytes);
  const rendered = renderDocument(decoded.text);
  const inputKind: InputKind = input.prepared?.kind ?? (rendersAsHtml(decoded.text) ? 'html' : 'text');
  const normalised = normaliseText(rendered);
  const meta = extractMeta(normalised.text);
  const detection = detectTemplate(normalised.text, templates, meta.year);
  const template = detection.template;
  const parse: ParseResult = template
    ? parseDocument(normalised, template, decoded.text)
    : { cells: new Map(), sections: [], notes: [`no template recognised (${detection.reason})`] };
  const placements = input.prepared?.placements ?? [];
  const assessment = template ? assessDocument({ template, parse, decodedText: decoded.text, normalised }) : null;
  const fields = assessment ? placeEvidence(assessment.fields, placements) : [];
  const buckets = new Map([...(assessment?.signals ?? [])].map(([fieldId, { bucket }]) => [fieldId, bucket]));
  return {
    record: {
      document: input.name,
      sha256,
      template: template ? template.id : 'unknown',
      meta,
      fields,
      input: { kind: inputKind, ...(input.prepared?.pages !== undefined ? { pages: input.prepared.pages } : {}) },
    },
    decodedText: decoded.text,
    encoding: decoded.encoding,
    inputKind,
    placements,
    normalised,
    template,
    detection,
    parse,
    unresolvedSections: parse.sections.filter((section) => !section.resolved),
    buckets,
  };
}
