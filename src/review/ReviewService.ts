import { createHash } from 'node:crypto';
import { GongkaiError, isGongkaiError } from '../errors/GongkaiError.ts';
import type { LlmWorkItem, LlmWorkQueue } from '../extract/LlmWorkQueue.ts';
import { LlmWorkResumer, NO_LLM_WORK_DONE } from './LlmWorkResumer.ts';
import { processWithLlmQueue, type LlmWorkSummary } from '../extract/runLlmWork.ts';
import { checkReadable } from '../ingest/checkReadable.ts';
import type { DocumentInput } from '../pipeline/extractDocument.ts';
import type { ProcessedDocument } from '../pipeline/DocumentProcessor.ts';
import type { Store } from '../store/Store.ts';
import { countSummaries, type DocumentCounts } from '../store/documentCounts.ts';
import type { Decision, DocumentSummary, StoredDocument } from '../store/storeSchemas.ts';
import { applyDecision } from './applyDecision.ts';
import { applyProcessing } from './applyProcessing.ts';
import type { DecisionRequest } from './decisionRequest.ts';
import { filterDocuments, type DocumentFilter, type DocumentPage } from './documentFilter.ts';
import { ExtractionQueue } from './ExtractionQueue.ts';
import type { ServiceProcessor } from './ServiceProcessor.ts';
import { summariseDocument } from './summariseDocument.ts';
import { createRedactor, type Redact } from './redactSecrets.ts';
import { cleanFileName, formatBytes } from './submissionNames.ts';
import type { AgencyIdentity } from '../panel/agency/AgencyIdentity.ts';
import { resolveAgencyKey } from '../panel/agency/resolveAgencyKey.ts';
import { CrossYearKeeper } from './CrossYearKeeper.ts';

/** What the review service needs: where to store, how to extract, the time, and its limits. */
export interface ReviewServiceOptions {
  readonly store: Store;
  /** With a `queue` (the LLM processor), extractions go through the durable LLM work queue (see start()). */
  readonly processor: ServiceProcessor;
  readonly clock: () => Date;
  readonly maxDocumentBytes: number;
  readonly extractionConcurrency: number;
  /** False: submissions stay queued for a later run (`ingest --no-wait`); true by default. */
  readonly extractInBackground?: boolean;
  /** Operator log lines (stderr in the server). */
  readonly log?: (line: string) => void;
  /** How often pending LLM work is tried again while any is queued (default every minute). */
  readonly llmRetryIntervalMs?: number;
  /** Removes secrets from every message stored or logged (default: secret-shaped strings only). */
  readonly redact?: Redact;
  /**
   * The reviewers' agency identities: with them, the cross-year rules run over neighbouring years of one agency key
   * (settling glued runs after an extraction, warning of broken chains when a document is read). Absent: off.
   */
  readonly agencyIdentities?: () => Promise<readonly AgencyIdentity[]>;
}

/** A submission's outcome: the document's entry, and whether these bytes were new. */
export interface SubmissionResult {
  readonly summary: DocumentSummary;
  readonly created: boolean;
}

/** A document as the review UI shows it. */
export interface DocumentView {
  readonly summary: DocumentSummary;
  readonly document: StoredDocument | null;
  readonly text: string | null;
  /** The document's pending LLM work (a section failed for a reason that may pass), or null. */
  readonly llmWork: LlmWorkItem | null;
}

/** A decision's result: the new state, plus the fields that left review with it and rules still failing. */
export interface DecisionResult {
  readonly summary: DocumentSummary;
  readonly document: StoredDocument;
  readonly cleared: readonly string[];
  readonly stillFailing: readonly string[];
}

/** Counts for the dashboard. */
export interface ServiceStats extends DocumentCounts {
  readonly extractionPending: number;
  /** Which processor runs, for the queue page ("LLM on: gpt-4o-mini at …" / "LLM off: …"). */
  readonly processor: { readonly llmEnabled: boolean; readonly status: string; readonly pendingLlmWork: number };
  /** Document files found corrupt: refused and never overwritten (restore them from a backup). */
  readonly quarantined: readonly { readonly id: string; readonly name: string | null; readonly file: string; readonly problem: string }[];
}

