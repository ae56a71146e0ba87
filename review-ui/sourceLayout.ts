import { renderDocument } from '../src/ingest/renderDocument.ts';
import type { MappedText } from '../src/text/MappedText.ts';

/** A stretch [start, end) of the rendered text. */
export interface RenderedSpan {
  readonly start: number;
  readonly end: number;
}

/** One table row of the rendered text: the line's span and its cells (tab-separated) in order. */
export interface SourceRow extends RenderedSpan {
  readonly cells: readonly RenderedSpan[];
}

/** The rendered text in blocks: a line of prose, or a run of table rows (lines with cells). */
export type SourceBlock = ({ readonly kind: 'line' } & RenderedSpan) | { readonly kind: 'table'; readonly rows: readonly SourceRow[] };

/** An HTML document as the engine read it: its rendered text (mapped to the markup) in blocks. */
export interface SourceLayout {
  readonly rendered: MappedText;
  readonly blocks: readonly SourceBlock[];
}

/**
 * Lays out a document's decoded text the way the engine read it: HTML (also HTML escaped inside a script, and
 * a .docx's HTML) is rendered by the engine's own renderDocument, whose table rows are lines of tab-separated
 * cells; those become table rows, other lines prose. Returns undefined for a text that is not HTML (rendering
 * changed nothing but its line endings): it is shown as it is. Nothing of the markup is ever shown or parsed
 * by the browser; the view is built from this structure with text nodes only.
 */
export function layoutSource(decoded: string): SourceLayout | undefined {
  const rendered = renderDocument(decoded);
  if (rendered.text === decoded.replace(/\r\n?/gu, '\n')) return undefined;
  const blocks: SourceBlock[] = [];
  let table: SourceRow[] | undefined;
  const text = rendered.text;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (text.slice(start, end).includes('\t')) {
      const cells: RenderedSpan[] = [];
      for (let cellStart = start; ; ) {
        const tab = text.indexOf('\t', cellStart);
        const cellEnd = tab < 0 || tab > end ? end : tab;
        cells.push({ start: cellStart, end: cellEnd });
        if (cellEnd === end) break;
        cellStart = cellEnd + 1;
      }
      if (!table) {
        table = [];
        blocks.push({ kind: 'table', rows: table });
      }
      table.push({ start, end, cells });
    } else {
      table = undefined;
      if (end > start) blocks.push({ kind: 'line', start, end });
    }
    start = end + 1;
  }
  return { rendered, blocks };
}

/**
 * Where evidence (a span of the decoded text) lies in the rendered text. A value's evidence covers the
 * characters that came from it; a blank cell's evidence is empty, at the source position the renderer anchored
 * the separator closing that cell to, so it maps to the empty span just before that separator (the blank cell).
 */
export function renderedSpanOf(rendered: MappedText, evidence: RenderedSpan): RenderedSpan | undefined {
  const { originStart, originEnd } = rendered;
  if (evidence.end === evidence.start) {
    for (let index = 0; index < originStart.length; index++) {
      if (originStart[index] === evidence.start && originEnd[index] === evidence.start) return { start: index, end: index };
    }
    for (let index = 0; index < originStart.length; index++) {
      if (originStart[index]! >= evidence.start) return { start: index, end: index };
    }
    return undefined;
  }
  let first = -1;
  let last = -1;
  for (let index = 0; index < originStart.length; index++) {
    const start = originStart[index]!;
    const end = originEnd[index]!;
    // Characters written in place of markup (separators) have empty spans and belong to no value.
    if (end > start && start < evidence.end && end > evidence.start) {
      if (first < 0) first = index;
      last = index;
    }
  }
  return first < 0 ? undefined : { start: first, end: last + 1 };
}
