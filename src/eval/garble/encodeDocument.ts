import iconv from 'iconv-lite';

/** How the finished text is stored: character encoding and line endings. */
export interface Encoding {
  readonly charset: 'utf-8' | 'utf-8-bom' | 'gbk';
  readonly lineEnding: 'lf' | 'crlf' | 'cr';
}

/** The chain names of an encoding ("" for plain UTF-8 with \n). */
export function encodingNames(encoding: Encoding): string[] {
  return [...(encoding.charset === 'utf-8' ? [] : [encoding.charset]), ...(encoding.lineEnding === 'lf' ? [] : [encoding.lineEnding === 'cr' ? 'bare-cr' : 'crlf'])];
}

/** The bytes of a document: line endings changed, then encoded (an HTML page's charset declared to match). */
export function encodeDocument(text: string, encoding: Encoding): Uint8Array {
  let result = text.replace(/\r?\n/gu, encoding.lineEnding === 'crlf' ? '\r\n' : encoding.lineEnding === 'cr' ? '\r' : '\n');
  if (encoding.charset === 'gbk') {
    result = result.replace('<meta charset="utf-8">', '<meta charset="gbk">');
    // gb18030 is GBK's superset: every character of the form has a code (no "?" substitutions).
    return new Uint8Array(iconv.encode(result, 'gb18030'));
  }
  const bytes = new TextEncoder().encode(result);
  if (encoding.charset === 'utf-8') return bytes;
  const withBom = new Uint8Array(bytes.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(bytes, 3);
  return withBom;
}
