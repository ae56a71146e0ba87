import { GongkaiError } from '../errors/GongkaiError.ts';
import { convertDocxToHtml } from './docx/convertDocxToHtml.ts';
import { sniffInputKind, type InputKind } from './detectInputKind.ts';
import { layoutPdfPages } from './pdf/layoutPdfPages.ts';
import type { TextPlacement } from './pdf/PdfPageText.ts';
import { defaultPdfReadLimits, readPdfPages, type PdfReadLimits } from './pdf/readPdfPages.ts';

/**
 * A document converted to the text the engine reads, for the kinds that are not text already: a PDF's text
 * layer laid out as lines and tab-separated table rows, a Word file as HTML. Evidence offsets point into `text`.
 */
export interface PreparedInput {
  readonly kind: Extract<InputKind, 'pdf' | 'docx'>;
  readonly text: string;
  /** Shown where a text document shows its character encoding. */
  readonly encoding: string;
  /** PDF only: its page count. */
  readonly pages?: number;
  /** PDF only: the page and box of every cell of `text`. */
  readonly placements: readonly TextPlacement[];
}

/** A PDF with fewer visible characters per page than this has no usable text layer (a scan). */
const MIN_CHARACTERS_PER_PAGE = 20;

/**
 * The asynchronous step before the pure pipeline: PDF and .docx bytes become text (the PDF read in a worker
 * thread under limits), old binary .doc/.xls files are refused with what to do instead, and anything else
 * returns undefined: it is decoded as text or HTML by extractDocument itself.
 * Throws GongkaiError: 'binary-document' (old Office file), 'undecodable-document' (broken, encrypted or
 * scanned PDF, damaged .docx), 'document-too-large' (page cap).
 */
export async function prepareInput(bytes: Uint8Array, limits: PdfReadLimits = defaultPdfReadLimits): Promise<PreparedInput | undefined> {
  const kind = sniffInputKind(bytes);
  if (kind === 'legacy-office') {
    throw new GongkaiError(
      'binary-document',
      'the file is an old binary Word/Excel document (.doc/.xls), which is not read; open it in Word or WPS, save it as .docx (or PDF) and resubmit',
      { byteLength: bytes.length, looksLike: 'an old Microsoft Office file (.doc or .xls)', inputKind: 'doc' },
    );
  }
  if (kind === 'docx') {
    const html = await convertDocxToHtml(bytes);
    return { kind: 'docx', text: html, encoding: 'docx', placements: [] };
  }
  if (kind !== 'pdf') return undefined;
  const pages = await readPdfPages(bytes, limits);
  const layout = layoutPdfPages(pages);
  const visible = layout.text.replace(/\s+/gu, '').length;
  if (pages.length === 0 || visible < MIN_CHARACTERS_PER_PAGE * pages.length) {
    throw new GongkaiError(
      'undecodable-document',
      `the PDF has no text layer (${pages.length} page${pages.length === 1 ? '' : 's'}, ${visible} characters of text): it is probably a scan. OCR is not supported yet: submit a PDF with text, a .docx or the web page instead`,
      { inputKind: 'pdf', reason: 'no-text-layer', pages: pages.length, characters: visible },
    );
  }
  return { kind: 'pdf', text: layout.text, encoding: 'pdf', pages: pages.length, placements: layout.placements };
}
