import chardet from 'chardet';
import iconv from 'iconv-lite';
import { GongkaiError } from '../errors/GongkaiError.ts';

/** A document decoded to text. */
export interface DecodedDocument {
  /** The decoded text: all offsets in records point into this string. */
  readonly text: string;
  /** The encoding it was decoded from: utf-8, gb18030, utf-16le, … */
  readonly encoding: string;
}

/** File signatures of formats people upload instead of a text report, with what to tell them. */
const MAGIC_NUMBERS: readonly { readonly bytes: readonly number[]; readonly kind: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive (a .docx, .xlsx or .zip file)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'an empty ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'an old Microsoft Office file (.doc or .xls)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x42, 0x4d], kind: '' }, // "BM" also starts ordinary text; checked further in isBitmap
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], kind: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: 'a 7-Zip archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: 'an RTF document' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'an executable program' },
];

/** How many leading bytes are inspected for control characters and UTF-16 byte order. */
const SAMPLE_SIZE = 256 * 1024;
/** How many leading bytes chardet sees (enough to tell GB18030 from Big5; chardet is slow on more). */
const DETECTION_SAMPLE_SIZE = 64 * 1024;
/** Above this share of control bytes (other than tab, line feed, carriage return, form feed) a file is binary. */
const CONTROL_BYTE_SHARE = 0.005;

/**
 * Decodes raw bytes to text: UTF-8 with or without BOM, UTF-16 with a BOM (or unmistakably UTF-16 without
 * one), and GBK/GB18030 when chardet detects it (never assumed). Invalid UTF-8 is never decoded with
 * replacement characters: it is either another detected encoding or an error.
 * Throws GongkaiError 'empty-document' (nothing but whitespace), 'binary-document' (a PDF, an archive, an
 * image…, named in the message) or 'undecodable-document'.
 */
export function decodeBytes(bytes: Uint8Array): DecodedDocument {
  if (bytes.length === 0) throw emptyDocument(bytes);
  const decoded = decodeText(bytes);
  if (isBlank(decoded.text)) throw emptyDocument(bytes);
  return decoded;
}

function decodeText(bytes: Uint8Array): DecodedDocument {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decodeUtf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decodeUtf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };

  const signature = recogniseSignature(bytes);
  if (signature) throw binaryDocument(bytes, signature);
  if (bytes.indexOf(0) >= 0) {
    const utf16 = guessUtf16WithoutBom(bytes);
    const text = utf16 ? tryIconv(bytes, utf16) : undefined;
    if (utf16 && text !== undefined && isPlausibleText(text)) return { text, encoding: utf16 };
    throw binaryDocument(bytes, 'a binary file (it contains NUL bytes)');
  }
  if (hasManyControlBytes(bytes)) throw binaryDocument(bytes, 'a binary file (it is full of control characters)');

  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  return decodeDetected(bytes);
}

function decodeUtf8(bytes: Uint8Array, encoding: string): DecodedDocument {
  const text = tryUtf8(bytes);
  if (text === undefined) {
    throw new GongkaiError(
      'undecodable-document',
      'The file starts with a UTF-8 marker but its text is not valid UTF-8; it may be damaged. Save it again as UTF-8 and resubmit.',
      { byteLength: bytes.length + 3, invalidAt: firstInvalidUtf8Offset(bytes) + 3 },
    );
  }
  return { text, encoding };
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    if (encoding === 'utf-16le') return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(bytes);
    return iconvStrict(bytes, 'utf-16be');
  } catch {
    throw new GongkaiError('undecodable-document', `The file is marked as UTF-16 text but cannot be read as such; it may be damaged.`, {
      byteLength: bytes.length,
      encoding,
    });
  }
}

/**
 * Not UTF-8: ask chardet (it reports GBK as GB18030) and decode with the best Chinese encoding it proposes,
 * refusing any result with replacement characters, since those are bytes the encoding does not explain.
 * A mostly-ASCII file with a few Chinese words is often reported as ISO-8859-1: it is read as GB18030 only
 * when that decodes cleanly and what it yields beyond ASCII is Chinese text.
 */
function decodeDetected(bytes: Uint8Array): DecodedDocument {
  const sample = bytes.subarray(0, DETECTION_SAMPLE_SIZE);
  const candidates = chardet.analyse(sample);
  const detected = candidates[0]?.name ?? null;
  const chineseCandidates = [...new Set(candidates.map((candidate) => chineseEncodingName(candidate.name)).filter((name) => name !== undefined))];
  const chinese = chineseCandidates[0];
  if (chinese) {
    const decoded = bestChineseDecoding(bytes, chineseCandidates);
    if (decoded) return decoded;
  } else {
    const text = tryIconv(bytes, 'gb18030');
    if (text !== undefined && isMostlyChineseBeyondAscii(text)) return { text, encoding: 'gb18030' };
  }
  const invalidAt = firstInvalidUtf8Offset(bytes);
  throw new GongkaiError(
    'undecodable-document',
    `The file's text encoding could not be recognised: it is not valid UTF-8${invalidAt >= 0 ? ` (first bad byte at offset ${invalidAt})` : ''}` +
      (chinese ? ` and not valid ${chinese.toUpperCase()} either` : detected ? ` and looks like ${detected}, which is not a Chinese encoding` : '') +
      '. Save the report as UTF-8 text and resubmit.',
    { byteLength: bytes.length, detected, invalidUtf8At: invalidAt },
  );
}

/**
 * Decodes with each Chinese encoding chardet proposed (GB18030 and Big5 often both are, for short texts) and
 * keeps the one that yields most of the characters every report is written with; chardet's order breaks ties.
 */
