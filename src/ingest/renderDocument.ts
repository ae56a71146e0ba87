import { MappedText } from '../text/MappedText.ts';

/**
 * Turns decoded text into the text the parsers read, mapped back to the decoded text: line endings unified,
 * and scraped HTML (also HTML escaped inside a JavaScript string) rendered as plain text in which every table
 * row is one line and cells are separated by tabs (rowspan/colspan honoured; script, style and navigation
 * dropped; entities decoded).
 * STUB: replaced by the ingest stage.
 */
export function renderDocument(decoded: string): MappedText {
  return MappedText.identity(decoded);
}
