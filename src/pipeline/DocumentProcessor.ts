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
  /** Unit of estimatedCost (the configured prices' currency). */
  readonly currency?: string;
  /** Sections answered from the cache (no tokens spent). */
  readonly cachedSections?: number;
  /** Every request made (or served from the cache), in completion order. */
  readonly callDetails?: readonly LlmCallUsage[];
}

/** One LLM request for one section: what it cost and how it ended. */
export interface LlmCallUsage {
  readonly section: string;
  /** `answer`: the first request; `repair`: the one repair request after an invalid answer. */
  readonly attempt: 'answer' | 'repair';
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly estimatedCost: number;
  /** True when the answer came from the cache (no tokens spent). */
  readonly cached: boolean;
  /** False when the endpoint reported no usage and the tokens are this side's estimate. */
  readonly usageReported: boolean;
  readonly outcome: 'ok' | 'invalid' | 'refused' | 'empty' | 'truncated' | 'filtered' | 'failed';
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
  /**
   * Sections whose LLM call failed for a reason that may pass (endpoint down, rate limit, timeout): the document
   * should be processed again later (extract/LlmWorkQueue). Absent or empty: nothing to retry.
   */
  readonly pendingLlmSections?: readonly string[];
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
