import { lastWord, textsBefore } from './placeByColumnLabels.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { Token } from './Token.ts';

/**
 * A number then a mark that parts a sentence's cells: "71、" of "自然人71、商业企业"; or a number an OCR printed with a
 * letter for its first digit ("其他结果O、", "总计l。"), which the tokeniser left in the words (read with its repair).
 */
const NUMBER_THEN_MARK = /\d{1,9}(?=[、，,;；])|(?<ocr>[OoIl〇][0-9OoIl〇]{0,5})(?=[、，,;；。]|$)/gu;
/** Most text tokens joined when the names around a number are read (a name a line wrap cut: "法⏎律服务机构"). */
const MAX_JOINED = 3;

/**
 * Values the tokeniser took for row ordinals in a row written as a sentence with 、 between its cells ("自然人71、商业
 * 企业3、科研机构0": "71、" reads as an ordinal run into a label, as "3、其他" may be one), or left in the words as an
 * OCR'd letter ("其他结果O、尚未审结0"). Where the words before a number end in a column's name and the words after its
 * mark begin with another's (or, for an OCR'd number, end the row), the number is the first column's value: it becomes
 * a value token again. An ordinal after a value or a full stop ("…总计0。3、其他") stays.
 */
export function splitNamedValues(tokens: readonly Token[], skeleton: readonly SkeletonRow[]): Token[] {
  const names = columnNames(skeleton);
  const endsInName = (text: string) => { const word = lastWord(text); return [...names].some((name) => word.endsWith(name)); };
  const startsWithName = (text: string) => { const word = text.replace(/^[\s、，,;；]+/u, ''); return [...names].some((name) => word.startsWith(name)); };
  const textAfter = (index: number): string => {
    let text = '';
    for (let at = index + 1; at < Math.min(tokens.length, index + 1 + MAX_JOINED); at++) {
      const token = tokens[at]!;
      if (token.kind !== 'text') break;
      text += token.text;
    }
    return text;
  };
  const out: Token[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.kind !== 'text') {
      out.push(token);
      continue;
    }
    let from = 0;
    for (const match of token.text.matchAll(NUMBER_THEN_MARK)) {
      const at = match.index;
      const before = `${at === 0 ? textsBefore(tokens, index) : ''}${token.text.slice(0, at)}`;
      const after = `${token.text.slice(at + match[0].length)}${textAfter(index)}`;
      // An OCR'd number may end the row's last cell ("总计O。"); a number never does (it would be a value token).
      const lastCell = match.groups?.ocr !== undefined && /^[。\s]*$/u.test(token.text.slice(at + match[0].length));
      if (!endsInName(before) || !(startsWithName(after) || lastCell)) continue;
      if (at > from) out.push({ kind: 'text', text: token.text.slice(from, at), start: token.start + from, end: token.start + at, line: token.line });
      out.push({ kind: 'value', raw: match[0], start: token.start + at, end: token.start + at + match[0].length, line: token.line, inCell: false, ordinalTail: false, glued: false, afterWords: true });
      from = at + match[0].length;
    }
    if (from === 0) out.push(token);
    else if (from < token.text.length) out.push({ kind: 'text', text: token.text.slice(from), start: token.start + from, end: token.end, line: token.line });
  }
  return out;
}

const cache = new WeakMap<readonly SkeletonRow[], ReadonlySet<string>>();

/** Every column name of a section's rows (two characters or more). */
function columnNames(skeleton: readonly SkeletonRow[]): ReadonlySet<string> {
  const cached = cache.get(skeleton);
  if (cached) return cached;
  const names = new Set(skeleton.flatMap((row) => row.columnKeys.flatMap((keys) => [...keys])).filter((name) => name.length >= 2));
  cache.set(skeleton, names);
  return names;
}
