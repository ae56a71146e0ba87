import { GongkaiError, isGongkaiError, type GongkaiErrorCode } from '../../errors/GongkaiError.ts';
import type { PreparedInput } from '../../ingest/prepareInput.ts';
import { findTemplate } from '../../templates/registry.ts';
import { MappedText } from '../../text/MappedText.ts';
import { extractDocument, type DocumentInput, type ExtractionResult } from '../extractDocument.ts';

/** One document for an extraction thread: plain data, copied by postMessage (structured clone). */
export interface ExtractionTask {
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly prepared?: PreparedInput;
}

/**
 * An ExtractionResult as it crosses a thread boundary: the structured clone keeps plain data, Maps and typed
 * arrays but not classes, so the normalised text travels as its arrays and the template as its id (the
 * receiving side takes the same definition from its own registry).
 */
export interface ThreadExtraction extends Omit<ExtractionResult, 'normalised' | 'template' | 'detection'> {
  readonly normalised: { readonly text: string; readonly originStart: Int32Array; readonly originEnd: Int32Array; readonly originalLength: number };
  readonly templateId: string | null;
  readonly detection: Omit<ExtractionResult['detection'], 'template'>;
}

/** A failure thrown by the pipeline, carried across the thread boundary (a GongkaiError keeps code and context). */
export interface ExtractionFailure {
  readonly code?: GongkaiErrorCode;
  readonly message: string;
  readonly context?: Readonly<Record<string, unknown>>;
}

/** What a thread posts back for one task. */
export type ExtractionAnswer = { readonly id: number } & ({ readonly extraction: ThreadExtraction } | { readonly failure: ExtractionFailure });

/** Runs one task inside an extraction thread: never throws, a pipeline error becomes a `failure`. */
export function runExtractionTask(task: ExtractionTask): ExtractionAnswer {
  try {
    const input: DocumentInput = { name: task.name, bytes: task.bytes, ...(task.prepared ? { prepared: task.prepared } : {}) };
    return { id: task.id, extraction: toThreadExtraction(extractDocument(input)) };
  } catch (error) {
    if (isGongkaiError(error)) return { id: task.id, failure: { code: error.code, message: error.message, context: { ...error.context } } };
    return { id: task.id, failure: { message: error instanceof Error ? error.message : String(error) } };
  }
}

export function toThreadExtraction(result: ExtractionResult): ThreadExtraction {
  const { normalised, template, detection, ...plain } = result;
  return {
    ...plain,
    normalised: { text: normalised.text, originStart: normalised.originStart, originEnd: normalised.originEnd, originalLength: normalised.originalLength },
    templateId: template ? template.id : null,
    detection: { scores: detection.scores, reason: detection.reason },
  };
}

/** The ExtractionResult again, on the receiving thread. */
export function fromThreadExtraction(data: ThreadExtraction): ExtractionResult {
  const { normalised, templateId, detection, ...plain } = data;
  const template = templateId === null ? null : findTemplate(templateId);
  if (template === undefined) throw new GongkaiError('internal', `the extraction thread named a template this thread does not know (${templateId})`, { templateId });
  return {
    ...plain,
    normalised: new MappedText(normalised.text, normalised.originStart, normalised.originEnd, normalised.originalLength),
    template,
    detection: { ...detection, template },
  };
}
