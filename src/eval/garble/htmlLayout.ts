import type { FormCell, FormTable, PrintedForm } from './PrintedForm.ts';
import { chance, type Random } from './random.ts';
import type { Rendered } from './Rendered.ts';

/** How the HTML page prints its tables. */
export interface HtmlOptions {
  /** An empty narrow column before the values (Word's spacer cells), the header cells widened over it. */
  readonly spacer: boolean;
  /** A blank cell as `&nbsp;` (else an empty `<td></td>`). */
  readonly nbsp: boolean;
  /**
   * The table built of `<div>`s styled as one (a site's CSS table): a div a row, a div a cell, no rowspan or colspan,
   * so that nothing but line breaks tells the cells apart, and a blank cell prints nothing unless it holds &nbsp;.
   */
  readonly divs?: boolean;
}

const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/**
 * A scraped HTML page: navigation, title, paragraphs, the tables with their rowspan/colspan cells as the form
 * merges them, Word's `<p>` inside cells, blanks as &nbsp;, optionally spacer cells before the values; or the
 * tables built of divs (HtmlOptions.divs).
 */
export function htmlLayout(form: PrintedForm, options: HtmlOptions, next: Random): Rendered {
  const td = (cell: FormCell, widen = 0) => {
    const colspan = (cell.colspan ?? 1) + widen;
    const attributes = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${(cell.rowspan ?? 1) > 1 ? ` rowspan="${cell.rowspan}"` : ''}`;
    const text = cell.text === '' ? (options.nbsp ? '&nbsp;' : '') : escape(cell.text);
    if (options.divs) return `<div class="td" style="flex:${colspan}"><p style="text-align:center">${text}</p></div>`;
    return `<td${attributes} style="border:1px solid #000"><p style="text-align:center">${text}</p></td>`;
  };
  const spacer = (rowspan = 1) => {
    const text = chance(next, 0.5) ? '&nbsp;' : '';
    return options.divs ? `<div class="td" style="width:3px">${text}</div>` : `<td${rowspan > 1 ? ` rowspan="${rowspan}"` : ''} width="3">${text}</td>`;
  };
  const [open, close, openRow, closeRow] = options.divs
    ? ['<div class="table" style="display:table">', '</div>', '<div class="tr" style="display:flex">', '</div>']
    : ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse"><tbody>', '</tbody></table>', '<tr>', '</tr>'];
  const table = (formTable: FormTable): string => {
    const lines = [open];
    const headerRows = formTable.rows.filter((row) => row.header).length;
    formTable.rows.forEach((row, index) => {
      const hasValues = row.cells.some((cell) => cell.role === 'value');
      let cells: string[];
      if (!options.spacer) cells = row.cells.map((cell) => td(cell));
      else if (formTable.section === '四') cells = [...(index === 0 ? [spacer(headerRows)] : hasValues ? [spacer()] : []), ...row.cells.map((cell) => td(cell))];
      else if (hasValues) {
        const first = row.cells.findIndex((cell) => cell.role === 'value' || cell.role === 'unit');
        cells = row.cells.map((cell) => td(cell));
        cells.splice(first, 0, spacer());
      } else if (formTable.section === '三') cells = row.cells.map((cell, position) => td(cell, index === 0 && position === 0 ? 1 : 0));
      else cells = row.cells.map((cell, position) => td(cell, position === 0 ? 1 : 0));
      lines.push(`${openRow}${cells.join('')}${closeRow}`);
    });
    lines.push(close);
    return lines.join('\n');
  };
  const title = form.blocks.find((block) => block.kind === 'title');
  const body = form.blocks.map((block) => {
    if (block.kind === 'table') return table(block.table);
    if (block.kind === 'title') return `<h1 class="title">${escape(block.text)}</h1>`;
    if (block.kind === 'heading') return `<p><strong>${escape(block.text)}</strong></p>`;
    return `<p style="text-indent:2em">${escape(block.text)}</p>`;
  });
  const text = [
    '<!DOCTYPE html>', '<html><head><meta charset="utf-8">', `<title>${escape(title?.kind === 'title' ? title.text : '')}</title>`,
    '<script>var _hmt = _hmt || [];</script></head><body>',
    '<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>',
    '<div class="article">', ...body, '</div>', '<div class="footer">主办单位：网站管理中心</div>', '</body></html>', '',
  ].join('\n');
  return { kind: 'text', text };
}