/**
 * The review workflow over a Store: submit (validate, store durably, extract in the background), list and
 * filter, decide (versioned, audited), history, stats. HTTP-free: the server, the ingest CLI and the benchmark
 * use it alike.
 */
export class ReviewService {
  private readonly queue: ExtractionQueue;
  private readonly llmQueue: LlmWorkQueue | undefined;
  private readonly llmWork: LlmWorkResumer | undefined;
  private readonly redact: Redact;
  private readonly options: ReviewServiceOptions;
  private readonly crossYear: CrossYearKeeper;

  constructor(options: ReviewServiceOptions) {
    const redact = options.redact ?? createRedactor([]);
    const log = options.log;
    this.redact = redact;
    this.options = { ...options, ...(log ? { log: (line: string) => log(redact(line)) } : {}) };
    this.crossYear = new CrossYearKeeper(this.options);
    this.queue = new ExtractionQueue((id) => this.process(id), options.extractionConcurrency);
    const queue = options.processor.queue;
    // The queue file keeps why work is pending: the reason (an endpoint's error text) is redacted first.
    this.llmQueue = queue && {
      enqueue: (key, name) => queue.enqueue(key, name),
      complete: (key) => queue.complete(key),
      defer: (key, reason, now) => queue.defer(key, redact(reason), now),
      due: (now) => queue.due(now),
      list: () => queue.list(),
    };
    this.llmWork = this.llmQueue
      ? new LlmWorkResumer({
        queue: this.llmQueue,
        store: options.store,
        processor: options.processor,
        clock: options.clock,
        concurrency: options.extractionConcurrency,
        // Submissions left queued for a later run (`ingest --no-wait`): their LLM work waits for that run as well.
        retryIntervalMs: options.extractInBackground === false ? undefined : options.llmRetryIntervalMs ?? 60_000,
        extracting: (key) => this.queue.has(key),
        save: (key, processed) => this.saveProcessed(key, processed),
        ...(this.options.log ? { log: this.options.log } : {}),
      })
      : undefined;
  }

  /**
   * Queues again the documents whose extraction did not finish before the last stop (they are still `queued`
   * in the store), and, with the LLM processor, resumes the pending LLM work in the background (then again
   * every minute while any is left). A corrupt LLM queue file stops the start (GongkaiError 'store-corrupt').
   */
  async start(): Promise<void> {
    if (this.options.extractInBackground === false) return;
    for (const summary of await this.options.store.listDocuments()) {
      if (summary.state === 'queued') this.queue.enqueue(summary.id);
    }
    if (this.llmQueue) {
      await this.llmQueue.list();
      void this.resumeLlmWork();
    }
  }

  /** Stops retrying pending LLM work (what is under way finishes or stays queued for the next start). */
  stop(): void {
    this.llmWork?.stop();
  }

  /** Resolves when no extraction is waiting or running and no LLM work is being resumed. */
  async idle(): Promise<void> {
    await this.queue.idle();
    await this.llmWork?.idle();
  }

  /**
   * Runs the LLM work that is due again (extract/runLlmWork): each document is reprocessed from its stored
   * bytes, and its new result replaces the record unless a reviewer already decided on it (applyProcessing).
   * Documents still waiting for their first extraction are left to the extraction queue. One pass at a time.
   */
  resumeLlmWork(): Promise<LlmWorkSummary> {
    return this.llmWork?.resume() ?? Promise.resolve(NO_LLM_WORK_DONE);
  }

