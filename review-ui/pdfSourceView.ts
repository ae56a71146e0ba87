import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import type { PageBox } from '../src/ingest/pdf/PdfPageText.ts';
import { h, replace } from './dom.ts';
import { scrollIntoPane } from './scrollIntoPane.ts';
import { t } from './i18n/locale.ts';

/** Where the served pdf.js lives (src/http/pdfJsAssets.ts): same origin, never a CDN. */
const PDFJS_BASE = '/assets/pdfjs/';
/** The smallest highlight drawn, in CSS pixels: a blank cell's box may be a sliver. */
const MIN_HIGHLIGHT_PIXELS = 16;
/** Space between the printed text and the highlight's edge, in CSS pixels. */
const HIGHLIGHT_MARGIN_PIXELS = 3;

/** The source pane of a PDF document: its pages drawn by pdf.js, the evidence's cell box highlighted. */
export interface PdfSourceView {
  readonly element: HTMLElement;
  /** Shows the page of the evidence with its box highlighted; evidence without a place keeps the page shown. */
  show(evidence: { readonly page?: number | undefined; readonly box?: PageBox | undefined } | null | undefined): void;
  /** The pages holding fields that wait for a person, offered as links in the toolbar. */
  setReviewPages(pages: readonly number[]): void;
  /** Stops drawing and lets pdf.js free the document and its worker. */
  dispose(): void;
}

type PdfJs = typeof import('pdfjs-dist');
let pdfJs: Promise<PdfJs> | undefined;

/** Loads pdf.js once per page load, from the server's copy of its browser build; its worker the same way. */
function loadPdfJs(): Promise<PdfJs> {
  // A variable, not a literal: the bundler must leave this import to the browser (the file is served apart).
  const url: string = `${PDFJS_BASE}pdf.min.mjs`;
  pdfJs ??= (import(url) as Promise<PdfJs>).then((module) => {
    module.GlobalWorkerOptions.workerSrc = `${PDFJS_BASE}pdf.worker.min.mjs`;
    return module;
  });
  pdfJs.catch(() => {
    pdfJs = undefined;
  });
  return pdfJs;
}

/**
 * Fetches the document's PDF (GET /api/documents/:id/pdf, the session's cookie) and draws one page at a time
 * at the pane's width, sharp on high-density screens. pdf.js runs with isEvalSupported: false (the CSP allows no
 * eval anyway), no WebAssembly, its cMaps and standard fonts from the same origin, no scripting (the sandbox
 * build is never loaded), no XFA, no annotation layer: the page is pixels on a canvas. The selected field's
 * cell box (page units from the top-left, as placeEvidence recorded it) becomes a rectangle over the canvas,
 * scaled with the page; ‹ and › turn pages, and selecting a field on another page turns to it.
 */
