/** An element of a parsed HTML document, with the source offsets of its start tag and of its end. */
export interface HtmlElement {
  readonly kind: 'element';
  /** Lower-case tag name; the root is "#document". */
  readonly name: string;
  /** The raw attribute text of the start tag. */
  readonly attributes: string;
  /** Offset of the start tag's "<". */
  readonly start: number;
  /** Offset just after the element's end (end tag, or where it was implicitly closed). */
  end: number;
  readonly children: HtmlNode[];
}

/** A run of character data, as a span of the source (entities not yet decoded). */
export interface HtmlText {
  readonly kind: 'text';
  readonly start: number;
  readonly end: number;
}

export type HtmlNode = HtmlElement | HtmlText;

/** Elements with no content. */
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'area', 'base', 'wbr', 'source', 'embed', 'param', 'track', 'keygen']);
/** Elements whose content is raw text, not markup: read up to their end tag. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements that may sit in <head>; anything else opening there closes the head (as browsers do). */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template']);
/** Start tags that close an open <p> (HTML's "closes a p element" list). */
const CLOSES_PARAGRAPH = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'ul',
]);
const TABLE_SECTIONS = new Set(['tbody', 'thead', 'tfoot']);
const CELLS = new Set(['td', 'th']);
/** Elements an end tag of another element is not searched beyond. */
const SCOPE_BOUNDARIES = new Set(['table', 'td', 'th', 'caption', '#document']);
/** Malformed pages nest unclosed inline tags by the thousand; deeper elements are flattened into their parent. */
const MAX_DEPTH = 256;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;

/**
 * Parses HTML into a tree the way browsers recover from the mistakes scraped pages are full of: unclosed
 * <p>, <td>, <tr>; cells with no row; stray end tags; a head never closed. Comments, doctype and processing
 * instructions are dropped; script and style content is kept as raw text children (the renderer drops them).
 * Offsets are into `text`.
 */
export function parseHtml(text: string): HtmlElement {
  const root: HtmlElement = { kind: 'element', name: '#document', attributes: '', start: 0, end: text.length, children: [] };
  const stack: HtmlElement[] = [root];
  const current = (): HtmlElement => stack[stack.length - 1]!;
  const addText = (start: number, end: number): void => {
    if (end > start) current().children.push({ kind: 'text', start, end });
  };

  let position = 0;
  while (position < text.length) {
    const open = text.indexOf('<', position);
    if (open < 0) {
      addText(position, text.length);
      break;
    }
    addText(position, open);
    if (text.startsWith('<!--', open)) {
      const close = text.indexOf('-->', open + 4);
      position = close < 0 ? text.length : close + 3;
      continue;
    }
    const marker = text[open + 1];
    if (marker === '!' || marker === '?') {
      const close = text.indexOf('>', open);
      position = close < 0 ? text.length : close + 1;
      continue;
    }
    TAG.lastIndex = open;
    const tag = TAG.exec(text);
    if (!tag) {
      addText(open, open + 1);
      position = open + 1;
      continue;
    }
    const tagEnd = open + tag[0].length;
    const name = tag[2]!.toLowerCase();
    position = tagEnd;
    if (tag[1] === '/') {
      if (name === 'br') current().children.push(element('br', '', open, tagEnd));
      else closeElement(stack, name, open, tagEnd);
      continue;
    }
    const created = openElement(stack, name, tag[3] ?? '', open, tagEnd);
    if (RAW_TEXT_ELEMENTS.has(name) && created) {
      const close = findEndTag(text, name, tagEnd);
      addText(tagEnd, close.contentEnd);
      created.end = close.end;
      stack.pop();
      position = close.end;
    }
  }
  while (stack.length > 1) stack.pop()!.end = text.length;
  return root;
}

function element(name: string, attributes: string, start: number, end: number): HtmlElement {
  return { kind: 'element', name, attributes, start, end, children: [] };
}

