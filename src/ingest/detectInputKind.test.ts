import { describe, expect, it } from 'vitest';
import { sniffInputKind } from './detectInputKind.ts';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('sniffInputKind', () => {
  it('knows a PDF by its header, also after junk a generator wrote before it', () => {
    expect(sniffInputKind(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffInputKind(bytes('\r\n garbage\r\n', '%PDF-1.4\n'))).toBe('pdf');
    expect(sniffInputKind(bytes('一份提到 %PDF-1.4 的文本报告\n'))).toBe('text-or-other');
    expect(sniffInputKind(bytes(' '.repeat(2000), '\n%PDF-1.4'))).toBe('text-or-other');
  });

  it('tells a .docx from another ZIP archive by its main part, and an old Office file by its OLE header', () => {
    expect(sniffInputKind(bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml'))).toBe('docx');
    expect(sniffInputKind(bytes([0x50, 0x4b, 0x03, 0x04], '....xl/workbook.xml'))).toBe('text-or-other');
    expect(sniffInputKind(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('legacy-office');
  });

  it('leaves text and HTML to the decoder', () => {
    expect(sniffInputKind(bytes('<html><body>报告</body></html>'))).toBe('text-or-other');
    expect(sniffInputKind(bytes('一、总体情况'))).toBe('text-or-other');
  });
});
