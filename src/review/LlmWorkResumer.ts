import { isGongkaiError } from '../errors/GongkaiError.ts';
import type { LlmWorkItem, LlmWorkQueue } from '../extract/LlmWorkQueue.ts';
import { resumeLlmWork, type LlmWorkSummary } from '../extract/runLlmWork.ts';
import type { ProcessedDocument } from '../pipeline/DocumentProcessor.ts';
import type { Store } from '../store/Store.ts';
import type { ServiceProcessor } from './ServiceProcessor.ts';

/** What resuming pending LLM work needs from the review service. */
export interface LlmWorkResumerOptions {
  /** The durable LLM work queue (reasons already redacted). */
  readonly queue: LlmWorkQueue;
  readonly store: Store;
  readonly processor: ServiceProcessor;
  readonly clock: () => Date;
  readonly concurrency: number;
  /** How often pending work is tried again while any is queued; undefined: never by itself. */
  readonly retryIntervalMs: number | undefined;
  /** The document is waiting for (or in) its first extraction: its work belongs to the extraction queue. */
  readonly extracting: (key: string) => boolean;
  /** Stores a document's new result (the service's applyProcessing and cross-year settling). */
  readonly save: (key: string, processed: ProcessedDocument) => Promise<void>;
  readonly log?: (line: string) => void;
}

/** A pass that found nothing to do (or no LLM work queue at all). */
export const NO_LLM_WORK_DONE: LlmWorkSummary = { processed: 0, stillPending: 0, dropped: 0, failed: 0 };

/**
 * Resumes the LLM work that is due again (extract/runLlmWork), one pass at a time, and arms one retry after each
 * pass while any work is left, until stopped. Each document is reprocessed from its stored bytes.
 */
export class LlmWorkResumer {
  private running: Promise<LlmWorkSummary> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly options: LlmWorkResumerOptions) {}

  /** Runs a pass now, or joins the one under way. */
  resume(): Promise<LlmWorkSummary> {
    this.running ??= this.runPass().finally(() => {
      this.running = undefined;
      void this.scheduleRetry();
    });
    return this.running;
  }

  /** Arms one retry of the pending work, while any is queued and the resumer runs. */
  async scheduleRetry(): Promise<void> {
    const interval = this.options.retryIntervalMs;
    if (interval === undefined || this.stopped || this.retryTimer) return;
    const pending = await this.options.queue.list().catch(() => []);
    if (pending.length === 0 || this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.resume();
    }, interval);
    // A pending retry never keeps the process alive (ingest exits; the server runs anyway).
    this.retryTimer.unref?.();
  }

  /** Stops retrying (a pass under way finishes, or its work stays queued for the next start). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Resolves when no pass is under way. */
  async idle(): Promise<void> {
    await this.running;
  }

  private async runPass(): Promise<LlmWorkSummary> {
    const { queue, store, processor, clock, log } = this.options;
    const resumable: LlmWorkQueue = {
      enqueue: (key, name) => queue.enqueue(key, name),
      complete: (key) => queue.complete(key),
      defer: (key, reason, now) => queue.defer(key, reason, now),
      list: () => queue.list(),
      due: async (now) => {
        const due: LlmWorkItem[] = [];
        for (const item of await queue.due(now)) {
          if (this.options.extracting(item.key) || (await store.findDocument(item.key))?.state === 'queued') continue;
          due.push(item);
        }
        return due;
      },
    };
    try {
      const summary = await resumeLlmWork({
        queue: resumable,
        processor,
        load: async (key) => {
          const found = await store.findDocument(key);
          const bytes = found ? await store.readBlob(key) : undefined;
          return found && bytes ? { name: found.name, bytes } : undefined;
        },
        save: this.options.save,
        concurrency: this.options.concurrency,
        now: clock(),
      });
      const { processed, stillPending, dropped, failed } = summary;
      if (processed + stillPending + dropped + failed > 0) {
        log?.(`pending LLM work resumed: ${processed} document(s) done, ${stillPending} still pending, ${dropped} no longer stored, ${failed} failed`);
      }
      return summary;
    } catch (error) {
      log?.(`pending LLM work could not be resumed: ${isGongkaiError(error) ? error.message : String(error)}`);
      return NO_LLM_WORK_DONE;
    }
  }
}
