import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { GongkaiError, isGongkaiError } from '../errors/GongkaiError.ts';
import type { DocumentProcessor, ProcessedDocument } from '../pipeline/DocumentProcessor.ts';
import { applyProcessing } from '../review/applyProcessing.ts';
import type { Redact } from '../review/redactSecrets.ts';
import type { Store } from '../store/Store.ts';
import type { ServiceProcessor } from '../review/ServiceProcessor.ts';
import { completeJob, deferJob, enqueueLlmWork, failExhaustedJobs, failJob, finishLlmWork, noteLlmWork, renewLease, takeJob, type Job } from './jobQueue.ts';

/** First wait before pending LLM work runs again, doubled per attempt up to an hour (as the file queue). */
const LLM_RETRY_MS = 30_000;
const LLM_MAX_RETRY_MS = 3_600_000;

/** What a worker needs: the database, the store on it, a processor, and the queue's timings. */
export interface ExtractionWorkerOptions {
  readonly sql: Sql;
  readonly store: Store;
  readonly processor: DocumentProcessor;
  /** Jobs run at once by this worker. */
  readonly concurrency: number;
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly backoffMs: number;
  readonly clock?: () => Date;
  readonly redact?: Redact;
  readonly log?: (line: string) => void;
  /** Names this worker in the jobs table (default: host, pid and a random suffix). */
  readonly workerId?: string;
  /** First wait before pending LLM work runs again (default 30 s), doubled per attempt, at most an hour. */
  readonly llmRetryMs?: number;
}

/** Thrown inside the store update when another attempt already saved the extraction: nothing to do. */
class AlreadyExtracted extends Error {}

/**
 * Runs extraction jobs from the PostgreSQL queue (worker/jobQueue): takes a due job, renews its lease while it
 * works, extracts the document from its stored bytes and saves the result, then marks the job done.
 *
 * Exactly once in effect: the result is saved by one conditional store update that applies only while the
 * document is still `queued`. A job retaken after its worker died (or lost its lease) therefore finds the
 * document already extracted and just finishes the job; two workers racing on one document save it once.
 * A refusal of the document itself (GongkaiError: undecodable, scanned PDF, …) fails the document and the
 * job at once, like the single server does; any other failure (database, a crash) is retried with backoff.
 */
export class ExtractionWorker {
  readonly workerId: string;
  private running = false;
  private loops: Promise<void>[] = [];
  private wake: (() => void) | undefined;
  private readonly options: ExtractionWorkerOptions;

  constructor(options: ExtractionWorkerOptions) {
    this.options = options;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** Starts `concurrency` loops that take and run jobs until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = Array.from({ length: this.options.concurrency }, () => this.loop());
  }

