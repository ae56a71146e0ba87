import { MappedText } from '../text/MappedText.ts';
import { renderHtml } from './html/renderHtml.ts';
import { looksLikeEscapedHtml, unescapeJavaScriptString } from './unescapeJavaScriptString.ts';
import { unifyLineEndings } from './unifyLineEndings.ts';
import { commaSeparatedRows } from './commaSeparatedRows.ts';
import { quotedCells } from './quotedCells.ts';
import { dropInvisibleCharacters } from './dropInvisibleCharacters.ts';

/**
 * Tags that make a text HTML: a table structure, or block markup used more than once. <br> and <span> alone
 * do not: markdown converted from PDF carries them inside otherwise plain lines.
 */
const TABLE_MARKUP = /<(?:table|tr|td|th)\b[^>]*>/giu;
const BLOCK_MARKUP = /<(?:p|div|li|h[1-6]|html|body)\b[^>]*>|<\/(?:p|div|li|h[1-6])>/giu;
/** How much of the text is searched for markup. */
const MARKUP_SAMPLE = 500_000;

/**
 * Turns decoded text into the text the parsers read, mapped back to the decoded text: line endings unified
 * ("\r\n" and each bare "\r" become "\n"), and scraped HTML (also HTML escaped inside a JavaScript string)
 * rendered as plain text in which every table row is one line and cells are separated by tabs (rowspan and
 * colspan honoured; script, style and navigation dropped; entities decoded). Plain text passes through with
 * only its line endings changed, characters that print nothing dropped (dropInvisibleCharacters), a spreadsheet's
 * quoted cells made whole (quotedCells), and rows of
 * comma-separated values read as tab-separated cells (commaSeparatedRows); nothing is interpreted beyond this.
 */
export function renderDocument(decoded: string): MappedText {
  const lines = unifyLineEndings(MappedText.identity(decoded));
  if (looksLikeEscapedHtml(lines.text)) {
    const unescaped = unescapeJavaScriptString(lines);
    if (isHtml(unescaped.text)) return renderHtml(unescaped);
  }
  if (isHtml(lines.text)) return renderHtml(lines);
  return commaSeparatedRows(quotedCells(dropInvisibleCharacters(lines)));
}

/** Whether renderDocument reads the decoded text as a web page (HTML, or HTML escaped inside a JavaScript string). */
export function rendersAsHtml(decoded: string): boolean {
  if (isHtml(decoded)) return true;
  const lines = unifyLineEndings(MappedText.identity(decoded));
  return looksLikeEscapedHtml(lines.text) && isHtml(unescapeJavaScriptString(lines).text);
}

/** True when the text is HTML: it has table markup, or at least three block tags (<br> and <span> do not count). */
export function isHtml(text: string): boolean {
  const sample = text.length > MARKUP_SAMPLE ? text.slice(0, MARKUP_SAMPLE) : text;
  if (countUpTo(TABLE_MARKUP, sample, 2) >= 2) return true;
  return countUpTo(BLOCK_MARKUP, sample, 3) >= 3;
}

function countUpTo(pattern: RegExp, text: string, limit: number): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < limit && pattern.exec(text)) count++;
  return count;
}
