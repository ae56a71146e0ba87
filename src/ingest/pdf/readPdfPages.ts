import { Worker } from 'node:worker_threads';
import { GongkaiError } from '../../errors/GongkaiError.ts';
import type { PdfPageText } from './PdfPageText.ts';

/** Bounds on reading one PDF: nothing a hostile or huge file does may stall the process. */
export interface PdfReadLimits {
  /** More pages than this: refused (annual reports run 4–30 pages). */
  readonly maxPages: number;
  /** The reading thread is terminated after this long. */
  readonly timeoutMs: number;
  /** Heap of the reading thread, in MiB. */
  readonly maxHeapMb: number;
}

export const defaultPdfReadLimits: PdfReadLimits = { maxPages: 300, timeoutMs: 30_000, maxHeapMb: 512 };

/** What the worker thread posts back for one job. */
type WorkerAnswer = { readonly id: number } & (
  | { readonly pages: PdfPageText[] }
  | { readonly failure: { readonly reason: 'encrypted' | 'broken' | 'too-many-pages'; readonly message: string; readonly pages?: number } }
);

interface Job {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly limits: PdfReadLimits;
  readonly resolve: (pages: PdfPageText[]) => void;
  readonly reject: (error: GongkaiError) => void;
}

const workerFile = new URL('./pdfTextWorker.mjs', import.meta.url);

/**
 * One reading thread shared by the process, fed one PDF at a time: pdf.js is loaded once (a fresh thread per
 * document would spend more time compiling pdf.js than reading a report). A job that overruns its time limit
 * terminates the thread, and so does a thread that dies (heap limit); the next job starts a new one.
 */
class PdfReadingThread {
  private worker: Worker | undefined;
  private workerHeapMb = 0;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | undefined;
  private nextId = 1;

  read(bytes: Uint8Array, limits: PdfReadLimits): Promise<PdfPageText[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, bytes, limits, resolve, reject });
      this.startNext();
    });
  }

  private startNext(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    const worker = this.workerFor(job.limits);
    const timer = setTimeout(() => {
      this.finish(job, () => job.reject(new GongkaiError('undecodable-document', `reading the PDF took longer than ${formatSeconds(job.limits.timeoutMs)} and was stopped; save it again as a PDF with text (or as .docx) and resubmit`, { inputKind: 'pdf', reason: 'timeout', timeoutMs: job.limits.timeoutMs })), true);
    }, job.limits.timeoutMs);
    this.current = { job, timer };
    // A copy: the caller's buffer stays usable (pdf.js detaches what it is given).
    worker.postMessage({ id: job.id, bytes: new Uint8Array(job.bytes), maxPages: job.limits.maxPages });
  }

  private workerFor(limits: PdfReadLimits): Worker {
    if (this.worker && this.workerHeapMb === limits.maxHeapMb) return this.worker;
    this.stopWorker();
    const worker = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb } });
    worker.on('message', (answer: WorkerAnswer) => {
      const job = this.current?.job;
      if (!job || answer.id !== job.id) return;
      this.finish(job, () => ('pages' in answer ? job.resolve(answer.pages) : job.reject(failureError(answer.failure, job.limits))), false);
    });
    worker.on('error', (error) => this.threadDied(worker, `the PDF could not be read (${error.message})`));
    worker.on('exit', (code) => this.threadDied(worker, `reading the PDF stopped unexpectedly (exit ${code})`));
    // An idle reading thread never keeps the process alive; a job's timer does while it runs. (After the
    // listeners: adding a message listener refs the thread again.)
    worker.unref();
    this.worker = worker;
    this.workerHeapMb = limits.maxHeapMb;
    return worker;
  }

  private threadDied(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    const job = this.current?.job;
    if (job) this.finish(job, () => job.reject(new GongkaiError('undecodable-document', `${reason}; save it again as a PDF with text (or as .docx) and resubmit`, { inputKind: 'pdf', reason: 'broken' })), false);
  }

  private finish(job: Job, settle: () => void, stopThread: boolean): void {
    if (this.current?.job !== job) return;
    clearTimeout(this.current.timer);
    this.current = undefined;
    if (stopThread) this.stopWorker();
    settle();
    this.startNext();
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
  }
}

const readingThread = new PdfReadingThread();

/**
 * Reads a PDF's text layer (every text item with its position, page by page) in a worker thread, so a slow or
 * hostile file never blocks the event loop: the thread is terminated at the time limit and runs with a heap
 * limit. Throws GongkaiError: 'undecodable-document' for a broken, encrypted or too slow PDF,
 * 'document-too-large' for one over the page cap; each message says what the user can do instead.
 */
export function readPdfPages(bytes: Uint8Array, limits: PdfReadLimits = defaultPdfReadLimits): Promise<PdfPageText[]> {
  return readingThread.read(bytes, limits);
}

function formatSeconds(milliseconds: number): string {
  return milliseconds >= 1000 ? `${Math.round(milliseconds / 1000)} s` : `${milliseconds} ms`;
}

function failureError(failure: Extract<WorkerAnswer, { failure: unknown }>['failure'], limits: PdfReadLimits): GongkaiError {
  switch (failure.reason) {
    case 'encrypted':
      return new GongkaiError('undecodable-document', 'the PDF is password-protected; save it without a password (or as .docx) and resubmit', { inputKind: 'pdf', reason: 'encrypted' });
    case 'too-many-pages':
      return new GongkaiError('document-too-large', `the PDF has ${failure.pages ?? 'too many'} pages; the limit is ${limits.maxPages}: submit the report on its own`, { inputKind: 'pdf', reason: 'too-many-pages', pages: failure.pages, limit: limits.maxPages });
    case 'broken':
      return new GongkaiError('undecodable-document', `the PDF is damaged and cannot be read (${failure.message}); save it again as a PDF with text (or as .docx) and resubmit`, { inputKind: 'pdf', reason: 'broken' });
  }
}
