import { prepareInput } from '../ingest/prepareInput.ts';
import type { PdfReadLimits } from '../ingest/pdf/readPdfPages.ts';
import type { DocumentInput } from './extractDocument.ts';

/**
 * The asynchronous ingest step every processor runs before the pure, synchronous extractDocument: a PDF or a
 * .docx gets its text made (the PDF in a worker thread under limits); text and HTML pass through unchanged.
 * Throws GongkaiError for input that cannot be read (a scan, an encrypted PDF, an old .doc), naming what to do.
 */
export async function prepareDocumentInput(input: DocumentInput, limits?: PdfReadLimits): Promise<DocumentInput> {
  if (input.prepared) return input;
  const prepared = await prepareInput(input.bytes, limits);
  return prepared ? { ...input, prepared } : input;
}
