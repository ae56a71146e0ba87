import { decodeBytes } from './decodeBytes.ts';
import { prepareInput } from './prepareInput.ts';
import type { PdfReadLimits } from './pdf/readPdfPages.ts';

/**
 * Refuses, before anything is stored, a submission the engine cannot read: empty, binary or undecodable text,
 * an old .doc, a scanned, encrypted or broken PDF, a damaged .docx. Throws the GongkaiError naming the problem
 * and what to do; resolves when the document is readable. (A PDF is read here once more than strictly needed
 * so the submitter hears at once, not later from a failed background extraction.)
 */
export async function checkReadable(bytes: Uint8Array, limits?: PdfReadLimits): Promise<void> {
  const prepared = await prepareInput(bytes, limits);
  if (!prepared) decodeBytes(bytes);
}
