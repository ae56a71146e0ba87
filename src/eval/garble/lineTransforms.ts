import { pick, integer, type Random } from './random.ts';
import { displayWidth, type RenderedLine } from './Rendered.ts';

/**
 * Changes to a layout's lines: hard wraps at a page width (a row's last cells, even a lone 0, moved to the
 * next line) and page breaks with a footer and the table's header lines repeated on the new page.
 */
export interface LineTransform {
  readonly name: string;
  readonly apply: (lines: readonly RenderedLine[], next: Random) => RenderedLine[];
}

/** Every line longer than `width` display columns broken there (at the last space before it when there is one, never inside a number). */
export function hardWrap(width: number, tabCarried = false): LineTransform {
  return {
    name: `hard-wrap(${width}${tabCarried ? ', tabs carried' : ''})`,
    apply: (lines) => lines.flatMap((line) => breakLine(line.text, width, tabCarried).map((text, index) => (index === 0 ? { ...line, text } : { ...line, text, breakable: false }))),
  };
}

/** A line broken at `width`, at a space or tab where one stands; with `tabCarried`, the tab it breaks at opens the next line. */
function breakLine(text: string, width: number, tabCarried = false): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (displayWidth(rest) > width) {
    const characters = [...rest];
    let cut = 0;
    let used = 0;
    while (cut < characters.length && used + displayWidth(characters[cut]!) <= width) used += displayWidth(characters[cut++]!);
    const space = characters.slice(0, cut).join('').search(/[ \t][^ \t]*$/u);
    if (space > 0) cut = [...characters.slice(0, cut).join('').slice(0, space)].length;
    while (cut < characters.length && /[0-9.]/u.test(characters[cut - 1] ?? '') && /[0-9.]/u.test(characters[cut]!)) cut++;
    if (cut === 0) cut = 1;
    // (A carried tab keeps the empty cells before it: only spaces are trimmed.)
    pieces.push(tabCarried ? characters.slice(0, cut).join('').replace(/ +$/u, '') : characters.slice(0, cut).join('').trimEnd());
    const after = characters.slice(cut).join('');
    rest = tabCarried && after.startsWith('\t') ? `\t${after.slice(1).replace(/^ +/u, '')}` : after.replace(/^[ \t]+/u, '');
  }
  pieces.push(rest);
  return pieces;
}

/** Footer styles of printed reports. */
const FOOTERS: readonly ((page: number, pages: number) => string)[] = [
  (page) => `- ${page} -`,
  (page) => `— ${page} —`,
  (page, pages) => `第 ${page} 页 共 ${pages} 页`,
  (page) => `${page}`,
];

/**
 * A page break after about `every` lines, at the next line a page may end before (never inside a table row): a
 * footer, a form feed, and the current table's header lines again.
 */
export function pageBreaks(every: number, repeatHeaders: boolean): LineTransform {
  return {
    name: `page-footers(${every}${repeatHeaders ? ', repeated headers' : ''})`,
    apply: (lines, next) => {
      const footer = pick(next, FOOTERS);
      const pages = Math.ceil(lines.length / every) + integer(next, 0, 2);
      const headers = new Map<string, RenderedLine[]>();
      for (const line of lines) {
        if (line.table && line.header) headers.set(line.table, [...(headers.get(line.table) ?? []), line]);
      }
      const result: RenderedLine[] = [];
      let page = 1;
      let onPage = 0;
      lines.forEach((line) => {
        if (++onPage > every && line.breakable) {
          onPage = 1;
          result.push({ text: '' }, { text: `${' '.repeat(integer(next, 0, 30))}${footer(page, pages)}` }, { text: '\f' });
          page++;
          const repeated = line.table && !line.header ? headers.get(line.table) : undefined;
          if (repeatHeaders && repeated) result.push(...repeated);
        }
        result.push(line);
      });
      return result;
    },
  };
}
