import mammoth from 'mammoth';
import { GongkaiError } from '../../errors/GongkaiError.ts';
import { zipExpandedSize } from './zipExpandedSize.ts';

/** A report's .docx unpacks to a few MB; more than this is refused before unzipping (a zip bomb). */
export const MAX_DOCX_EXPANDED_BYTES = 200 * 1024 * 1024;

/**
 * Converts a Word .docx to HTML with mammoth: tables stay tables (merged cells as colspan/rowspan), so the
 * HTML path reads them like any scraped page. Images are dropped (the engine reads text only, and inlining
 * them as data URIs would bloat the stored text). Throws GongkaiError 'undecodable-document' for a damaged file,
 * 'document-too-large' for one that would unpack to more than MAX_DOCX_EXPANDED_BYTES.
 */
export async function convertDocxToHtml(bytes: Uint8Array, maxExpandedBytes = MAX_DOCX_EXPANDED_BYTES): Promise<string> {
  const expanded = zipExpandedSize(bytes);
  if (expanded !== undefined && expanded > maxExpandedBytes) {
    throw new GongkaiError(
      'document-too-large',
      `the Word document unpacks to ${Math.round(expanded / 1024 / 1024)} MB; the limit is ${Math.round(maxExpandedBytes / 1024 / 1024)} MB: remove large images, save it again and resubmit`,
      { inputKind: 'docx', reason: 'expands-too-much', expandedBytes: expanded, limit: maxExpandedBytes },
    );
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true },
    );
    return `<html><body>\n${result.value.replace(/<img [^>]*>/gu, '').replace(/(<\/(?:p|h[1-6]|table|tr|li)>)/gu, '$1\n')}\n</body></html>\n`;
  } catch (error) {
    throw new GongkaiError(
      'undecodable-document',
      `the Word document is damaged and cannot be read (${error instanceof Error ? error.message : String(error)}); open it in Word or WPS, save it again as .docx (or PDF) and resubmit`,
      { inputKind: 'docx', reason: 'broken' },
      { cause: error },
    );
  }
}
