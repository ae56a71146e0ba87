import type { DocumentProcessor, ProcessedDocument } from '../pipeline/DocumentProcessor.ts';
import type { DocumentInput } from '../pipeline/extractDocument.ts';
import { mapWithConcurrency } from './createConcurrencyLimit.ts';
import type { LlmWorkQueue } from './LlmWorkQueue.ts';

/**
 * Processes one document with its LLM work tracked in the queue: enqueued before the calls start; `save` (the
 * service storing the record) runs next; then the item is completed when nothing is left to retry, or
 * deferred (with backoff) when sections failed for a passing reason. A crash at any point leaves the item
 * queued. The record is always usable (fields the LLM could not read are in review). A document that is not
 * readable at all (GongkaiError from the deterministic path) is removed from the queue and the error rethrown.
 */
export async function processWithLlmQueue(
  queue: LlmWorkQueue,
  processor: DocumentProcessor,
  key: string,
  input: DocumentInput,
  save?: (processed: ProcessedDocument) => Promise<void>,
): Promise<ProcessedDocument> {
  await queue.enqueue(key, input.name);
  let processed: ProcessedDocument;
  try {
    processed = await processor.process(input);
  } catch (error) {
    await queue.complete(key);
    throw error;
  }
  if (save) await save(processed);
  const pending = processed.pendingLlmSections ?? [];
  if (pending.length > 0) await queue.defer(key, `LLM pending for ${pending.join(', ')}`);
  else await queue.complete(key);
  return processed;
}

/** What the service gives resumeLlmWork: how to get a queued document back, and where its new record goes. */
export interface LlmWorkResumption {
  readonly queue: LlmWorkQueue;
  readonly processor: DocumentProcessor;
  /** The document's bytes from the store, or undefined when it was deleted meanwhile (the item is dropped). */
  readonly load: (key: string) => Promise<DocumentInput | undefined>;
  /** Stores the new result (the service decides what to do where a reviewer already changed fields). */
  readonly save: (key: string, processed: ProcessedDocument) => Promise<void>;
  readonly concurrency?: number;
  readonly now?: Date;
}

/** How a resumption went. */
export interface LlmWorkSummary {
  readonly processed: number;
  readonly stillPending: number;
  readonly dropped: number;
  readonly failed: number;
}

/**
 * Runs the queue's due items again (at start-up, then periodically): each document is reprocessed, saved, and
 * completed or deferred again. Call it after a restart, and every minute or so while items are queued.
 */
export async function resumeLlmWork(options: LlmWorkResumption): Promise<LlmWorkSummary> {
  const due = await options.queue.due(options.now);
  const outcomes = await mapWithConcurrency(due, options.concurrency ?? 2, async (item) => {
    const input = await options.load(item.key);
    if (!input) {
      await options.queue.complete(item.key);
      return 'dropped' as const;
    }
    try {
      const processed = await processWithLlmQueue(options.queue, options.processor, item.key, input, (result) => options.save(item.key, result));
      return (processed.pendingLlmSections ?? []).length > 0 ? ('pending' as const) : ('processed' as const);
    } catch {
      return 'failed' as const;
    }
  });
  return {
    processed: outcomes.filter((outcome) => outcome === 'processed').length,
    stillPending: outcomes.filter((outcome) => outcome === 'pending').length,
    dropped: outcomes.filter((outcome) => outcome === 'dropped').length,
    failed: outcomes.filter((outcome) => outcome === 'failed').length,
  };
}
