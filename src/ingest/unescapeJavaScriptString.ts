import { MappedText, MappedTextBuilder } from '../text/MappedText.ts';

/** Signs of HTML written inside a JavaScript or JSON string: escaped quotes in tags, escaped slashes, \u003c. */
const ESCAPED_HTML = /<[a-zA-Z][^<>]*?=\\["']|<\\\/[a-zA-Z]|\\u003[cC]|\\x3[cC]|>\\[nrt]/u;

/** Wrapper code before the string: `let content = "`, `{"html":"`, `document.write('`. */
const WRAPPER_START = /^\s*[^<\n]{0,200}?(["'`])(?=\s*(?:<|\\u003[cC]|\\x3[cC]))/u;

/** True when the text looks like HTML escaped inside a JavaScript (or JSON) string. */
export function looksLikeEscapedHtml(text: string): boolean {
  return ESCAPED_HTML.test(text.slice(0, 200_000));
}

/**
 * Undoes JavaScript string escapes (\" \' \/ \\ \n \r \t \uXXXX \xXX) so HTML written inside a JS or JSON
 * string can be rendered, and drops the wrapper code around the string (`let content = "` … `";`). Every
 * unescaped character maps to its escape sequence.
 */
export function unescapeJavaScriptString(view: MappedText): MappedText {
  const text = view.text;
  const { start, end } = stringBounds(text);
  const builder = new MappedTextBuilder(view);
  let copiedTo = start;
  let index = text.indexOf('\\', start);
  while (index >= 0 && index < end) {
    const escape = readEscape(text, index);
    if (escape) {
      builder.copy(copiedTo, index);
      builder.replace(index, index + escape.length, escape.text);
      copiedTo = index + escape.length;
      index = text.indexOf('\\', copiedTo);
    } else {
      index = text.indexOf('\\', index + 1);
    }
  }
  builder.copy(copiedTo, end);
  return builder.build();
}

/** The part of the text inside the string literal: after the wrapper's opening quote, before its closing one. */
function stringBounds(text: string): { start: number; end: number } {
  const opening = WRAPPER_START.exec(text);
  if (!opening) return { start: 0, end: text.length };
  const quote = opening[1]!;
  const start = opening[0].length;
  const closing = new RegExp(`(?<!\\\\)${quote}[\\s;,)}\\]]*$`).exec(text.slice(Math.max(start, text.length - 400)));
  const end = closing ? Math.max(start, text.length - 400) + closing.index : text.length;
  return { start, end: Math.max(start, end) };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '`': '`',
  '/': '/',
  '\\': '\\',
  n: '\n',
  r: '\n',
  t: '\t',
  b: '',
  f: '\n',
  v: '\n',
  '0': '',
};

function readEscape(text: string, at: number): { text: string; length: number } | undefined {
  const next = text[at + 1];
  if (next === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) return { text: simple, length: 2 };
  if (next === 'u') {
    const braced = /^\{([0-9a-fA-F]{1,6})\}/u.exec(text.slice(at + 2, at + 10));
    if (braced) return { text: safeCodePoint(Number.parseInt(braced[1]!, 16)), length: 2 + braced[0].length };
    const hex = text.slice(at + 2, at + 6);
    if (/^[0-9a-fA-F]{4}$/u.test(hex)) return { text: String.fromCharCode(Number.parseInt(hex, 16)), length: 6 };
    return undefined;
  }
  if (next === 'x') {
    const hex = text.slice(at + 2, at + 4);
    if (/^[0-9a-fA-F]{2}$/u.test(hex)) return { text: String.fromCharCode(Number.parseInt(hex, 16)), length: 4 };
    return undefined;
  }
  if (next === '\n') return { text: '', length: 2 }; // line continuation
  return undefined;
}

function safeCodePoint(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}