  /**
   * Accepts a document: refuses what is too large, empty, binary or undecodable, an old .doc, a scanned or
   * broken PDF (GongkaiError naming the problem) before anything is stored; stores the bytes and the entry durably; queues the extraction. The same
   * bytes again return the existing document (`created: false`); a failed one is queued again.
   */
  async submit(input: { readonly bytes: Uint8Array; readonly name: string; readonly submittedBy: string }): Promise<SubmissionResult> {
    const { bytes } = input;
    if (bytes.length > this.options.maxDocumentBytes) {
      throw new GongkaiError('document-too-large', `the document is ${formatBytes(bytes.length)}; the limit is ${formatBytes(this.options.maxDocumentBytes)}`, {
        size: bytes.length,
        limit: this.options.maxDocumentBytes,
      });
    }
    await checkReadable(bytes);
    const id = createHash('sha256').update(bytes).digest('hex');
    const now = this.options.clock().toISOString();
    const { created, summary } = await this.options.store.createDocument(
      {
        id,
        name: cleanFileName(input.name, id),
        size: bytes.length,
        submittedAt: now,
        submittedBy: input.submittedBy,
        state: 'queued',
        version: 0,
        template: null,
        agency: null,
        year: null,
        fieldCount: 0,
        reviewCount: 0,
        reasons: [],
        updatedAt: now,
        committedAt: null,
        error: null,
      },
      bytes,
    );
    if (created) {
      if (this.options.extractInBackground !== false) this.queue.enqueue(id);
      return { summary, created };
    }
    if (summary.state === 'failed') return { summary: await this.retry(id), created: false };
    return { summary, created };
  }

  /** Queues a failed document's extraction again. */
  async retry(id: string): Promise<DocumentSummary> {
    const entry = await this.options.store.updateDocument(id, ({ summary, document }) => {
      if (summary.state !== 'failed') throw new GongkaiError('conflict', `the document is ${summary.state}, not failed`, { state: summary.state });
      return { summary: { ...summary, state: 'queued', error: null, version: summary.version + 1, updatedAt: this.options.clock().toISOString() }, document };
    });
    if (this.options.extractInBackground !== false) this.queue.enqueue(id);
    return entry.summary;
  }

  /** One page of documents matching the filter. */
  async listDocuments(filter: DocumentFilter): Promise<DocumentPage> {
    const { store } = this.options;
    // A database store answers the page itself (its indexes) instead of handing over every index entry; the
    // agency key is resolved in the service (identities are data of their own), so a filter on it lists here.
    if (store.queryDocuments && filter.agencyKey === undefined) return store.queryDocuments(filter);
    const identities = await this.options.agencyIdentities?.();
    const keys = new Map<string | null, string | null>();
    // Resolved once per printed name: a store holds many reports of few agencies.
    const agencyKeyOf = identities && ((summary: DocumentSummary) => {
      if (!keys.has(summary.agency)) keys.set(summary.agency, resolveAgencyKey(summary.agency, identities).key);
      return keys.get(summary.agency)!;
    });
    return filterDocuments(await store.listDocuments(), filter, agencyKeyOf);
  }

  /** A document with its record and decoded text (null while it waits for extraction). */
  async getDocument(id: string): Promise<DocumentView> {
    const summary = await this.options.store.findDocument(id);
    if (!summary) throw new GongkaiError('not-found', `no document ${id}`, { id });
    const [document, text, llmWork] = await Promise.all([
      this.options.store.readDocument(id),
      this.options.store.readText(id),
      this.llmQueue ? this.llmQueue.list().then((items) => items.find((item) => item.key === id)) : undefined,
    ]);
    return { summary, document: document ? await this.crossYear.withWarnings(summary, document) : null, text: text ?? null, llmWork: llmWork ?? null };
  }

  /**
   * After a reviewer's merge or confirmation of agency identities: documents now filed under `agencyKey` may have
   * new neighbouring years, so the settling runs again for each of them (undecided cells only).
   */
  settleAcrossYearsOf(agencyKey: string): Promise<void> {
    return this.crossYear.settleAgency(agencyKey);
  }

  /** The raw bytes exactly as submitted, with the name they were submitted under. */
  async getRaw(id: string): Promise<{ readonly name: string; readonly bytes: Uint8Array }> {
    const summary = await this.options.store.findDocument(id);
    const bytes = summary ? await this.options.store.readBlob(id) : undefined;
    if (!summary || !bytes) throw new GongkaiError('not-found', `no document ${id}`, { id });
    return { name: summary.name, bytes };
  }

