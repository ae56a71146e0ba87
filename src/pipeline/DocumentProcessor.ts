import type { ExtractionRecord } from '../record/ExtractionRecord.ts';
import type { DocumentInput } from './extractDocument.ts';

/** Tokens and estimated cost of the LLM calls made for one document. */
export interface LlmUsage {
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Estimated cost in the configured currency unit (USD by default), from configurable prices. */
  readonly estimatedCost: number;
  readonly model: string;
  readonly promptVersion: string;
}

/** One processed document: the record, the decoded text its evidence points into, and what the LLM cost. */
export interface ProcessedDocument {
  readonly record: ExtractionRecord;
  readonly decodedText: string;
  readonly encoding: string;
  /** 'off': no endpoint configured or --no-llm; 'not-needed': nothing unresolved; 'used': sections were sent. */
  readonly llm: 'off' | 'not-needed' | 'used' | 'failed';
  readonly usage: LlmUsage | null;
  /** Sentences for the operator (stderr / UI), e.g. "LLM endpoint not configured: 2 sections left for review". */
  readonly messages: readonly string[];
}

/**
 * Turns a submitted document into a processed one. The deterministic processor (pipeline/deterministicProcessor)
 * needs nothing; the LLM processor (extract/) wraps it and sends unresolved sections to a model. The CLI, the
 * ingest command and the server all depend on this interface; main wires the concrete one.
 * Throws GongkaiError for input that is not a readable document.
 */
export interface DocumentProcessor {
  process(input: DocumentInput): Promise<ProcessedDocument>;
}
