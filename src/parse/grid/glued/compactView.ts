/**
 * A view of part of a text with every space removed and full-width forms folded to ASCII, remembering for
 * each character where it stands in the text it was made from. Labels broken by stray spaces ("本年度办 理结果")
 * and digit runs with spaces in them ("230 000023") are read on this view; offsets go back through
 * `sourceIndex`.
 */
export interface CompactView {
  /** The folded text without whitespace; OCR letters inside digit runs read as the digits they stand for. */
  readonly text: string;
  /** `text` as printed: the same characters, except that OCR letters read as digits in `text` stay letters. */
  readonly printed: string;
  /** For each character of `text`, its index in the source string. */
  readonly sourceIndex: Int32Array;
}

/**
 * Builds the compact view of source[start, end); `skipped`: spans of the source left out besides whitespace and page
 * footers (sorted, apart: page numbers printed bare, see pageDigitCuts).
 */
export function compactView(source: string, start = 0, end = source.length, skipped: readonly (readonly [number, number])[] = []): CompactView {
  const from = Math.max(0, start);
  const to = Math.min(end, source.length);
  // Characters that fold to themselves are appended as slices of runs of the source (one string per run, not
  // one per character): this view is built over whole documents.
  const parts: string[] = [];
  const indexes = new Int32Array(Math.max(0, to - from));
  let size = 0;
  let runStart = -1;
  const debris = skipped.length === 0 ? pageDebris(source, from, to)
    : [...pageDebris(source, from, to), ...skipped.map(([spanStart, spanEnd]): [number, number] => [spanStart, spanEnd])].sort((a, b) => a[0] - b[0]);
  let nextDebris = 0;
  for (let index = from; index < to; index++) {
    const code = source.charCodeAt(index);
    while (nextDebris < debris.length && debris[nextDebris]![1] <= index) nextDebris++;
    const inDebris = nextDebris < debris.length && debris[nextDebris]![0] <= index;
    if (inDebris || isWhitespaceCode(code)) {
      if (runStart >= 0) parts.push(source.slice(runStart, index));
      runStart = -1;
      continue;
    }
    indexes[size++] = index;
    const character = source[index]!;
    const folded = foldCharacter(character);
    if (folded === character) {
      if (runStart < 0) runStart = index;
      continue;
    }
    if (runStart >= 0) parts.push(source.slice(runStart, index));
    runStart = -1;
    parts.push(folded);
  }
  if (runStart >= 0) parts.push(source.slice(runStart, to));
  const printed = parts.join('');
  return { text: readOcrDigits(printed), printed, sourceIndex: indexes.slice(0, size) };
}

/**
 * Page footers a flattened text carries between cells ("- 3 -", "— 4 —", "第5页", "第5页共9页"): skipped like
 * whitespace, since glued to the digits beside them they would add digits to a cell's run. A bare page number
 * cannot be told from a value and stays. An ASCII dash pair needs spaces inside ("- 3 -"): "-3-4" is two
 * negative changes run together.
 */
const PAGE_DEBRIS = /[—─]\s*\d{1,3}\s*[—─]|[-–－]\s+\d{1,3}\s+[-–－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?/gu;

/** The page footers compactView skips in source[from, to) (PAGE_DEBRIS), as spans. */
export function pageDebris(source: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  const text = source.slice(from, to);
  if (!/[—─\-–－页]/u.test(text)) return spans;
  for (const match of text.matchAll(PAGE_DEBRIS)) spans.push([from + match.index, from + match.index + match[0].length]);
  return spans;
}

/** The characters /[\s\u00a0\u3000\u200b\ufeff]/u matches (Unicode \s plus the zero-width space), by code. */
function isWhitespaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Letters OCR puts where a digit was printed (as readNumericCell repairs them inside a numeric cell). */
const OCR_DIGITS: Readonly<Record<string, string>> = { O: '0', o: '0', '〇': '0', l: '1', I: '1' };

/**
 * Reads OCR letters as digits inside a glued digit run ("134400000l74", "0O0O00O"): a maximal run of digits
 * and O/o/〇/l/I that holds at least one digit and touches no other Latin letter (so "OA系统", "LED屏",
 * "gov.cn" stay as they are). Same length as the input, so every offset holds.
 */
function readOcrDigits(text: string): string {
  if (!/[Oo〇lI]/u.test(text)) return text;
  return text.replace(/(?<![A-Za-z])[0-9Oo〇lI]+(?![A-Za-z])/gu, (run) =>
    (/[0-9]/u.test(run) ? run.replace(/[Oo〇lI]/gu, (letter) => OCR_DIGITS[letter]!) : run));
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
