import type { DocumentProcessor } from './DocumentProcessor.ts';
import { extractDocument } from './extractDocument.ts';
import { prepareDocumentInput } from './prepareDocumentInput.ts';

/** A DocumentProcessor that runs only the deterministic path: what it cannot read goes to review. */
export function createDeterministicProcessor(): DocumentProcessor {
  return {
    async process(input) {
      const result = extractDocument(await prepareDocumentInput(input));
      const unresolved = result.unresolvedSections.length;
      return {
        record: result.record,
        decodedText: result.decodedText,
        encoding: result.encoding,
        llm: 'off',
        usage: null,
        messages: unresolved > 0 ? [`LLM off: ${unresolved} unresolved section(s) left for review`] : [],
      };
    },
  };
}
