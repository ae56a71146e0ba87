/**
 * A view of part of a text with every space removed and full-width forms folded to ASCII, remembering for
 * each character where it stands in the text it was made from. Labels broken by stray spaces ("本年度办 理结果")
 * and digit runs with spaces in them ("230 000023") are read on this view; offsets go back through
 * `sourceIndex`.
 */
export interface CompactView {
  /** The folded text without whitespace. */
  readonly text: string;
  /** For each character of `text`, its index in the source string. */
  readonly sourceIndex: Int32Array;
}

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]/u;

/** Builds the compact view of source[start, end). */
export function compactView(source: string, start = 0, end = source.length): CompactView {
  const characters: string[] = [];
  const indexes: number[] = [];
  for (let index = Math.max(0, start); index < Math.min(end, source.length); index++) {
    const character = source[index]!;
    if (WHITESPACE.test(character)) continue;
    characters.push(foldCharacter(character));
    indexes.push(index);
  }
  return { text: characters.join(''), sourceIndex: Int32Array.from(indexes) };
}

/** Folds one character: full-width ASCII forms to ASCII, curly quotes to straight ones. */
export function foldCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (character === '“' || character === '”' || character === '„' || character === '〝' || character === '〞') return '"';
  if (character === '‘' || character === '’') return "'";
  if (character === '−' || character === '–' || character === '－') return '-';
  return character;
}

/** Folds a whole label the way compactView folds text (spaces dropped). */
export function foldLabel(label: string): string {
  return compactView(label).text;
}

/** The source span [start, end) of compact characters [from, to). */
export function sourceSpan(view: CompactView, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < view.text.length ? view.sourceIndex[from]! : (view.sourceIndex[view.text.length - 1] ?? -1) + 1;
    return { start: at, end: at };
  }
  return { start: view.sourceIndex[from]!, end: view.sourceIndex[to - 1]! + 1 };
}
