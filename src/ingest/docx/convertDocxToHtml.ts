import mammoth from 'mammoth';
import { GongkaiError } from '../../errors/GongkaiError.ts';

/**
 * Converts a Word .docx to HTML with mammoth: tables stay tables (merged cells as colspan/rowspan), so the
 * HTML path reads them like any scraped page. Images are dropped (the engine reads text only, and inlining
 * them as data URIs would bloat the stored text). Throws GongkaiError 'undecodable-document' for a damaged file.
 */
export async function convertDocxToHtml(bytes: Uint8Array): Promise<string> {
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
