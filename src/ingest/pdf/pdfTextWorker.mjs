// Worker thread that reads the text layer of PDFs with pdf.js and posts back every text item with its
// position. Plain JavaScript on purpose: a worker thread gets no TypeScript loader under vitest or tsx
// (they transform the main thread only), and this file must stay tiny and dependency-light anyway. All the
// interpretation (lines, cells, tables) happens on the main thread in layoutPdfPages.ts, which is pure.
//
// Safety: no network (cMaps and standard fonts are read from the package's folders on disk), no eval
// (isEvalSupported: false), fonts are never installed, and the parent enforces the page cap, the time limit
// (it terminates this thread) and a heap limit (resourceLimits).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { importPdfjsWorker } from './pdfjsForText.mjs';

// pdf.js reports recoverable damage on the console; stdout is the CLI's JSON output, so this thread prints nothing.
for (const method of ['log', 'info', 'warn', 'error', 'debug']) console[method] = () => {};

const require = createRequire(import.meta.url);
const packageDirectory = dirname(require.resolve('pdfjs-dist/package.json'));
// The legacy build carries core-js, which replaces Array.prototype.push with a JavaScript copy (V8's push fails
// one of its edge-case checks: the error on an array whose length is read-only). pdf.js pushes in every inner
// loop, and that copy cost about a tenth of the reading time. Both halves of pdf.js (its "fake worker" runs in
// this thread) are loaded first, then the native push is put back: the same results for every array pdf.js
// builds, this thread only.
const nativePush = Array.prototype.push;
const pdfjs = await import(join(packageDirectory, 'legacy/build/pdf.mjs'));
// `workerData.asPublished: true` runs pdf.js as published (for the test that compares both on the fixtures:
// pdfjsForText.test.ts).
const asPublished = workerData?.asPublished === true;
// Patched for reading text: see pdfjsForText.mjs.
globalThis.pdfjsWorker = (await importPdfjsWorker(join(packageDirectory, 'legacy/build/pdf.worker.mjs'), { patch: !asPublished })).module;
Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });

/** Reads cMaps and standard fonts from disk; pdf.js would otherwise fetch them by URL. */
class DiskDataFactory {
  constructor({ baseUrl }) {
    this.baseUrl = baseUrl;
  }
  async fetch({ filename }) {
    return new Uint8Array(await readFile(join(this.baseUrl, filename)));
  }
}

/** One message in, one message out: { pages } or { failure: { reason, message } }. */
async function read({ bytes, maxPages }) {
  const task = pdfjs.getDocument({
    data: bytes,
    cMapUrl: join(packageDirectory, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(packageDirectory, 'standard_fonts') + '/',
    CMapReaderFactory: DiskDataFactory,
    StandardFontDataFactory: DiskDataFactory,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
    // A password callback would wait forever for an answer nobody gives: fail at once instead.
    password: undefined,
  });
  task.onPassword = () => task.destroy();
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    const name = error && typeof error === 'object' ? error.name : '';
    if (name === 'PasswordException') return { failure: { reason: 'encrypted', message: String(error.message ?? error) } };
    return { failure: { reason: 'broken', message: String(error?.message ?? error) } };
  }
  if (document.numPages > maxPages) {
    const numPages = document.numPages;
    await document.destroy();
    return { failure: { reason: 'too-many-pages', message: `${numPages} pages`, pages: numPages } };
  }
  const pages = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ disableNormalization: false });
    const items = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, c, d, e, f] = item.transform;
      // Only upright text takes part in rows and columns; rotated stamps and watermarks would scramble them.
      if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0 || d <= 0) continue;
      items.push({ text: item.str, x: e, baseline: f, width: item.width, size: Math.max(item.height, d) });
    }
    // Page coordinates: pdf.js gives a baseline measured up from the page's lower-left corner of its view box.
    const [left, bottom, right, top] = page.view;
    pages.push({ number, width: viewport.width, height: viewport.height, left, bottom, right, top, items });
    page.cleanup();
  }
  await document.destroy();
  return { pages };
}

// One job at a time (the parent queues them): { id, bytes, maxPages } in, { id, pages | failure } out. The
// thread stays up between jobs so pdf.js is loaded and compiled once, not per document.
parentPort.on('message', async (job) => {
  const answer = await read(job).catch((error) => ({ failure: { reason: 'broken', message: String(error?.message ?? error) } }));
  parentPort.postMessage({ id: job.id, ...answer });
});
