/** Relative tolerance within which two values are the same number (万元 amounts carry six decimals). */
const RELATIVE_TOLERANCE = 1e-6;
/** Longest quote written into an issue or a rejection reason. */
const QUOTE_LIMIT = 40;

/** True when a model's value and another reading are the same number (both blank counts as the same). */
export function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A value as issue sentences write it: the number, or "blank". */
export function showValue(value: number | null): string {
  return value === null ? 'blank' : String(value);
}

/** A quote for an issue sentence: whitespace flattened, cut at 40 characters with "…". */
export function clipQuote(text: string): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT)}…` : flat;
}
