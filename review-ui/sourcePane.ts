import type { FieldRecord } from '../src/record/ExtractionRecord.ts';
import { h, replace } from './dom.ts';
import { htmlSourceView, type HtmlSourceView } from './htmlSourceView.ts';
import { t } from './i18n/locale.ts';
import { pdfSourceView, type PdfSourceView } from './pdfSourceView.ts';
import { layoutSource, renderedSpanOf, type SourceLayout } from './sourceLayout.ts';

type Evidence = NonNullable<FieldRecord['evidence']>;

/** What the pane shows: the document's text, whether it is a PDF, the selected field's evidence, pages in review. */
export interface SourceState {
  readonly text: string;
  readonly isPdf: boolean;
  readonly evidence: Evidence | null;
  /** Pages holding a field in review (a PDF's page list marks them). */
  readonly reviewPages: readonly number[];
}

export interface SourcePane {
  readonly element: HTMLElement;
  show(state: SourceState): void;
  /** The evidence's line as the pane shows it: an HTML page's rendered row, never its markup. */
  evidenceLine(evidence: { readonly start: number; readonly end: number }): string;
  dispose(): void;
}

/**
 * The original on the left of a document's page, the selected field's evidence highlighted: a PDF as its page drawn
 * by pdf.js with the cell's box (a switch shows the text read from it instead), HTML and .docx as text and tables
 * (never the markup), anything else as the text itself. Its views are built once per document (the PDF is fetched
 * and drawn only when shown).
 */
export function sourcePane(documentId: string): SourcePane {
  const element = h('section', { class: 'source-pane' });
  let sourceText: string | null = null;
  let htmlLayout: SourceLayout | undefined;
  let htmlView: HtmlSourceView | undefined;
  let pdfView: PdfSourceView | undefined;
  /** A PDF document shows its page by default; the switch shows the text the engine read instead. */
  let sourceMode: 'pdf' | 'text' = 'pdf';
  let last: SourceState | undefined;

  const show = (state: SourceState) => {
    last = state;
    const { text, evidence } = state;
    if (text !== sourceText) {
      sourceText = text;
      htmlLayout = layoutSource(text);
      htmlView = undefined;
    }
    const modeSwitch = state.isPdf
      ? h('div', { class: 'source-switch', id: 'source-switch', title: t.source.sourceModeTitle },
        ...(['pdf', 'text'] as const).map((mode) => h('button', {
          id: `source-mode-${mode}`, class: mode === sourceMode ? 'selected' : '', disabled: mode === sourceMode,
          on: { click: () => { sourceMode = mode; if (last) show(last); } },
        }, mode === 'pdf' ? t.source.pdfView : t.source.textView)))
      : null;
    if (state.isPdf && sourceMode === 'pdf') {
      pdfView ??= pdfSourceView(documentId);
      if (pdfView.element.parentNode !== element) replace(element, modeSwitch, pdfView.element);
      pdfView.setReviewPages([...new Set(state.reviewPages)].sort((a, b) => a - b));
      pdfView.show(evidence);
      return;
    }
    if (htmlLayout) {
      htmlView ??= htmlSourceView(htmlLayout);
      if (htmlView.element.parentNode !== element) replace(element, modeSwitch, htmlView.element);
      htmlView.show(evidence);
      return;
    }
    const source = h('pre', { class: 'source', id: 'source', tabIndex: -1 });
    replace(element, modeSwitch, source);
    if (!evidence || evidence.end > text.length || evidence.start > evidence.end) {
      replace(source, text);
      return;
    }
    // A blank cell's evidence is empty: its mark gets a minimum size (CSS) so it can be seen.
    const mark = h('mark', { id: 'evidence', class: evidence.start === evidence.end ? 'blank' : '' }, text.slice(evidence.start, evidence.end));
    replace(source, text.slice(0, evidence.start), mark, text.slice(evidence.end));
    source.scrollTop = Math.max(0, mark.offsetTop - source.clientHeight / 2);
  };

  return {
    element,
    show,
    evidenceLine(evidence) {
      const span = htmlLayout ? renderedSpanOf(htmlLayout.rendered, evidence) : undefined;
      return htmlLayout && span ? evidenceLine(htmlLayout.rendered.text, span) : evidenceLine(sourceText ?? '', evidence);
    },
    dispose() {
      pdfView?.dispose();
    },
  };
}

/** The source line holding the evidence, on one line, at most about 80 characters around it. */
function evidenceLine(text: string, evidence: { readonly start: number; readonly end: number }): string {
  if (evidence.end > text.length || evidence.start > evidence.end) return '(outside the text)';
  const lineStart = text.lastIndexOf('\n', Math.max(evidence.start - 1, 0)) + 1;
  const lineEnd = text.indexOf('\n', evidence.end);
  const from = Math.max(lineStart, evidence.start - 40);
  const to = Math.min(lineEnd < 0 ? text.length : lineEnd, Math.max(evidence.end + 40, from + 80));
  const line = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `“${from > lineStart ? '…' : ''}${line}${to < (lineEnd < 0 ? text.length : lineEnd) ? '…' : ''}”`;
}
