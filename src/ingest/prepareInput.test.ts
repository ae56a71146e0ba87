import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankPdf, passwordPdf } from '../../test/support/handmadePdf.ts';
import { isGongkaiError, type GongkaiError } from '../errors/GongkaiError.ts';
import { prepareInput } from './prepareInput.ts';
import { defaultPdfReadLimits } from './pdf/readPdfPages.ts';

const fixtures = new URL('../../test/fixtures/', import.meta.url);

async function failure(promise: Promise<unknown>): Promise<GongkaiError> {
  try {
    await promise;
  } catch (error) {
    if (isGongkaiError(error)) return error;
    throw error;
  }
  throw new Error('expected a GongkaiError');
}

describe('prepareInput', () => {
  it('reads a real PDF report into tab rows, every cell placed on its page', async () => {
    const prepared = await prepareInput(new Uint8Array(readFileSync(new URL('pdf/huaian_2024.pdf', fixtures))));
    expect(prepared?.kind).toBe('pdf');
    expect(prepared?.pages).toBe(6);
    expect(prepared?.text).toMatch(/一、本年新收政府信息公开申请数量(?:\t\d+){7}\n/u);
    const cell = prepared!.placements.find((placement) => prepared!.text.slice(placement.start, placement.end) === '一、本年新收政府信息公开申请数量');
    expect(cell?.page).toBeGreaterThanOrEqual(1);
    expect(cell?.box.width).toBeGreaterThan(0);
  });

  it('reads a .docx as HTML with its tables', async () => {
    const prepared = await prepareInput(new Uint8Array(readFileSync(new URL('docx/d15_v11_002_page_rowspan.docx', fixtures))));
    expect(prepared?.kind).toBe('docx');
    expect(prepared?.text).toMatch(/<table>/u);
    expect(prepared?.text).toMatch(/rowspan="\d+"/u);
  });

  it('leaves text and HTML to the decoder', async () => {
    expect(await prepareInput(new TextEncoder().encode('一、总体情况\n'))).toBeUndefined();
    expect(await prepareInput(new TextEncoder().encode('<html><body><table><tr><td>1</td></tr></table></body></html>'))).toBeUndefined();
  });

  it('refuses an old binary .doc, saying to save it as .docx', async () => {
    const error = await failure(prepareInput(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)])));
    expect(error.code).toBe('binary-document');
    expect(error.message).toMatch(/\.doc\b.*save it as \.docx/u);
  });

  it('refuses a scan (no text layer), saying OCR is not supported and what to submit', async () => {
    const error = await failure(prepareInput(blankPdf(2)));
    expect(error.code).toBe('undecodable-document');
    expect(error.context).toMatchObject({ inputKind: 'pdf', reason: 'no-text-layer', pages: 2 });
    expect(error.message).toMatch(/no text layer.*OCR is not supported yet/u);
  });

  it('refuses a password-protected PDF, saying to save it without a password', async () => {
    const error = await failure(prepareInput(passwordPdf()));
    expect(error.code).toBe('undecodable-document');
    expect(error.context).toMatchObject({ reason: 'encrypted' });
    expect(error.message).toMatch(/password-protected; save it without a password/u);
  });

  it('refuses a damaged PDF and a damaged .docx', async () => {
    const pdf = await failure(prepareInput(new TextEncoder().encode('%PDF-1.7\nnot really a pdf at all')));
    expect(pdf.code).toBe('undecodable-document');
    expect(pdf.message).toMatch(/PDF is damaged.*save it again/u);
    const docx = await failure(prepareInput(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml garbage')])));
    expect(docx.code).toBe('undecodable-document');
    expect(docx.message).toMatch(/Word document is damaged.*save it again as \.docx/u);
  });

  it('refuses a PDF over the page cap, and stops a read that takes too long', async () => {
    const pages = await failure(prepareInput(blankPdf(5), { ...defaultPdfReadLimits, maxPages: 3 }));
    expect(pages.code).toBe('document-too-large');
    expect(pages.message).toMatch(/5 pages; the limit is 3/u);
    const slow = await failure(prepareInput(new Uint8Array(readFileSync(new URL('pdf/hongze_2023.pdf', fixtures))), { ...defaultPdfReadLimits, timeoutMs: 1 }));
    expect(slow.code).toBe('undecodable-document');
    expect(slow.context).toMatchObject({ reason: 'timeout' });
    expect(slow.message).toMatch(/took longer than .* and was stopped/u);
  });
});

describe('zip bombs', () => {
  it('refuses a .docx whose parts would unpack past the limit, before unzipping it', async () => {
    const { convertDocxToHtml } = await import('./docx/convertDocxToHtml.ts');
    const { zipExpandedSize } = await import('./docx/zipExpandedSize.ts');
    const bytes = new Uint8Array(readFileSync(new URL('docx/d01_s01_2021_tab.docx', fixtures)));
    const size = zipExpandedSize(bytes)!;
    expect(size).toBeGreaterThan(bytes.length);
    const error = await failure(convertDocxToHtml(bytes, size - 1));
    expect(error.code).toBe('document-too-large');
    expect(error.message).toMatch(/unpacks to .* the limit is/u);
    expect(await convertDocxToHtml(bytes, size)).toMatch(/<table>/u);
  });
});
