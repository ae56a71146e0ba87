import { createHash } from 'node:crypto';
import { GongkaiError, isGongkaiError } from '../errors/GongkaiError.ts';
import { decodeBytes } from '../ingest/decodeBytes.ts';
import type { DocumentProcessor } from '../pipeline/DocumentProcessor.ts';
import { extractionRecordSchema } from '../record/ExtractionRecord.ts';
import type { Store } from '../store/Store.ts';
import { STORE_SCHEMA_VERSION, type Decision, type DocumentSummary, type StoredDocument } from '../store/storeSchemas.ts';
import { applyDecision } from './applyDecision.ts';
import type { DecisionRequest } from './decisionRequest.ts';
import { filterDocuments, type DocumentFilter, type DocumentPage } from './documentFilter.ts';
import { ExtractionQueue } from './ExtractionQueue.ts';
import { summariseDocument } from './summariseDocument.ts';

/** What the review service needs: where to store, how to extract, the time, and its limits. */
export interface ReviewServiceOptions {
  readonly store: Store;
  readonly processor: DocumentProcessor;
  readonly clock: () => Date;
  readonly maxDocumentBytes: number;
  readonly extractionConcurrency: number;
  /** False: submissions stay queued for a later run (`ingest --no-wait`); true by default. */
  readonly extractInBackground?: boolean;
  /** Operator log lines (stderr in the server). */
  readonly log?: (line: string) => void;
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
}

/** A decision's result: the new state, plus the fields that left review with it and rules still failing. */
export interface DecisionResult {
  readonly summary: DocumentSummary;
  readonly document: StoredDocument;
  readonly cleared: readonly string[];
  readonly stillFailing: readonly string[];
}

/** Counts for the dashboard. */
export interface ServiceStats {
  readonly documents: number;
  readonly byState: Readonly<Record<string, number>>;
  readonly byTemplate: Readonly<Record<string, number>>;
  readonly fieldsInReview: number;
  readonly extractionPending: number;
}

/**
 * The review workflow over a Store: submit (validate, store durably, extract in the background), list and
 * filter, decide (versioned, audited), history, stats. HTTP-free: the server, the ingest CLI and the benchmark
 * use it alike.
 */
export class ReviewService {
  private readonly queue: ExtractionQueue;

  constructor(private readonly options: ReviewServiceOptions) {
    this.queue = new ExtractionQueue((id) => this.process(id), options.extractionConcurrency);
  }

  /** Queues again the documents whose extraction did not finish before the last stop. */
  async start(): Promise<void> {
    if (this.options.extractInBackground === false) return;
    for (const summary of await this.options.store.listDocuments()) {
      if (summary.state === 'queued') this.queue.enqueue(summary.id);
    }
  }

  /** Resolves when no extraction is waiting or running. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Accepts a document: refuses what is too large, empty, binary or undecodable (GongkaiError naming the
   * problem) before anything is stored; stores the bytes and the entry durably; queues the extraction. The same
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
    decodeBytes(bytes);
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
    return filterDocuments(await this.options.store.listDocuments(), filter);
  }

  /** A document with its record and decoded text (null while it waits for extraction). */
  async getDocument(id: string): Promise<DocumentView> {
    const summary = await this.options.store.findDocument(id);
    if (!summary) throw new GongkaiError('not-found', `no document ${id}`, { id });
    const [document, text] = await Promise.all([this.options.store.readDocument(id), this.options.store.readText(id)]);
    return { summary, document: document ?? null, text: text ?? null };
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
    return { summary: entry.summary, document: entry.document!, cleared: outcome.cleared, stillFailing: outcome.stillFailing };
  }

  /** The audit trail of a document, or of one of its fields, oldest first. */
  async history(id: string, fieldId?: string): Promise<readonly Decision[]> {
    const { document } = await this.getDocument(id);
    const decisions = document?.decisions ?? [];
    return fieldId === undefined ? decisions : decisions.filter((decision) => decision.fieldId === fieldId);
  }

  /** Counts over the whole store. */
  async stats(): Promise<ServiceStats> {
    const summaries = await this.options.store.listDocuments();
    const byState: Record<string, number> = {};
    const byTemplate: Record<string, number> = {};
    let fieldsInReview = 0;
    for (const summary of summaries) {
      byState[summary.state] = (byState[summary.state] ?? 0) + 1;
      const template = summary.template ?? 'pending';
      byTemplate[template] = (byTemplate[template] ?? 0) + 1;
      fieldsInReview += summary.state === 'review' ? summary.reviewCount : 0;
    }
    return { documents: summaries.length, byState, byTemplate, fieldsInReview, extractionPending: this.queue.pending };
  }

  private async process(id: string): Promise<void> {
    const { store, processor, clock, log } = this.options;
    const summary = await store.findDocument(id);
    if (!summary || summary.state !== 'queued') return;
    try {
      const bytes = await store.readBlob(id);
      if (!bytes) throw new GongkaiError('internal', `the raw bytes of ${id} are missing from the store`);
      const processed = await processor.process({ name: summary.name, bytes });
      const record = extractionRecordSchema.parse({ ...processed.record, document: summary.name, sha256: id });
      const now = clock();
      await store.updateDocument(id, ({ summary: current }) => {
        const document: StoredDocument = {
          schemaVersion: STORE_SCHEMA_VERSION,
          id,
          version: current.version + 1,
          record,
          processing: {
            encoding: processed.encoding,
            llm: processed.llm,
            usage: processed.usage ? { ...processed.usage } : null,
            messages: [...processed.messages],
            processedAt: now.toISOString(),
          },
          rejected: null,
          decisions: [],
        };
        return { summary: summariseDocument(current, document, now), document, text: processed.decodedText };
      });
    } catch (error) {
      const message = isGongkaiError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
      log?.(`extraction of ${summary.name} (${id.slice(0, 12)}) failed: ${message}`);
      await store.updateDocument(id, ({ summary: current, document }) => ({
        summary: { ...current, state: 'failed', error: message, version: current.version + 1, updatedAt: clock().toISOString() },
        document,
      })).catch((storeError: unknown) => log?.(`could not record the failure of ${id}: ${String(storeError)}`));
    }
  }
}

/** A file name safe to store and show: no directories, no control characters, at most 200 characters. */
function cleanFileName(name: string, id: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned === '' ? `document-${id.slice(0, 12)}.txt` : cleaned;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