/** Opens an element, closing what HTML implicitly closes first. Returns it when it was pushed. */
function openElement(stack: HtmlElement[], name: string, attributes: string, start: number, end: number): HtmlElement | undefined {
  if (name !== 'head' && !HEAD_CONTENT.has(name)) popIfOpen(stack, 'head', start);
  if (CLOSES_PARAGRAPH.has(name)) popThrough(stack, 'p', start);
  if (name === 'li') popThrough(stack, 'li', start, new Set(['ul', 'ol', 'menu']));
  if (name === 'dt' || name === 'dd') popThrough(stack, ['dt', 'dd'], start, new Set(['dl']));
  if (name === 'option') popThrough(stack, 'option', start, new Set(['select', 'datalist']));

  const table = nearestTableIndex(stack);
  if (table >= 0) {
    if (CELLS.has(name)) {
      popWithinTable(stack, table, (open) => CELLS.has(open), start);
      if (!hasOpen(stack, table, 'tr')) pushChild(stack, element('tr', '', start, start));
    } else if (name === 'tr') {
      popWithinTable(stack, table, (open) => CELLS.has(open) || open === 'tr', start);
    } else if (TABLE_SECTIONS.has(name) || name === 'caption' || name === 'colgroup') {
      popWithinTable(stack, table, (open) => CELLS.has(open) || open === 'tr' || TABLE_SECTIONS.has(open) || open === 'caption', start);
    }
  }

  const created = element(name, attributes, start, end);
  if (VOID_ELEMENTS.has(name) || attributes.trimEnd().endsWith('/') && !RAW_TEXT_ELEMENTS.has(name) && name !== 'td' && name !== 'th') {
    stack[stack.length - 1]!.children.push(created);
    return undefined;
  }
  if (stack.length >= MAX_DEPTH && !RAW_TEXT_ELEMENTS.has(name)) return undefined;
  pushChild(stack, created);
  return created;
}

function pushChild(stack: HtmlElement[], child: HtmlElement): void {
  stack[stack.length - 1]!.children.push(child);
  stack.push(child);
}

/** Closes the nearest open element of this name, unless a table or cell boundary lies in between. */
function closeElement(stack: HtmlElement[], name: string, start: number, end: number): void {
  for (let index = stack.length - 1; index > 0; index--) {
    const open = stack[index]!.name;
    if (open === name) {
      while (stack.length > index + 1) stack.pop()!.end = start;
      stack.pop()!.end = end;
      return;
    }
    // a stray </div> inside a cell must not close the div around the table; </tr> may close an open cell
    if (name !== 'table' && SCOPE_BOUNDARIES.has(open) && !(TABLE_PARTS.has(name) && open !== 'table')) return;
  }
}

const TABLE_PARTS = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'caption']);

function nearestTableIndex(stack: HtmlElement[]): number {
  for (let index = stack.length - 1; index > 0; index--) if (stack[index]!.name === 'table') return index;
  return -1;
}

function hasOpen(stack: HtmlElement[], from: number, name: string): boolean {
  for (let index = stack.length - 1; index > from; index--) if (stack[index]!.name === name) return true;
  return false;
}

/** Pops elements above the table up to and including the last one matching `matches`. */
function popWithinTable(stack: HtmlElement[], table: number, matches: (name: string) => boolean, at: number): void {
  let deepest = -1;
  for (let index = table + 1; index < stack.length; index++) if (matches(stack[index]!.name)) {
    deepest = index;
    break;
  }
  if (deepest < 0) return;
  while (stack.length > deepest) stack.pop()!.end = at;
}

/** Pops through the nearest open element named `names`, not looking past a scope boundary or `stopAt`. */
function popThrough(stack: HtmlElement[], names: string | readonly string[], at: number, stopAt?: ReadonlySet<string>): void {
  const wanted = typeof names === 'string' ? [names] : names;
  for (let index = stack.length - 1; index > 0; index--) {
    const open = stack[index]!.name;
    if (wanted.includes(open)) {
      while (stack.length > index) stack.pop()!.end = at;
      return;
    }
    if (SCOPE_BOUNDARIES.has(open) || stopAt?.has(open) || open === 'div') return;
  }
}

function popIfOpen(stack: HtmlElement[], name: string, at: number): void {
  const index = stack.findIndex((open) => open.name === name);
  if (index > 0) while (stack.length > index) stack.pop()!.end = at;
}

const endTagPatterns = new Map<string, RegExp>();

/** Finds `</name>` (any case) from `from`; a missing end tag runs to the end of the text. */
function findEndTag(text: string, name: string, from: number): { contentEnd: number; end: number } {
  let pattern = endTagPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`</${name}\\s*>`, 'gi');
    endTagPatterns.set(name, pattern);
  }
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  if (!match) return { contentEnd: text.length, end: text.length };
  return { contentEnd: match.index, end: match.index + match[0].length };
}
