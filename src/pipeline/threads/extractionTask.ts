import { isGongkaiError, type GongkaiErrorCode } from '../../errors/GongkaiError.ts';
import type { PreparedInput } from '../../ingest/prepareInput.ts';
import type { ExtractionRecord } from '../../record/ExtractionRecord.ts';
import { extractDocument, type DocumentInput } from '../extractDocument.ts';

/** One document for an extraction thread: plain data, copied by postMessage (structured clone). */
export interface ExtractionTask {
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly prepared?: PreparedInput;
}

/**
 * What the deterministic processor keeps of an ExtractionResult: the record, the text its evidence points into
 * and how many sections were left unread. Plain data on purpose (the rest holds class instances and templates,
 * which do not survive a structured clone).
 */
export interface DeterministicExtraction {
  readonly record: ExtractionRecord;
  readonly decodedText: string;
  readonly encoding: string;
  readonly unresolvedSections: number;
}

/** A failure thrown by the pipeline, carried across the thread boundary (a GongkaiError keeps code and context). */
export interface ExtractionFailure {
  readonly code?: GongkaiErrorCode;
  readonly message: string;
  readonly context?: Readonly<Record<string, unknown>>;
}

/** What a thread posts back for one task. */
export type ExtractionAnswer = { readonly id: number } & ({ readonly extraction: DeterministicExtraction } | { readonly failure: ExtractionFailure });

/** The deterministic path, reduced to what crosses a thread boundary (the same code in and off the main thread). */
export function extractDeterministically(input: DocumentInput): DeterministicExtraction {
  const result = extractDocument(input);
  return { record: result.record, decodedText: result.decodedText, encoding: result.encoding, unresolvedSections: result.unresolvedSections.length };
}

/** Runs one task inside an extraction thread: never throws, a pipeline error becomes a `failure`. */
export function runExtractionTask(task: ExtractionTask): ExtractionAnswer {
  try {
    const input: DocumentInput = { name: task.name, bytes: task.bytes, ...(task.prepared ? { prepared: task.prepared } : {}) };
    return { id: task.id, extraction: extractDeterministically(input) };
  } catch (error) {
    if (isGongkaiError(error)) return { id: task.id, failure: { code: error.code, message: error.message, context: { ...error.context } } };
    return { id: task.id, failure: { message: error instanceof Error ? error.message : String(error) } };
  }
}
