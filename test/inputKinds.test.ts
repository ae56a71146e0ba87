import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract } from '../src/cli/runExtract.ts';
import { runIngest } from '../src/cli/runIngest.ts';
import { loadConfig } from '../src/config/loadConfig.ts';
import { createTestApp, type TestClient } from '../src/http/testHarness.ts';
import { createDeterministicProcessor } from '../src/pipeline/deterministicProcessor.ts';
import { createFileStore } from '../src/store/createFileStore.ts';
import { blankPdf, passwordPdf } from './support/handmadePdf.ts';

/** PDF and Word input end to end: the extract command, ingest on a mixed folder, and upload through the API. */

const fixture = (path: string) => fileURLToPath(new URL(`fixtures/${path}`, import.meta.url));
const legacyDoc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

function buffers() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, streams: { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) } } };
}

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gongkai-input-kinds-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('extract FILE.pdf / FILE.docx', () => {
  it('prints one JSON record per file saying which input kind it came from', async () => {
    const io = buffers();
    const code = await runExtract(['--json', fixture('pdf/huaian_2024.pdf'), fixture('docx/d01_s01_2021_tab.docx')], io.streams);
    expect(io.err.join('')).toBe('');
    expect(code).toBe(0);
    const [pdf, docx] = io.out.join('').trim().split('\n').map((line) => JSON.parse(line) as { document: string; template: string; input: unknown; fields: unknown[] });
    expect(pdf).toMatchObject({ document: 'huaian_2024.pdf', template: 'gov-2021', input: { kind: 'pdf', pages: 6 } });
    expect(pdf!.fields).toHaveLength(200);
    // Every figure read from a table cell carries the page and the box it was printed in.
    const placed = (pdf!.fields as { id: string; evidence: { text: string; page?: number; box?: { width: number; height: number } } | null }[]).filter((field) => field.evidence);
    expect(placed.length).toBeGreaterThan(150);
    for (const field of placed) {
      expect(field.evidence!.page, field.id).toBeGreaterThanOrEqual(1);
      expect(field.evidence!.box!.height, field.id).toBeGreaterThan(0);
    }
    expect(docx).toMatchObject({ document: 'd01_s01_2021_tab.docx', template: 'gov-2021', input: { kind: 'docx' } });
  });

  it('writes a line on stderr for each unreadable file, goes on with the others, and exits 1', async () => {
    const doc = join(root, 'old.doc');
    const scan = join(root, 'scan.pdf');
    await writeFile(doc, legacyDoc);
    await writeFile(scan, blankPdf());
    const io = buffers();
    const code = await runExtract(['--json', doc, fixture('docx/d06_s28_2019_tab.docx'), scan], io.streams);
    expect(code).toBe(1);
    expect(io.out.join('').trim().split('\n')).toHaveLength(1);
    const errors = io.err.join('').trim().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^error: .*old\.doc: binary-document: .*save it as \.docx/u);
    expect(errors[1]).toMatch(/^error: .*scan\.pdf: undecodable-document: .*no text layer.*OCR is not supported yet/u);
  });
});

describe('ingest on a folder of .txt, .html, .pdf and .docx', () => {
  it('submits every kind, extracts each, and records the input kind', async () => {
    const folder = join(root, 'mixed');
    await mkdir(folder, { recursive: true });
    await copyFile(fixture('synthetic/s01_2021_tab.txt'), join(folder, 'a.txt'));
    await copyFile(fixture('synthetic/s04_2021_html.html'), join(folder, 'b.html'));
    await copyFile(fixture('pdf/hongze_2024.pdf'), join(folder, 'c.pdf'));
    await copyFile(fixture('docx/d07_s30_2019_html.docx'), join(folder, 'd.docx'));
    await writeFile(join(folder, 'e.doc'), legacyDoc);
    const config = loadConfig({ GONGKAI_DATA_DIR: join(root, 'data') });
    const io = buffers();
    const code = await runIngest([folder, join(folder, 'e.doc')], config, io.streams, { processor: createDeterministicProcessor() });
    expect(code).toBe(1);
    expect(io.err.join('')).toMatch(/e\.doc: .*save it as \.docx/u);
    expect(io.out.join('')).toContain('4 new');
    const store = await createFileStore(join(root, 'data'));
    try {
      const kinds: Record<string, string | undefined> = {};
      for (const summary of await store.listDocuments()) {
        expect(summary.state).not.toBe('failed');
        kinds[summary.name] = (await store.readDocument(summary.id))?.record.input?.kind;
      }
      expect(kinds).toEqual({ 'a.txt': 'text', 'b.html': 'html', 'c.pdf': 'pdf', 'd.docx': 'docx' });
    } finally {
      await store.close();
    }
  });
});

describe('upload through the API', () => {
  async function upload(client: TestClient, name: string, bytes: Uint8Array, type = 'application/octet-stream') {
    const form = new FormData();
    form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
    return client.request('/api/documents', { method: 'POST', body: form });
  }

  it('accepts a PDF and a .docx and extracts them in the background', async () => {
    const test = await createTestApp({ processor: createDeterministicProcessor(), environment: { GONGKAI_MAX_DOCUMENT_BYTES: String(2 * 1024 * 1024) } });
    const admin = await test.login('admin', 'admin-password-1');
    const pdf = await upload(admin, 'hongze_2023.pdf', new Uint8Array(await readFile(fixture('pdf/hongze_2023.pdf'))), 'application/pdf');
    expect(pdf.status).toBe(202);
    const docx = await upload(admin, 'report.docx', new Uint8Array(await readFile(fixture('docx/d02_s04_2021_html.docx'))));
    expect(docx.status).toBe(202);
    await test.service.idle();
    const id = ((await pdf.json()) as { document: { id: string } }).document.id;
    const view = (await (await admin.request(`/api/documents/${id}`)).json()) as { summary: { state: string; template: string }; document: { record: { input: unknown } }; text: string };
    expect(view.summary.state).not.toBe('failed');
    expect(view.summary.template).toBe('gov-2021');
    expect(view.document.record.input).toEqual({ kind: 'pdf', pages: 5 });
    // The source pane shows the text the PDF was read as: rows of cells, not PDF syntax.
    expect(view.text).toMatch(/规章\t0\t0\t0/u);
  });

  it('refuses what cannot be read with 415 / 422 and a message saying what to do, storing nothing', async () => {
    const test = await createTestApp({ processor: createDeterministicProcessor() });
    const admin = await test.login('admin', 'admin-password-1');
    const cases = [
      { name: 'old.doc', bytes: legacyDoc, status: 415, code: 'binary-document', message: /save it as \.docx/u },
      { name: 'scan.pdf', bytes: blankPdf(2), status: 422, code: 'undecodable-document', message: /no text layer.*OCR is not supported yet/u },
      { name: 'locked.pdf', bytes: passwordPdf(), status: 422, code: 'undecodable-document', message: /password-protected; save it without a password/u },
      { name: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nbroken'), status: 422, code: 'undecodable-document', message: /PDF is damaged/u },
      { name: 'broken.docx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml ...')]), status: 422, code: 'undecodable-document', message: /Word document is damaged/u },
    ];
    for (const testCase of cases) {
      const response = await upload(admin, testCase.name, testCase.bytes);
      expect(response.status, testCase.name).toBe(testCase.status);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code, testCase.name).toBe(testCase.code);
      expect(body.error.message, testCase.name).toMatch(testCase.message);
    }
    expect(((await (await admin.request('/api/documents')).json()) as { total: number }).total).toBe(0);
  });
});
