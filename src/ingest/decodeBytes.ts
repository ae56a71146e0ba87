import { GongkaiError } from '../errors/GongkaiError.ts';

/** A document decoded to text. */
export interface DecodedDocument {
  /** The decoded text: all offsets in records point into this string. */
  readonly text: string;
  /** The encoding it was decoded from: utf-8, gb18030, utf-16le, … */
  readonly encoding: string;
}

/**
 * Decodes raw bytes: UTF-8 (with or without BOM), GBK/GB18030 (detected, not assumed).
 * Throws GongkaiError('empty-document' | 'binary-document' | 'undecodable-document').
 * STUB: replaced by the ingest stage.
 */
export function decodeBytes(bytes: Uint8Array): DecodedDocument {
  if (bytes.length === 0) throw new GongkaiError('empty-document', 'the file is empty');
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
}
