/** The kinds of document the engine reads. Text and HTML are decoded as text; PDF and Word are converted first. */
export type InputKind = 'text' | 'html' | 'pdf' | 'docx';

/** What the first bytes of a submission say it is, before anything is decoded. */
export type SniffedKind = 'pdf' | 'docx' | 'legacy-office' | 'text-or-other';

/** PDF readers accept the header anywhere in the first KiB (some generators write junk before it). */
const PDF_HEADER_WINDOW = 1024;
const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const OLE_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Every .docx has this part; its name is stored uncompressed in the ZIP's headers. */
const WORD_MAIN_PART = new TextEncoder().encode('word/document.xml');

/**
 * Tells PDF, Word (.docx) and old binary Office files (.doc/.xls) apart by their bytes, never by the file
 * name alone (a name may lie; bytes decide). Everything else is left to the text decoder, which names other
 * binary formats itself.
 */
export function sniffInputKind(bytes: Uint8Array): SniffedKind {
  if (hasPdfHeader(bytes)) return 'pdf';
  if (startsWith(bytes, OLE_HEADER)) return 'legacy-office';
  if (startsWith(bytes, ZIP_LOCAL_HEADER) && indexOf(bytes, WORD_MAIN_PART) >= 0) return 'docx';
  return 'text-or-other';
}

/** "%PDF-" and a version digit at the start, or at a line's start within the first KiB (junk before it). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const window = bytes.subarray(0, PDF_HEADER_WINDOW + PDF_HEADER.length + 1);
  for (let at = indexOf(window, PDF_HEADER); at >= 0; at = nextIndexOf(window, PDF_HEADER, at + 1)) {
    const version = window[at + PDF_HEADER.length];
    const lineStart = at === 0 || window[at - 1] === 0x0a || window[at - 1] === 0x0d;
    if (lineStart && version !== undefined && version >= 0x30 && version <= 0x39) return true;
  }
  return false;
}

function nextIndexOf(bytes: Uint8Array, needle: ArrayLike<number>, from: number): number {
  const found = indexOf(bytes.subarray(from), needle);
  return found < 0 ? -1 : found + from;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function indexOf(bytes: Uint8Array, needle: ArrayLike<number>): number {
  const first = needle[0];
  outer: for (let start = bytes.indexOf(first as number); start >= 0 && start + needle.length <= bytes.length; start = bytes.indexOf(first as number, start + 1)) {
    for (let offset = 1; offset < needle.length; offset++) if (bytes[start + offset] !== needle[offset]) continue outer;
    return start;
  }
  return -1;
}
