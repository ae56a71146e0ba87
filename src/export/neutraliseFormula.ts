/** Characters that make a spreadsheet read a text cell as a formula (or start a DDE payload). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A signed number as printed ("-3", "+12", "-1,234.5", "-20%"): a spreadsheet reads it as that number, never
 * as a formula, so it is written as printed.
 */
const SIGNED_NUMBER = /^[+-]\d{1,3}(?:,\d{3})*(?:\.\d+)?%?$|^[+-]\d+(?:\.\d+)?%?$/;

/**
 * Neutralises formula injection in a CSV text cell: text that a spreadsheet would run as a formula (starting
 * with = + - @, tab or CR, except a plain signed number) gets a leading apostrophe, which spreadsheets show as
 * text. Only CSV needs this: an XLSX string cell is never a formula.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text) ? `'${text}` : text;
}
