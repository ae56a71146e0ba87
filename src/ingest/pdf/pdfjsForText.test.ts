import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfPageText } from './PdfPageText.ts';
import { PDFJS_TEXT_PATCHES, patchPdfjsWorkerSource } from './pdfjsForText.mjs';

const workerSource = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'legacy/build/pdf.worker.mjs');
const pdfFixtures = new URL('../../../test/fixtures/pdf/', import.meta.url);

type Answer = { readonly id: number; readonly pages?: PdfPageText[]; readonly failure?: unknown };

/** A reading thread of its own (pdfTextWorker.mjs): as the service runs it, or with pdf.js as published. */
function readingThread(asPublished: boolean) {
  const worker = new Worker(new URL('./pdfTextWorker.mjs', import.meta.url), { workerData: { asPublished } });
  const waiting = new Map<number, (answer: Answer) => void>();
  worker.on('message', (answer: Answer) => waiting.get(answer.id)?.(answer));
  let nextId = 1;
  return {
    read(bytes: Uint8Array): Promise<Answer> {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, bytes: new Uint8Array(bytes), maxPages: 300 });
      });
    },
    stop: () => worker.terminate(),
  };
}

describe('pdf.js patched for reading text', () => {
  it('fits the installed pdf.js: every piece it replaces is found exactly once', () => {
    const { source, unfit } = patchPdfjsWorkerSource(readFileSync(workerSource, 'utf8'));
    expect(unfit).toEqual([]);
    for (const patch of PDFJS_TEXT_PATCHES) expect(source).toContain(patch.replace);
  });

  it('leaves pdf.js as published when a piece is missing (another version): never a partial patch', () => {
    const published = readFileSync(workerSource, 'utf8');
    const [first] = PDFJS_TEXT_PATCHES;
    const { source, unfit } = patchPdfjsWorkerSource(published.replace(first!.find, ''));
    expect(source).toBeUndefined();
    expect(unfit).toEqual([first!.name]);
  });

  let patched: ReturnType<typeof readingThread>;
  let published: ReturnType<typeof readingThread>;
  beforeAll(() => {
    patched = readingThread(false);
    published = readingThread(true);
  });
  afterAll(async () => {
    await Promise.all([patched.stop(), published.stop()]);
  });

  // The proof that the speed-ups (no font conversion, pdf.js's own inflater) change no text: the real reports (Word-made, nine embedded
  // CJK and Latin fonts, one vertical) and Chromium prints of each kind of layout read to the same items,
  // boxes and pages. (Every fixture and the 100-page bench file were compared once when this was written.)
  const files = ['huaian_2024.pdf', 'hongze_2023.pdf', 'hongze_2024.pdf', 'p01_s01_2021_tab_a4.pdf', 'p12_s30_2019_html_a4.pdf', 'p13_s35_2014_tab_a4landscape.pdf', 'p25_v11_002_page_rowspan_a5.pdf'];
  it.each(files)('reads %s to the same pages as pdf.js as published', async (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, pdfFixtures)));
    const [fast, reference] = await Promise.all([patched.read(bytes), published.read(bytes)]);
    expect(reference.pages?.length).toBeGreaterThan(0);
    expect(fast).toEqual(reference);
  });
});
