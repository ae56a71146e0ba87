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

/** What the worker thread posts back. */
type WorkerAnswer =
  | { readonly pages: PdfPageText[] }
  | { readonly failure: { readonly reason: 'encrypted' | 'broken' | 'too-many-pages'; readonly message: string; readonly pages?: number } };

const workerFile = new URL('./pdfTextWorker.mjs', import.meta.url);

/**
 * Reads a PDF's text layer (every text item with its position, page by page) in a worker thread, so a slow or
 * hostile file never blocks the event loop: the thread is terminated at the time limit and runs with a heap
 * limit. Throws GongkaiError: 'undecodable-document' for a broken, encrypted or too slow PDF,
 * 'document-too-large' for one over the page cap; each message says what the user can do instead.
 */
export function readPdfPages(bytes: Uint8Array, limits: PdfReadLimits = defaultPdfReadLimits): Promise<PdfPageText[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, {
      // A copy: the caller's buffer stays usable (pdf.js detaches what it is given).
      workerData: { bytes: new Uint8Array(bytes), maxPages: limits.maxPages },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      action();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new GongkaiError('undecodable-document', `reading the PDF took longer than ${Math.round(limits.timeoutMs / 1000)} s and was stopped; save it again as a PDF with text (or as .docx) and resubmit`, { inputKind: 'pdf', reason: 'timeout', timeoutMs: limits.timeoutMs })));
    }, limits.timeoutMs);
    worker.once('message', (answer: WorkerAnswer) => settle(() => ('pages' in answer ? resolve(answer.pages) : reject(failureError(answer.failure, limits)))));
    worker.once('error', (error) => settle(() => reject(new GongkaiError('undecodable-document', `the PDF could not be read (${error.message}); save it again as a PDF with text (or as .docx) and resubmit`, { inputKind: 'pdf', reason: 'broken' }, { cause: error }))));
    worker.once('exit', (code) => settle(() => reject(new GongkaiError('undecodable-document', `reading the PDF stopped unexpectedly (exit ${code}); save it again as a PDF with text (or as .docx) and resubmit`, { inputKind: 'pdf', reason: 'broken' }))));
  });
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

