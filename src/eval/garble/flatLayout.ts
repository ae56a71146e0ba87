import type { PrintedForm } from './PrintedForm.ts';
import { chance, integer, pick, type Random } from './random.ts';
import type { Rendered } from './Rendered.ts';

/** How a document is flattened onto one line. */
export interface FlatOptions {
  /**
   * Between cells and paragraphs: a space, a wider separator (two spaces, two ideographic spaces: text copied from a
   * word processor), or nothing at all (digits of neighbouring cells merge).
   */
  readonly separator: FlatSeparator;
  /** A blank cell leaves an empty token (a double space) instead of vanishing. */
  readonly keepGaps: boolean;
  /** A label starting with an ordinal ("2.", "（三）", "四、") glued to the value before it ("… 6 0 172.没有现成信息"). */
  readonly glueOrdinals: boolean;
  /** Page numbers of the printed pages left between cells, sometimes glued to a value. */
  readonly pageDebris: boolean;
}

/** What a flattened document joins its cells with. */
export type FlatSeparator = ' ' | '  ' | '\u3000\u3000' | '';

const ORDINAL = /^(?:\d+[.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)/u;

/**
 * The whole report after its title on one line, as crawlers save article bodies (cf. wild/04_pingtan_2021_flat):
 * prose, headings and every table cell in reading order.
 */
export function flatLayout(form: PrintedForm, options: FlatOptions, next: Random): Rendered {
  const tokens: { text: string; label: boolean }[] = [];
  let title = '';
  for (const block of form.blocks) {
    if (block.kind === 'title') title = block.text;
    else if (block.kind !== 'table') tokens.push({ text: block.text, label: false });
    else {
      for (const row of block.table.rows) {
        for (const cell of row.cells) {
          if (cell.text !== '' || options.keepGaps) tokens.push({ text: cell.text, label: cell.role === 'label' });
        }
      }
    }
  }
  let page = 2;
  let untilPage = integer(next, 30, 90);
  let line = '';
  tokens.forEach((token, index) => {
    const glue = options.glueOrdinals && token.label && ORDINAL.test(token.text);
    line += `${index === 0 || glue ? '' : options.separator}${token.text}`;
    if (options.pageDebris && --untilPage <= 0) {
      const debris = pick(next, [`${page}`, `- ${page} -`, `— ${page} —`, `第${page}页`]);
      line += `${chance(next, 0.5) ? '' : ' '}${debris}`;
      page++;
      untilPage = integer(next, 30, 90);
    }
  });
  return { kind: 'text', text: `标题: ${title}\n==================== 正文 ====================\n当前位置：首页 > 政务公开 > 政府信息公开年报 ${title} ${line} 附件下载\n` };
}
