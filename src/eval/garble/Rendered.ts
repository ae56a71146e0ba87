/** A printed line and, when it belongs to a table, which table and whether it is one of its header lines. */
export interface RenderedLine {
  readonly text: string;
  readonly table?: string;
  readonly header?: boolean;
  /** A page may end just before this line: it starts a table row or is prose (a page break never splits a row). */
  readonly breakable?: boolean;
}

/** Lines of table rows, one group per row: the first line of each group is where a page may break. */
export function rowGroups(groups: readonly (readonly RenderedLine[])[]): RenderedLine[] {
  return groups.flatMap((group) => group.map((line, index) => (index === 0 ? { ...line, breakable: true } : line)));
}

/** A layout's output: lines (later wrapped, paged, joined with \n) or finished text (HTML, one-line documents). */
export type Rendered =
  | { readonly kind: 'lines'; readonly lines: readonly RenderedLine[] }
  | { readonly kind: 'text'; readonly text: string };

/** Display width as a monospace terminal and `pdftotext -layout` count it: CJK and full-width forms count 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += character.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

/** Cuts text into pieces of at most `width` display columns (never splitting a run of digits). */
export function wrapText(text: string, width: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const character of text) {
    if (current !== '' && displayWidth(current + character) > width && !(/[0-9.]$/u.test(current) && /[0-9.]/u.test(character))) {
      pieces.push(current);
      current = '';
    }
    current += character;
  }
  if (current !== '' || pieces.length === 0) pieces.push(current);
  return pieces;
}

/** Writes text into a line at display column `x` (padding with spaces; one space when the line already reaches x). */
export function putAt(line: string, x: number, text: string): string {
  const width = displayWidth(line);
  if (width < x) return `${line}${' '.repeat(x - width)}${text}`;
  return `${line}${line === '' || line.endsWith(' ') ? '' : ' '}${text}`;
}
