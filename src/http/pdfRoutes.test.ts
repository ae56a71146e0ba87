import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestApp, seedBytes, seedNames } from './testHarness.ts';

/** A small printed report (a PDF with a text layer: a PDF without one is refused at upload). */
const pdfBytes = new Uint8Array(readFileSync(new URL('../../test/fixtures/pdf/p13_s35_2014_tab_a4landscape.pdf', import.meta.url)));

async function submit(client: Awaited<ReturnType<Awaited<ReturnType<typeof createTestApp>>['login']>>, name: string, bytes: Uint8Array) {
  const response = await client.request(`/api/documents?name=${encodeURIComponent(name)}`, { method: 'POST', body: bytes as Uint8Array<ArrayBuffer> });
  return ((await response.json()) as { document: { id: string } }).document.id;
}

describe('GET /api/documents/:id/pdf', () => {
  it('serves a PDF document inline as application/pdf, nosniff, to the callers who may read the document', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const id = await submit(admin, '年报 2024.pdf', pdfBytes);
    await test.service.idle();
    const response = await admin.request(`/api/documents/${id}/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="__ 2024\.pdf"; filename\*=UTF-8''/u);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes);
    // The same access as the document itself: nobody without a session or token.
    expect((await test.app.request(`/api/documents/${id}/pdf`)).status).toBe(401);
    expect((await test.app.request(`/api/documents/${id}`)).status).toBe(401);
  });

  it('answers 404 for a document that is not a PDF and for an unknown id', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const id = await submit(admin, seedNames[0], seedBytes(seedNames[0]));
    await test.service.idle();
    expect((await admin.request(`/api/documents/${id}/pdf`)).status).toBe(404);
    expect((await admin.request(`/api/documents/${'0'.repeat(64)}/pdf`)).status).toBe(404);
    expect((await admin.request('/api/documents/not-an-id/pdf')).status).toBe(404);
  });
});

describe('pdf.js assets', () => {
  it('serves the browser build, its worker and cMaps same-origin, and nothing outside them', async () => {
    const test = await createTestApp();
    const script = await test.app.request('/assets/pdfjs/pdf.min.mjs');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await test.app.request('/assets/pdfjs/pdf.worker.min.mjs')).status).toBe(200);
    const cmap = await test.app.request('/assets/pdfjs/cmaps/UniGB-UCS2-H.bcmap');
    expect(cmap.status).toBe(200);
    expect((await cmap.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect((await test.app.request('/assets/pdfjs/standard_fonts/FoxitSerif.pfb')).status).toBe(200);
    for (const path of ['/assets/pdfjs/package.json', '/assets/pdfjs/pdf.mjs', '/assets/pdfjs/cmaps/..%2Fpackage.json', '/assets/pdfjs/legacy/build', '/assets/pdfjs/build/pdf.mjs']) {
      expect((await test.app.request(path)).status, path).toBe(404);
    }
  });

  it('lets the page start same-origin workers and never eval', async () => {
    const test = await createTestApp();
    const policy = (await test.app.request('/')).headers.get('content-security-policy') ?? '';
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
  });
});