  /** Stops taking jobs and waits for the ones running (their results are saved and the jobs finished). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** Takes and runs one due job; false when none was due. */
  async runOnce(): Promise<boolean> {
    const { sql, leaseMs, log } = this.options;
    for (const id of await failExhaustedJobs(sql)) {
      await this.markFailed(id, 'extraction did not finish: the worker stopped during every attempt');
    }
    const job = await takeJob(sql, this.workerId, leaseMs);
    if (!job) return false;
    // A lost renewal needs no action: the save is conditional (see extract), so a second taker saves nothing twice.
    const heartbeat = setInterval(() => void renewLease(sql, job, this.workerId, leaseMs).catch(() => undefined), Math.max(50, Math.floor(leaseMs / 3)));
    try {
      const outcome = job.kind === 'llm' ? await this.runLlmWork(job) : (await this.extract(job), 'done' as const);
      if (outcome === 'done' && !(await completeJob(sql, job, this.workerId))) log?.(`job ${job.id}: its lease ran out before it finished; the worker that took it over finishes the job`);
    } catch (error) {
      const message = this.redact(isGongkaiError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error));
      const permanent = isGongkaiError(error) && error.code !== 'internal';
      const state = await failJob(sql, job, this.workerId, message, { permanent, baseBackoffMs: this.options.backoffMs }).catch(() => 'queued' as const);
      log?.(`job ${job.id} (${job.documentId.slice(0, 12)}), attempt ${job.attempts}: ${message}${state === 'queued' ? ' — will be tried again' : ''}`);
      if (state === 'failed') await this.markFailed(job.documentId, message).catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const ran = await this.runOnce().catch((error: unknown) => {
        this.options.log?.(`worker: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      });
      if (!ran && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** True when the processor calls an LLM (its pending work is then queued as `llm` jobs). */
  private get llmEnabled(): boolean {
    return (this.options.processor as ServiceProcessor).llmEnabled === true;
  }

  private async extract(job: Job): Promise<void> {
    const { sql, store, processor } = this.options;
    const summary = await store.findDocument(job.documentId);
    // Gone, or extracted by an earlier attempt whose worker stopped before finishing the job.
    if (!summary || summary.state !== 'queued') return;
    const bytes = await store.readBlob(job.documentId);
    if (!bytes) throw new GongkaiError('internal', `the raw bytes of ${job.documentId} are missing from the store`);
    // Queued before the model calls start (due after the first retry wait): a worker dying in them forgets nothing.
    if (this.llmEnabled) await enqueueLlmWork(sql, job.documentId, this.llmRetryMs(1));
    const processed = await processor.process({ name: summary.name, bytes });
    await this.save(job.documentId, processed, (entry) => entry.summary.state === 'queued');
    if (this.llmEnabled) {
      const pending = processed.pendingLlmSections ?? [];
      if (pending.length === 0) await finishLlmWork(sql, job.documentId);
      else await noteLlmWork(sql, job.documentId, `LLM pending for ${pending.join(', ')}`);
    }
  }

  /**
   * An `llm` job: the document is processed again from its bytes (answers this process's answer cache holds
   * are not asked again; another worker asks again) and the new result saved as the single server saves resumed LLM work (applyProcessing keeps a
   * reviewer's decisions); still pending → back in the queue with a doubled wait. A document still waiting
   * for its extraction waits for it; one gone or no longer readable ends the work.
   */
  private async runLlmWork(job: Job): Promise<'done' | 'deferred'> {
    const { sql, store, processor } = this.options;
    const summary = await store.findDocument(job.documentId);
    const bytes = summary ? await store.readBlob(job.documentId) : undefined;
    if (!summary || !bytes) return 'done';
    if (summary.state === 'queued') {
      await deferJob(sql, job, this.workerId, 'waiting for the extraction', this.llmRetryMs(job.attempts));
      return 'deferred';
    }
    let processed: ProcessedDocument;
    try {
      processed = await processor.process({ name: summary.name, bytes });
    } catch (error) {
      // The document itself is refused: there is no LLM work left to do on it (as the file queue drops it).
      if (isGongkaiError(error) && error.code !== 'internal') return 'done';
      throw error;
    }
    await this.save(job.documentId, processed, () => true);
    const pending = processed.pendingLlmSections ?? [];
    if (pending.length === 0) return 'done';
    await deferJob(sql, job, this.workerId, `LLM pending for ${pending.join(', ')}`, this.llmRetryMs(job.attempts + 1));
    return 'deferred';
  }

  /** Saves a result (secrets redacted) when `applies` to the fresh entry; a document changed meanwhile keeps its state. */
  private async save(documentId: string, processed: ProcessedDocument, applies: (entry: { readonly summary: { readonly state: string } }) => boolean): Promise<void> {
    const redacted: ProcessedDocument = { ...processed, messages: processed.messages.map((message) => this.redact(message)) };
    try {
      await this.options.store.updateDocument(documentId, (entry) => {
        if (!applies(entry)) throw new AlreadyExtracted();
        return applyProcessing(entry, redacted, this.now());
      });
    } catch (error) {
      if (!(error instanceof AlreadyExtracted)) throw error;
    }
  }

  /** The wait before the LLM work's next try after `attempt` tries. */
  private llmRetryMs(attempt: number): number {
    return Math.min((this.options.llmRetryMs ?? LLM_RETRY_MS) * 2 ** Math.max(0, attempt - 1), LLM_MAX_RETRY_MS);
  }

  /** The document's failure, as the single server records it (state failed, the reason), if still queued. */
  private async markFailed(documentId: string, message: string): Promise<void> {
    await this.options.store.updateDocument(documentId, ({ summary, document }) => {
      if (summary.state !== 'queued') throw new AlreadyExtracted();
      return { summary: { ...summary, state: 'failed', error: message, version: summary.version + 1, updatedAt: this.now().toISOString() }, document };
    }).catch((error: unknown) => {
      if (!(error instanceof AlreadyExtracted) && !isGongkaiError(error, 'not-found')) throw error;
    });
  }

  private now(): Date {
    return (this.options.clock ?? (() => new Date()))();
  }

  private redact(text: string): string {
    return this.options.redact ? this.options.redact(text) : text;
  }
}
