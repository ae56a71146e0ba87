/**
 * Reads a number typed by a reviewer: full-width digits and signs allowed, thousands separators ignored.
 * Returns null for an empty entry (blank) and undefined when it is not a number.
 */
export function parseTypedNumber(typed: string): number | null | undefined {
  const normalised = typed
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/＋/g, '+')
    .replace(/[．。]/g, '.')
    .replace(/[,，\s]/g, '');
  if (normalised === '') return null;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return undefined;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}