  /** Applies a reviewer's decision (see applyDecision) and stores it durably before returning. */
  async decide(id: string, request: DecisionRequest, reviewer: string): Promise<DecisionResult> {
    let outcome: { cleared: readonly string[]; stillFailing: readonly string[] } = { cleared: [], stillFailing: [] };
    const entry = await this.options.store.updateDocument(id, ({ summary, document }) => {
      if (!document) {
        throw new GongkaiError('conflict', `the document is ${summary.state === 'failed' ? 'failed' : 'still being extracted'}; nothing to decide yet`, {
          state: summary.state,
        });
      }
      const now = this.options.clock();
      const result = applyDecision(document, request, { reviewer, now });
      outcome = result;
      return { summary: summariseDocument(summary, result.document, now), document: result.document };
    });
    if (request.action === 'meta') {
      // A corrected agency or year may give the report neighbouring years: settle now, and answer with the state
      // after it, so the reviewer's next decision is made on the current version.
      await this.crossYear.settle(id);
      const [summary, document] = await Promise.all([this.options.store.findDocument(id), this.options.store.readDocument(id)]);
      if (summary && document) {
        return { summary, document: await this.crossYear.withWarnings(summary, document), cleared: outcome.cleared, stillFailing: outcome.stillFailing };
      }
    }
    return { summary: entry.summary, document: await this.crossYear.withWarnings(entry.summary, entry.document!), cleared: outcome.cleared, stillFailing: outcome.stillFailing };
  }

  /** The audit trail of a document, or of one of its fields, oldest first. */
  async history(id: string, fieldId?: string): Promise<readonly Decision[]> {
    const { document } = await this.getDocument(id);
    const decisions = document?.decisions ?? [];
    return fieldId === undefined ? decisions : decisions.filter((decision) => decision.fieldId === fieldId);
  }

  /** Counts over the whole store, with LLM usage summed from the index (no document body is read). */
  async stats(): Promise<ServiceStats> {
    const { store } = this.options;
    // A database store keeps these counts itself (no read of every index entry).
    const { documents, byState, byTemplate, fieldsInReview, llm } = store.countDocuments ? await store.countDocuments() : countSummaries(await store.listDocuments());
    const { processor } = this.options;
    return {
      documents,
      byState,
      byTemplate,
      fieldsInReview,
      extractionPending: this.queue.pending,
      processor: {
        llmEnabled: processor.llmEnabled ?? false,
        status: processor.status ?? 'LLM off: unresolved sections go to review',
        pendingLlmWork: this.llmQueue ? (await this.llmQueue.list()).length : 0,
      },
      llm,
      quarantined: await Promise.all((await this.options.store.quarantinedDocuments()).map(async (entry) => ({
        ...entry,
        name: (await this.options.store.findDocument(entry.id))?.name ?? null,
      }))),
    };
  }

  private async process(id: string): Promise<void> {
    const { store, processor, clock, log } = this.options;
    const summary = await store.findDocument(id);
    if (!summary || summary.state !== 'queued') return;
    try {
      const bytes = await store.readBlob(id);
      if (!bytes) throw new GongkaiError('internal', `the raw bytes of ${id} are missing from the store`);
      const input: DocumentInput = { name: summary.name, bytes };
      const save = (processed: ProcessedDocument) => this.saveProcessed(id, processed);
      if (this.llmQueue) {
        const processed = await processWithLlmQueue(this.llmQueue, processor, id, input, save);
        if ((processed.pendingLlmSections ?? []).length > 0) void this.llmWork?.scheduleRetry();
      } else {
        await save(await processor.process(input));
      }
    } catch (error) {
      const message = this.redact(isGongkaiError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error));
      log?.(`extraction of ${summary.name} (${id.slice(0, 12)}) failed: ${message}`);
      await store.updateDocument(id, ({ summary: current, document }) => ({
        summary: { ...current, state: 'failed', error: message, version: current.version + 1, updatedAt: clock().toISOString() },
        document,
      })).catch((storeError: unknown) => log?.(`could not record the failure of ${id}: ${String(storeError)}`));
    }
  }

  private async saveProcessed(id: string, processed: ProcessedDocument): Promise<void> {
    const redacted: ProcessedDocument = { ...processed, messages: processed.messages.map(this.redact) };
    await this.options.store.updateDocument(id, (entry) => applyProcessing(entry, redacted, this.options.clock()));
    await this.crossYear.settle(id);
  }
}
