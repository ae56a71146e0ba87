import type { LlmWorkQueue } from '../extract/LlmWorkQueue.ts';
import type { DocumentProcessor } from '../pipeline/DocumentProcessor.ts';
import type { ExtractionThreadPool } from '../pipeline/threads/ExtractionThreadPool.ts';

/**
 * The processor the review service runs: any DocumentProcessor, plus what the LLM processor brings
 * (extract/createProcessor's SelectedProcessor is one). With a `queue`, every extraction goes through the
 * durable LLM work queue and the service resumes what is left in it (after a restart, after an outage).
 */
export interface ServiceProcessor extends DocumentProcessor {
  /** True when an LLM endpoint is configured for this run. */
  readonly llmEnabled?: boolean;
  /** One sentence on which processor runs and why (stderr, the queue page). */
  readonly status?: string;
  /** The durable queue of pending LLM work (LLM on only). */
  readonly queue?: LlmWorkQueue;
  /**
   * Present when the processor can run its extraction on worker threads: the same processor with its
   * deterministic extraction on `pool` (the LLM processor keeps its calls on the calling thread).
   */
  readonly onThreads?: (pool: ExtractionThreadPool) => ServiceProcessor;
}
