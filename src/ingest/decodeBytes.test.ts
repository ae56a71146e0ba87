import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { GongkaiError } from '../errors/GongkaiError.ts';
import { decodeBytes } from './decodeBytes.ts';

const report = '宁波保税区2018年政府信息公开工作年度报告\n统计指标\t单位\t统计数\n（一）收到申请数\t件\t5\n';

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function failure(bytes: Uint8Array): GongkaiError {
  try {
    decodeBytes(bytes);
  } catch (error) {
    if (error instanceof GongkaiError) return error;
    throw error;
  }
  throw new Error('decodeBytes did not fail');
}

describe('decodeBytes', () => {
  it('decodes UTF-8 with and without BOM (the BOM is not part of the text)', () => {
    expect(decodeBytes(utf8(report))).toEqual({ text: report, encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(report)]))).toEqual({ text: report, encoding: 'utf-8' });
  });

  it('decodes UTF-16 with a BOM, either byte order', () => {
    const little = iconv.encode(report, 'utf-16le');
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, ...little]))).toEqual({ text: report, encoding: 'utf-16le' });
    const big = iconv.encode(report, 'utf-16be');
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, ...big]))).toEqual({ text: report, encoding: 'utf-16be' });
  });

  it('decodes UTF-16LE without a BOM when its NUL bytes say so', () => {
    expect(decodeBytes(new Uint8Array(iconv.encode('2019年 收到申请数 5 件\n总计 12\n', 'utf-16le')))).toEqual({
      text: '2019年 收到申请数 5 件\n总计 12\n',
      encoding: 'utf-16le',
    });
  });

  it('detects GBK bytes (reported as GB18030) instead of assuming them', () => {
    const gbk = new Uint8Array(iconv.encode(report.repeat(3), 'gbk'));
    expect(decodeBytes(gbk)).toEqual({ text: report.repeat(3), encoding: 'gb18030' });
  });

  it('reads a mostly-ASCII GBK file whose few Chinese words fool chardet', () => {
    const text = 'Report 2019\ntotal: 5\nitems: 12\nsource: www.example.gov.cn\n收到申请数 5\n';
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'gbk')))).toEqual({ text, encoding: 'gb18030' });
  });

  it('never decodes invalid UTF-8 with replacement characters', () => {
    const latin1 = new Uint8Array(iconv.encode('Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, na\u00efve r\u00e9sum\u00e9 '.repeat(20), 'latin1'));
    const error = failure(latin1);
    expect(error.code).toBe('undecodable-document');
    expect(error.message).toMatch(/not valid UTF-8/u);
    const damagedWithBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('收到申请数'), 0xc3, 0x28, ...utf8('5')]);
    expect(failure(damagedWithBom).code).toBe('undecodable-document');
  });

  it('rejects empty and whitespace-only files', () => {
    expect(failure(new Uint8Array()).code).toBe('empty-document');
    expect(failure(utf8(' \n\t\r\n\u3000\u00a0')).code).toBe('empty-document');
    expect(failure(new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a])).message).toMatch(/blank/u);
  });

  it('rejects binary files, naming what they look like', () => {
    const pdf = failure(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'));
    expect(pdf.code).toBe('binary-document');
    expect(pdf.message).toMatch(/PDF/u);
    expect(failure(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])).message).toMatch(/ZIP.*docx/u);
    expect(failure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])).message).toMatch(/PNG/u);
    expect(failure(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])).message).toMatch(/\.doc/u);
    expect(failure(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])).message).toMatch(/JPEG/u);
    const withNul = new Uint8Array([...utf8('收到申请数'), 0x00, 0x01, 0x02, 0x03, 0x00, ...utf8('件'), 0x00]);
    expect(failure(withNul).code).toBe('binary-document');
    const controls = new Uint8Array(400).map((_, index) => (index % 4 === 0 ? 0x02 : 0x41));
    expect(failure(controls).message).toMatch(/control characters/u);
  });

  it('does not take text starting with "BM" for a bitmap', () => {
    expect(decodeBytes(utf8('BM 政府信息公开年报')).text).toBe('BM 政府信息公开年报');
  });

  it('keeps tabs, form feeds and carriage returns of ordinary text', () => {
    const text = '统计指标\t单位\r\n\f第二页\r\r';
    expect(decodeBytes(utf8(text)).text).toBe(text);
  });
});
