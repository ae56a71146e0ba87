import type { DocumentProcessor, ProcessedDocument } from './DocumentProcessor.ts';
import { extractDocument, type ExtractionResult } from './extractDocument.ts';
import { prepareDocumentInput } from './prepareDocumentInput.ts';
import type { ExtractionThreadPool } from './threads/ExtractionThreadPool.ts';

/** The deterministic processor, and the same processor with its extraction on threads. */
export interface DeterministicProcessor extends DocumentProcessor {
  /** This processor, extracting on `pool`'s threads instead of the calling thread (the server's default). */
  onThreads(pool: ExtractionThreadPool): DeterministicProcessor;
}

/**
 * A DocumentProcessor that runs only the deterministic path: what it cannot read goes to review. With a pool,
 * the pure extraction runs on a worker thread (PDF and .docx text is still prepared first on this side: the PDF
 * has its own reading thread); the result is the same either way.
 */
export function createDeterministicProcessor(pool?: ExtractionThreadPool): DeterministicProcessor {
  return {
    async process(input) {
      const prepared = await prepareDocumentInput(input);
      return processedDocument(pool ? await pool.extract(prepared) : extractDocument(prepared));
    },
    onThreads: (threads) => createDeterministicProcessor(threads),
  };
}

function processedDocument(extraction: ExtractionResult): ProcessedDocument {
  const unresolved = extraction.unresolvedSections.length;
  return {
    record: extraction.record,
    decodedText: extraction.decodedText,
    encoding: extraction.encoding,
    llm: 'off',
    usage: null,
    messages: unresolved > 0 ? [`LLM off: ${unresolved} unresolved section(s) left for review`] : [],
  };
}
