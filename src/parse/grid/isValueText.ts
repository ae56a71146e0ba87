import { readNumericCell } from '../../normalise/readNumericCell.ts';

/** Units a value cell of the new-format forms may print (count units, money in 元 or 万元). */
const PROBE_UNITS = ['件', '项', '万元', ''] as const;

/**
 * True when a cell's text is a table value rather than a label: a number in any unit the forms print, or a
 * blank mark ("", "/", "—", "-", "无").
 */
export function isValueText(text: string): boolean {
  if (text === '') return true;
  if (text.length > 24) return false;
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  let isValue = false;
  for (const unit of PROBE_UNITS) {
    if (readNumericCell(text, unit) !== undefined) {
      isValue = true;
      break;
    }
  }
  if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
  cache.set(text, isValue);
  return isValue;
}

/** Cells repeat within and across documents ("0", "/", row labels); the answer depends on the text only. */
const cache = new Map<string, boolean>();
const MAX_CACHE_ENTRIES = 20_000;

/** A unit printed as its own token after a number ("9114.72 万元" split on spaces). */
export function isUnitToken(text: string): boolean {
  return /^(?:万元|元|件|项|个|条)$/u.test(text);
}

/**
 * True when a cell's text is no value but reads like an OCR'd number: digits and Latin letters (or a bar) only,
 * a letter among them ("S" for 5, "Z" for 2, "1S", "565B"). Never a label of these forms: a row that prints one
 * among its values has a value its reader cannot read, not a blank.
 */
export function isGarbledNumber(text: string): boolean {
  const compact = text.replace(/[\s\u00a0\u3000]+/gu, '');
  // Only letters shaped like digits ("PDF", "WPS" are words).
  return compact.length > 0 && compact.length <= 12 && GARBLED_NUMBER.test(compact) && /[A-Za-z|]/u.test(compact) && !isValueText(compact);
}

/** Letters OCR makes of digits: O D Q for 0, I l i and the bar for 1, Z for 2, S for 5, b G for 6, B for 8, g q for 9. */
const DIGIT_SHAPED = 'ODQoIliZzSsbGBgq|';
const GARBLED_NUMBER = new RegExp(`^[0-9${DIGIT_SHAPED}.,，．]+$`, 'u');
const DIGIT_OR_SHAPED = new RegExp(`^[0-9〇${DIGIT_SHAPED}]$`, 'u');
const LATIN_OR_BAR = /^[A-Za-z|]$/u;

/** True for a digit or a letter shaped like one (what a bar touching it may be the OCR'd 1 beside). */
export function isDigitOrShaped(character: string): boolean {
  return DIGIT_OR_SHAPED.test(character);
}

/** True for a Latin letter or a bar touching a number: a digit OCR misread, not a unit (the forms' units are Han). */
export function isLetterBesideDigits(character: string | undefined): boolean {
  return character !== undefined && LATIN_OR_BAR.test(character);
}
