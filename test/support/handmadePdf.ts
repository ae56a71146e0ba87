/**
 * Small PDFs written by hand for the bad-input tests: a blank page (what a scan without OCR looks like to a
 * text reader), a PDF locked with a user password, a PDF with many pages. pdf.js rebuilds the cross-reference
 * table these omit, as it does for the many damaged files in the wild.
 */
function pdf(objects: readonly string[], trailerExtra = ''): Uint8Array<ArrayBuffer> {
  const body = objects.map((object, index) => `${index + 1} 0 obj\n${object}\nendobj\n`).join('');
  return new TextEncoder().encode(`%PDF-1.4\n${body}trailer\n<< /Root 1 0 R /Size ${objects.length + 1}${trailerExtra} >>\n%%EOF\n`);
}

/** `pages` empty A4 pages: no text layer at all. */
export function blankPdf(pages = 1): Uint8Array<ArrayBuffer> {
  const kids = Array.from({ length: pages }, (_, index) => `${index + 3} 0 R`).join(' ');
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
  ]);
}

/** A PDF protected by a user password (standard security handler, RC4 40-bit): unreadable without it. */
export function passwordPdf(): Uint8Array<ArrayBuffer> {
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, index) => ((index * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
  return pdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex32(11)}> /U <${hex32(97)}> /P -44 >>`,
    ],
    ` /Encrypt 4 0 R /ID [<${hex32(5).slice(0, 32)}> <${hex32(5).slice(0, 32)}>]`,
  );
}