export function pdfSourceView(documentId: string): PdfSourceView {
  const canvas = h('canvas', { id: 'pdf-canvas' });
  const highlight = h('div', { class: 'pdf-highlight', id: 'pdf-highlight' });
  highlight.hidden = true;
  const pageFrame = h('div', { class: 'pdf-page', id: 'pdf-page' }, canvas, highlight);
  const pageLabel = h('span', { class: 'pdf-page-number', id: 'pdf-page-number' });
  const note = h('span', { class: 'pdf-note', id: 'pdf-note' }, t.source.pdfLoading);
  const reviewLinks = h('span', { class: 'pdf-review-pages', id: 'pdf-review-pages' });
  let reviewPages: readonly number[] = [];
  const previous = h('button', { id: 'pdf-previous', title: t.source.previousPage, disabled: true, on: { click: () => void turnTo(pageNumber - 1) } }, '‹');
  const next = h('button', { id: 'pdf-next', title: t.source.nextPage, disabled: true, on: { click: () => void turnTo(pageNumber + 1) } }, '›');
  const element = h('div', { class: 'source source-pdf', id: 'source', tabIndex: -1, dataset: { state: 'loading' } },
    h('div', { class: 'pdf-toolbar' }, previous, pageLabel, next, reviewLinks, note), pageFrame);

  let pdf: PDFDocumentProxy | undefined;
  let disposed = false;
  let pageNumber = 1;
  let drawnPage = 0;
  let drawing: Promise<void> = Promise.resolve();
  let renderTask: RenderTask | undefined;
  /** The selected field's evidence (highlighted whenever its page is the one shown). */
  let selected: { readonly page?: number | undefined; readonly box?: PageBox | undefined } | null | undefined;
  /** The drawn page's viewport, to place boxes on it. */
  let place: ((box: PageBox) => { left: number; top: number; width: number; height: number }) | undefined;

  const fail = (error: unknown) => {
    if (disposed) return;
    element.dataset.state = 'failed';
    replace(note, t.source.pdfFailed(error instanceof Error ? error.message : String(error)));
  };

  const loaded = (async () => {
    const [module, response] = await Promise.all([loadPdfJs(), fetch(`/api/documents/${documentId}/pdf`, { credentials: 'same-origin' })]);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const data = new Uint8Array(await response.arrayBuffer());
    const task = module.getDocument({
      data,
      isEvalSupported: false,
      // WebAssembly decoders would need 'wasm-unsafe-eval' in the CSP: pdf.js's JavaScript paths instead.
      useWasm: false,
      // A page image this large (a hostile file) is left out rather than filling the tab's memory.
      maxImageSize: 50_000_000,
      enableXfa: false,
      cMapUrl: `${PDFJS_BASE}cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${PDFJS_BASE}standard_fonts/`,
      verbosity: 0,
    });
    pdf = await task.promise;
    if (disposed) {
      void pdf.destroy();
      return;
    }
    replace(note);
  })();
  loaded.catch(fail);

  const drawPage = async (number: number) => {
    if (!pdf || disposed) return;
    const page = await pdf.getPage(number);
    const natural = page.getViewport({ scale: 1 });
    const available = Math.max(200, element.clientWidth - 24);
    const viewport = page.getViewport({ scale: available / natural.width });
    const density = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * density);
    canvas.height = Math.floor(viewport.height * density);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    renderTask?.cancel();
    const task = page.render({ canvas, viewport, ...(density === 1 ? {} : { transform: [density, 0, 0, density, 0, 0] }) });
    renderTask = task;
    const [left, , , top] = page.view as [number, number, number, number];
    place = (box) => {
      // The box is measured from the view box's top-left corner; the viewport maps user space (y up) to pixels.
      const [x1, y1, x2, y2] = viewport.convertToViewportRectangle([left + box.x, top - box.y - box.height, left + box.x + box.width, top - box.y]) as [number, number, number, number];
      return { left: Math.min(x1, x2), top: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
    };
    drawnPage = number;
    try {
      await task.promise;
    } catch (error) {
      // A newer page replaced this one before it was finished.
      if (error instanceof Error && error.name === 'RenderingCancelledException') return;
      throw error;
    }
    if (renderTask === task) element.dataset.state = 'drawn';
  };

  const update = async () => {
    await loaded;
    // Hidden (the text is shown instead): drawn at the pane's width when shown again.
    if (!pdf || disposed || !element.isConnected) return;
    const count = pdf.numPages;
    pageNumber = Math.min(Math.max(pageNumber, 1), count);
    replace(pageLabel, t.source.pageOf(pageNumber, count));
    renderReviewLinks();
    element.dataset.page = String(pageNumber);
    previous.disabled = pageNumber <= 1;
    next.disabled = pageNumber >= count;
    if (drawnPage !== pageNumber) {
      element.dataset.state = 'drawing';
      await drawPage(pageNumber);
    }
    showHighlight();
  };

  const showHighlight = () => {
    const box = selected?.box;
    if (!box || selected?.page !== drawnPage || !place) {
      highlight.hidden = true;
      return;
    }
    const spot = place(box);
    // A little larger than the printed text, and a blank cell or a thin figure at least this big, centred on
    // its box, so it can be seen; kept on the page.
    const width = Math.max(spot.width + 2 * HIGHLIGHT_MARGIN_PIXELS, MIN_HIGHLIGHT_PIXELS);
    const height = Math.max(spot.height + 2 * HIGHLIGHT_MARGIN_PIXELS, MIN_HIGHLIGHT_PIXELS);
    const pageWidth = canvas.clientWidth;
    const pageHeight = canvas.clientHeight;
    const left = Math.min(Math.max(spot.left - (width - spot.width) / 2, 0), Math.max(pageWidth - width, 0));
    const top = Math.min(Math.max(spot.top - (height - spot.height) / 2, 0), Math.max(pageHeight - height, 0));
    highlight.style.left = `${left}px`;
    highlight.style.top = `${top}px`;
    highlight.style.width = `${Math.min(width, pageWidth)}px`;
    highlight.style.height = `${Math.min(height, pageHeight)}px`;
    highlight.hidden = false;
    scrollIntoPane(element, highlight);
  };

  /** Pages are drawn one after another: a request waits for the previous drawing. */
  const queue = (work: () => Promise<void>) => {
    drawing = drawing.then(work).catch(fail);
  };

  const turnTo = (number: number) => {
    pageNumber = number;
    queue(update);
  };

  // The page is drawn at the pane's width: a resized window draws it again (once the resizing settles).
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  const onResize = () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      drawnPage = 0;
      queue(update);
    }, 200);
  };
  window.addEventListener('resize', onResize);

  const renderReviewLinks = () => {
    replace(reviewLinks, ...(reviewPages.length === 0 ? [] : [t.source.reviewOnPages, ...reviewPages.map((number) =>
      h('button', { class: number === pageNumber ? 'pdf-page-link current' : 'pdf-page-link', dataset: { page: String(number) }, on: { click: () => turnTo(number) } }, String(number)))]));
  };

  return {
    element,
    show(evidence) {
      selected = evidence;
      if (evidence?.page !== undefined) pageNumber = evidence.page;
      queue(update);
    },
    setReviewPages(pages) {
      if (pages.length === reviewPages.length && pages.every((number, index) => number === reviewPages[index])) return;
      reviewPages = pages;
      renderReviewLinks();
    },
    dispose() {
      disposed = true;
      clearTimeout(resizeTimer);
      window.removeEventListener('resize', onResize);
      renderTask?.cancel();
      void pdf?.destroy();
    },
  };
}