function bestChineseDecoding(bytes: Uint8Array, encodings: readonly string[]): DecodedDocument | undefined {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, DETECTION_SAMPLE_SIZE));
  const ranked = encodings
    .map((encoding, order) => ({ encoding, order, score: countReportCharacters(iconv.decode(sample, encoding)) }))
    .sort((first, second) => second.score - first.score || first.order - second.order);
  for (const { encoding } of ranked) {
    const text = tryIconv(bytes, encoding);
    if (text !== undefined) return { text, encoding };
  }
  return undefined;
}

const REPORT_CHARACTERS = new Set('政府信息公开年度报告工作情况申请数件条次人的和关于主动依不予处理行复议诉讼本机国家省市县区局厅委办');

function countReportCharacters(text: string): number {
  let count = 0;
  for (const character of text) if (REPORT_CHARACTERS.has(character)) count++;
  return count;
}

/** At least 95% of the characters are printable ASCII, whitespace, CJK or full-width forms. */
function isPlausibleText(text: string): boolean {
  let plausible = 0;
  let total = 0;
  for (const character of text.slice(0, SAMPLE_SIZE)) {
    const code = character.codePointAt(0)!;
    total++;
    if ((code >= 0x20 && code < 0x7f) || code === 9 || code === 10 || code === 12 || code === 13 || (code >= 0x3000 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef) || (code >= 0xa0 && code <= 0x2fff && code !== 0xfffd)) plausible++;
  }
  return total > 0 && plausible >= total * 0.95;
}

function tryIconv(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return iconvStrict(bytes, encoding);
  } catch {
    return undefined;
  }
}

/** True when at least 80% of the non-ASCII characters are CJK ideographs or CJK/full-width punctuation. */
function isMostlyChineseBeyondAscii(text: string): boolean {
  let beyondAscii = 0;
  let chinese = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) continue;
    beyondAscii++;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || code === 0x2014 || code === 0x201c || code === 0x201d) chinese++;
  }
  return beyondAscii > 0 && chinese >= beyondAscii * 0.8;
}

/** The iconv-lite name for a chardet result that can hold a Chinese report, or undefined. */
function chineseEncodingName(detected: string): string | undefined {
  switch (detected.toUpperCase()) {
    case 'GB18030':
    case 'GBK':
    case 'GB2312':
      return 'gb18030';
    case 'BIG5':
      return 'big5';
    case 'UTF-16LE':
      return 'utf-16le';
    case 'UTF-16BE':
      return 'utf-16be';
    default:
      return undefined;
  }
}

/** Decodes with iconv-lite, throwing when the bytes needed a replacement character. */
function iconvStrict(bytes: Uint8Array, encoding: string): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
  if (text.includes('\ufffd')) throw new Error(`bytes not valid in ${encoding}`);
  return text;
}

function recogniseSignature(bytes: Uint8Array): string | undefined {
  for (const { bytes: magic, kind } of MAGIC_NUMBERS) {
    if (!startsWith(bytes, magic)) continue;
    if (kind !== '') return kind;
    if (magic[0] === 0x42 && isBitmap(bytes)) return 'a BMP image';
  }
  return undefined;
}

/** "BM" followed by the file size and a known header size: a Windows bitmap, not text starting "BM". */
function isBitmap(bytes: Uint8Array): boolean {
  if (bytes.length < 18) return false;
  const declaredSize = bytes[2]! | (bytes[3]! << 8) | (bytes[4]! << 16) | (bytes[5]! << 24);
  const headerSize = bytes[14]!;
  return declaredSize === bytes.length && [12, 40, 52, 56, 108, 124].includes(headerSize);
}

/**
 * UTF-16 without a BOM shows as NUL bytes on every other position when the text has ASCII in it (digits,
 * line breaks, which every report has). Returns the byte order, or undefined when the NULs are not so placed.
 */
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, SAMPLE_SIZE);
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) evenNul++;
    else oddNul++;
  }
  const pairs = sample.length / 2;
  if (oddNul > pairs * 0.2 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.2 && oddNul === 0) return 'utf-16be';
  return undefined;
}

function hasManyControlBytes(bytes: Uint8Array): boolean {
  // A Buffer view (no copy): its indexOf is memchr, much faster than Uint8Array's.
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SAMPLE_SIZE));
  const limit = Math.max(8, sample.length * CONTROL_BYTE_SHARE);
  // One native indexOf scan per control byte value instead of a JavaScript loop over every byte: ordinary text
  // has none, so this is a few memchr passes (the per-byte loop was ~5% of a seed report's extraction).
  let controls = 0;
  for (const control of CONTROL_BYTES) {
    for (let at = sample.indexOf(control); at >= 0; at = sample.indexOf(control, at + 1)) {
      if (++controls > limit) return true;
    }
  }
  return false;
}

/** Bytes below 0x20 that are not text: all but tab, line feed, vertical tab, form feed, carriage return and ESC/SUB (left by old editors). */
const CONTROL_BYTES: readonly number[] = Array.from({ length: 0x20 }, (_, byte) => byte).filter(
  (byte) => ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a, 0x1b].includes(byte),
);

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next++) if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    index += length;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isBlank(text: string): boolean {
  return /^[\s\u00a0\u3000\ufeff\u200b]*$/u.test(text);
}

function emptyDocument(bytes: Uint8Array): GongkaiError {
  return new GongkaiError(
    'empty-document',
    bytes.length === 0 ? 'The file is empty: there is no report in it.' : 'The file contains only blank space: there is no report in it.',
    { byteLength: bytes.length },
  );
}

function binaryDocument(bytes: Uint8Array, kind: string): GongkaiError {
  return new GongkaiError(
    'binary-document',
    `The file looks like ${kind}, not a report the engine reads. Submit the report as a PDF with text, a Word .docx, a saved web page (HTML) or plain text.`,
    { byteLength: bytes.length, looksLike: kind },
  );
}
