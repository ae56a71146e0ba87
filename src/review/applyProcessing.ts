import type { LlmUsage, ProcessedDocument } from '../pipeline/DocumentProcessor.ts';
import { extractionRecordSchema } from '../record/ExtractionRecord.ts';
import type { DocumentEntry, DocumentUpdate } from '../store/Store.ts';
import { STORE_SCHEMA_VERSION, type DocumentSummary, type ProcessingInfo, type StoredDocument } from '../store/storeSchemas.ts';
import { summariseDocument } from './summariseDocument.ts';

/** Differing LLM readings listed in the note when a reviewer's work is kept. */
const MAX_LISTED = 10;

/**
 * The store update that puts a processing result on a document. The record is replaced when nobody has decided
 * on the document yet (its first extraction, or resumed LLM work on a document still untouched). Once a reviewer
 * has made a decision, their work is kept: the record and its audit trail stay as they are, and a note in the
 * processing messages says what the new run read differently. LLM usage adds up over the runs, so the stats
 * count every token spent on the document.
 */
export function applyProcessing(entry: DocumentEntry, processed: ProcessedDocument, now: Date): DocumentUpdate {
  const { summary, document: previous } = entry;
  const record = extractionRecordSchema.parse({ ...processed.record, document: summary.name, sha256: summary.id });
  const usage = addUsage(previous?.processing.usage ?? null, processed.usage);
  const at = now.toISOString();

  if (previous && previous.decisions.length > 0) {
    const current = new Map(previous.record.fields.map((field) => [field.id, field.value]));
    const differing = record.fields.filter((field) => field.method === 'llm' && current.get(field.id) !== field.value);
    const listed = differing.slice(0, MAX_LISTED).map((field) => `${field.id}: ${current.get(field.id) ?? 'blank'} → ${field.value ?? 'blank'}`);
    const note =
      `LLM work finished ${at} (LLM ${processed.llm}) after a reviewer had decided on this document: their work was kept and the new reading not applied` +
      (differing.length > 0 ? `; the LLM read ${differing.length} field(s) differently: ${listed.join('; ')}${differing.length > MAX_LISTED ? '; …' : ''}` : '');
    const document: StoredDocument = {
      ...previous,
      version: previous.version + 1,
      processing: { ...previous.processing, usage, messages: [...previous.processing.messages, note] },
    };
    return { summary: withUsage(summariseDocument(summary, document, now), usage), document };
  }

  const messages = [...processed.messages];
  if (previous) messages.push(`LLM work resumed: this record replaces the one of ${previous.processing.processedAt} (no reviewer had decided yet); usage counts both runs`);
  const document: StoredDocument = {
    schemaVersion: STORE_SCHEMA_VERSION,
    id: summary.id,
    version: summary.version + 1,
    record,
    processing: { encoding: processed.encoding, llm: processed.llm, usage, messages, processedAt: at },
    rejected: null,
    decisions: [],
  };
  return { summary: withUsage(summariseDocument(summary, document, now), usage), document, text: processed.decodedText };
}

/** The index entry with the document's LLM totals (what GET /api/stats sums). */
function withUsage(summary: DocumentSummary, usage: ProcessingInfo['usage']): DocumentSummary {
  const { llmUsage: _previous, ...rest } = summary;
  if (!usage || (usage.calls === 0 && usage.inputTokens === 0 && usage.outputTokens === 0)) return rest;
  const { calls, inputTokens, outputTokens, estimatedCost, currency } = usage;
  return { ...rest, llmUsage: { calls, inputTokens, outputTokens, estimatedCost, ...(currency === undefined ? {} : { currency }) } };
}

/** Usage of the runs so far plus this one (model and prompt version of the latest run). */
function addUsage(previous: ProcessingInfo['usage'], next: LlmUsage | null): ProcessingInfo['usage'] {
  if (!next) return previous;
  const fresh = {
    calls: next.calls,
    inputTokens: next.inputTokens,
    outputTokens: next.outputTokens,
    estimatedCost: next.estimatedCost,
    model: next.model,
    promptVersion: next.promptVersion,
    ...(next.currency === undefined ? {} : { currency: next.currency }),
    ...(next.cachedSections === undefined ? {} : { cachedSections: next.cachedSections }),
    ...(next.callDetails === undefined ? {} : { callDetails: next.callDetails.map((call) => ({ ...call })) }),
  };
  if (!previous) return fresh;
  const callDetails = [...(previous.callDetails ?? []), ...(fresh.callDetails ?? [])];
  return {
    ...fresh,
    calls: previous.calls + fresh.calls,
    inputTokens: previous.inputTokens + fresh.inputTokens,
    outputTokens: previous.outputTokens + fresh.outputTokens,
    estimatedCost: Math.round((previous.estimatedCost + fresh.estimatedCost) * 1e8) / 1e8,
    ...(fresh.currency ?? previous.currency ? { currency: fresh.currency ?? previous.currency } : {}),
    cachedSections: (previous.cachedSections ?? 0) + (fresh.cachedSections ?? 0),
    ...(callDetails.length > 0 ? { callDetails } : {}),
  };
}
