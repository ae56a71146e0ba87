import { readNumericCell } from '../normalise/readNumericCell.ts';

/** A number printed in a text, as the field's unit reads it. */
export interface PrintedNumber {
  /** Span in the text searched (end exclusive). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The value in the field's unit ("251000元" → 25.1 for a field in 万元; "+5" → 5; "1O" → 10). */
  readonly value: number;
}

// A run of digits (full-width too), OCR letters for digits, separators, a leading sign and a money unit.
const RUN = /[+\-＋－]?[0-9０-９OoIl〇][0-9０-９OoIl〇.,，．]*(?:[ \u3000]?(?:亿元|万元|元))?/gu;
const REAL_DIGIT = /[0-9０-９]/u;
const ASCII_LETTER = /[A-Za-z]/u;
const THOUSANDS = /^[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?:[.．][0-9０-９]+)?$/u;
const ORDINAL = /^(?:[1-9]|1[0-9]|20)$/u;
const LEADING_ZERO = /^[+\-＋－]?[0０][0-9０-９OoIl〇]/u;
const AFTER_GLUED_ORDINAL = /^[.．、]\s*[\u4e00-\u9fff（(]/u;

/**
 * Every number printed in `text`, read the way the parser reads a cell (readNumericCell, in `unit`). Tokens are
 * whole: the 2 of "2020年" is not a printed 2, and a run with a leading zero ("0000000", cells run together)
 * is no number at all. Two readings are added where layouts make them necessary: the
 * pieces of a comma-separated list ("28,1,0"), and a value glued to the next row's ordinal ("件131.当面…" is 13
 * followed by row 1, so 131 and 13 are both offered).
 */
export function findPrintedNumbers(text: string, unit: string): PrintedNumber[] {
  const numbers: PrintedNumber[] = [];
  for (const match of text.matchAll(RUN)) {
    let start = match.index;
    let body = match[0];
    if (ASCII_LETTER.test(text[start - 1] ?? '') || ASCII_LETTER.test(text[start + body.length] ?? '')) continue;
    if (/^[+\-＋－]/u.test(body) && REAL_DIGIT.test(text[start - 1] ?? '')) {
      body = body.slice(1); // "2019-2020": a range, not a negative number
      start++;
    }
    const trimmed = body.replace(/[.,，．]+$/u, '');
    if (!REAL_DIGIT.test(trimmed)) continue;
    const pieces = /[,，]/u.test(trimmed) && !THOUSANDS.test(trimmed.replace(/^[+\-＋－]/u, '').replace(/[ \u3000]?(?:亿元|万元|元)$/u, ''))
      ? splitList(trimmed, start)
      : [{ text: trimmed, start }];
    for (const piece of pieces) addReadings(numbers, text, piece.text, piece.start, unit);
  }
  return numbers;
}

function splitList(run: string, start: number): { text: string; start: number }[] {
  const pieces: { text: string; start: number }[] = [];
  let offset = 0;
  for (const part of run.split(/[,，]/u)) {
    if (REAL_DIGIT.test(part)) pieces.push({ text: part, start: start + offset });
    offset += part.length + 1;
  }
  return pieces;
}

function addReadings(numbers: PrintedNumber[], text: string, token: string, start: number, unit: string): void {
  const end = start + token.length;
  // "0000000" or "0110" is not a printed number but cells run together: no single value can be shown by it.
  const reading = LEADING_ZERO.test(token) ? undefined : readNumericCell(token, unit);
  if (reading && reading.value !== null) numbers.push({ start, end, text: token, value: reading.value });
  if (!/^[0-9０-９]{2,}$/u.test(token) || !AFTER_GLUED_ORDINAL.test(text.slice(end))) return;
  for (const ordinalLength of [1, 2]) {
    const ordinal = token.slice(-ordinalLength).normalize('NFKC');
    const rest = token.slice(0, -ordinalLength);
    if (rest === '' || !ORDINAL.test(ordinal) || (rest.length > 1 && LEADING_ZERO.test(rest))) continue;
    const glued = readNumericCell(rest, unit);
    if (glued && glued.value !== null) numbers.push({ start, end: start + rest.length, text: rest, value: glued.value });
  }
}
