/**
 * One piece of upright text on a PDF page as pdf.js reports it (pdfTextWorker.mjs): its string, where its
 * baseline starts (PDF user space: x to the right, baseline measured UP from the view box's lower edge), its
 * advance width and its font size.
 */
export interface PdfTextItem {
  readonly text: string;
  readonly x: number;
  readonly baseline: number;
  readonly width: number;
  readonly size: number;
}

/** One page's text layer: its number (from 1), its view box (PDF units) and its text items. */
export interface PdfPageText {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  /** The view box: items' coordinates are relative to this box's lower-left corner (left, bottom). */
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly top: number;
  readonly items: readonly PdfTextItem[];
}

/** A box on a page in PDF units, measured from the page's TOP-left corner (as a viewer draws it). */
export interface PageBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where a stretch of the rendered text (start..end, end exclusive) was printed: its page and box. */
export interface TextPlacement {
  readonly start: number;
  readonly end: number;
  readonly page: number;
  readonly box: PageBox;
}
