import { h, replace } from './dom.ts';
import { scrollIntoPane } from './scrollIntoPane.ts';
import { renderedSpanOf, type RenderedSpan, type SourceLayout } from './sourceLayout.ts';

/** The source pane of an HTML (or .docx) document: the page as text and tables, the evidence highlighted. */
export interface HtmlSourceView {
  readonly element: HTMLElement;
  /** Highlights the evidence (a span of the decoded text), or nothing; scrolls it into view. */
  show(evidence: RenderedSpan | null | undefined): void;
}

/**
 * Builds the page from the engine's rendered layout with DOM calls and text nodes only (never innerHTML, so
 * nothing of the document can become markup, script or a remote load): prose lines as paragraphs, table rows
 * as <tr> of <td>. The cell the evidence lies in is highlighted, its value marked; a blank cell is marked as a
 * whole cell with a minimum size, so it is visible.
 */
export function htmlSourceView(layout: SourceLayout): HtmlSourceView {
  const text = layout.rendered.text;
  /** Every element holding a span of the rendered text, in text order (cells and prose lines). */
  const holders: { readonly span: RenderedSpan; readonly element: HTMLElement }[] = [];
  const element = h('div', { class: 'source source-html', id: 'source', tabIndex: -1 });
  for (const block of layout.blocks) {
    if (block.kind === 'line') {
      const line = h('p', {}, text.slice(block.start, block.end));
      holders.push({ span: block, element: line });
      element.append(line);
      continue;
    }
    const body = h('tbody');
    for (const row of block.rows) {
      const tr = h('tr');
      for (const cell of row.cells) {
        const td = h('td', {}, text.slice(cell.start, cell.end));
        holders.push({ span: cell, element: td });
        tr.append(td);
      }
      body.append(tr);
    }
    element.append(h('table', { class: 'source-table' }, body));
  }

  let highlighted: { readonly span: RenderedSpan; readonly element: HTMLElement } | undefined;
  const clear = () => {
    if (!highlighted) return;
    highlighted.element.classList.remove('evidence-cell', 'evidence-blank');
    replace(highlighted.element, text.slice(highlighted.span.start, highlighted.span.end));
    highlighted = undefined;
  };

  return {
    element,
    show(evidence) {
      clear();
      const span = evidence ? renderedSpanOf(layout.rendered, evidence) : undefined;
      if (!span) return;
      // Holders do not overlap; a blank cell's empty span is the cell's own (empty) span.
      const holder = holders.find((candidate) => candidate.span.start <= span.start && span.end <= candidate.span.end);
      if (!holder) return;
      highlighted = holder;
      const { start, end } = holder.span;
      if (span.start === span.end) {
        holder.element.classList.add('evidence-cell', 'evidence-blank');
        replace(holder.element, text.slice(start, span.start), h('mark', { id: 'evidence', class: 'blank' }), text.slice(span.end, end));
      } else {
        holder.element.classList.add('evidence-cell');
        replace(holder.element, text.slice(start, span.start), h('mark', { id: 'evidence' }, text.slice(span.start, span.end)), text.slice(span.end, end));
      }
      const mark = holder.element.querySelector('mark');
      if (mark) scrollIntoPane(element, mark);
    },
  };
}
