import { foldLabel } from '../glued/compactView.ts';

/** One piece of a line-oriented text: label text, a printed number, or a page footer. */
export interface LineToken {
  readonly kind: 'text' | 'number' | 'footer';
  /** The printed characters (a number keeps its unit suffix: "9114.72万元"). */
  readonly text: string;
  /** Offsets in the text the tokens were made from. */
  readonly start: number;
  readonly end: number;
  /** Index of the line the token is on. */
  readonly line: number;
}

const FOOTER_PATTERNS: readonly RegExp[] = [
  /^[-—–－─]\s*\d{1,3}\s*[-—–－─]$/u,
  /^第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$/u,
  /^\d{1,3}\s*\/\s*\d{1,3}$/u,
];
// OCR reads 0 and 1 as letters ("o", "O", "l", "I"): a number may hold them. readNumericCell repairs them and says so.
/** A line that is only a page footer a print adds ("- 3 -", "第 3 页", "3/5"). */
export function isFooterLine(line: string): boolean {
  return FOOTER_PATTERNS.some((pattern) => pattern.test(line.trim()));
}

const NUMBER = /[+-]?[\dOoIl]+(?:\.[\dOoIl]+)?(?:\s*(?:万元|元))?/uy;
const LINE_BREAK = /\r\n|\r|\n/gu;

/**
 * Cuts text[from, to) into line tokens: a line holding only numbers ("21", "0 0 0", "7730.28") gives one number
 * token per number, a page footer ("- 3 -", "第 3 页") one footer token, any other non-empty line one text token
 * (its characters folded, spaces dropped). Empty lines give nothing.
 */
export function lineTokens(text: string, from = 0, to = text.length): LineToken[] {
  const tokens: LineToken[] = [];
  let lineStart = from;
  let line = 0;
  const breaks = new RegExp(LINE_BREAK.source, 'gu');
  breaks.lastIndex = from;
  for (;;) {
    const match = breaks.exec(text);
    const lineEnd = match && match.index < to ? match.index : to;
    readLine(text, lineStart, lineEnd, line, tokens);
    if (!match || match.index >= to) break;
    lineStart = match.index + match[0].length;
    line++;
  }
  return withLoneOcrOnes(tokens);
}

/**
 * A line holding only "I" or "l" between two lines of numbers is an OCR-read 1 among a column's numbers (alone
 * elsewhere it is as likely a stray mark): it becomes a number token, which readNumericCell repairs and says so.
 */
function withLoneOcrOnes(tokens: LineToken[]): LineToken[] {
  return tokens.map((token, index) => (
    token.kind === 'text' && /^[Il]$/u.test(token.text)
      && tokens[index - 1]?.kind === 'number' && tokens[index + 1]?.kind === 'number'
      ? { ...token, kind: 'number' }
      : token
  ));
}

function readLine(text: string, start: number, end: number, line: number, tokens: LineToken[]): void {
  const raw = text.slice(start, end);
  const folded = foldLabel(raw);
  if (folded === '') return;
  const leading = raw.length - raw.trimStart().length;
  const trimmedStart = start + leading;
  const trimmedEnd = start + raw.trimEnd().length;
  if (isFooterLine(raw)) {
    tokens.push({ kind: 'footer', text: folded, start: trimmedStart, end: trimmedEnd, line });
    return;
  }
  const numbers = numbersOnly(text, trimmedStart, trimmedEnd);
  if (numbers) {
    for (const [numberStart, numberEnd] of numbers) {
      tokens.push({ kind: 'number', text: foldLabel(text.slice(numberStart, numberEnd)), start: numberStart, end: numberEnd, line });
    }
    return;
  }
  tokens.push({ kind: 'text', text: folded, start: trimmedStart, end: trimmedEnd, line });
}

/** The spans of the numbers of a line made only of numbers separated by spaces; undefined otherwise. */
function numbersOnly(text: string, start: number, end: number): [number, number][] | undefined {
  const spans: [number, number][] = [];
  const pattern = new RegExp(NUMBER.source, 'uy');
  let position = start;
  while (position < end) {
    const character = text[position]!;
    if (/[\s\u00a0\u3000]/u.test(character)) {
      position++;
      continue;
    }
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match || position + match[0].length > end) return undefined;
    const after = text[position + match[0].length];
    if (position + match[0].length < end && after !== undefined && !/[\s\u00a0\u3000]/u.test(after)) return undefined;
    // Letters alone are a number only where OCR makes one of them: a lone "o"/"O" (0), or two letters or more ("IO"
    // = 10); a lone "l" or "I" is as likely a stray mark.
    if (!/\d/u.test(match[0]) && !/^(?:[oO]|[OoIl]{2,})$/u.test(match[0].replace(/\s*(?:万元|元)$/u, ''))) return undefined;
    spans.push([position, position + match[0].length]);
    position += match[0].length;
  }
  return spans.length > 0 ? spans : undefined;
}
