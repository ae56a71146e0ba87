/** Characters that make a spreadsheet read a text cell as a formula (or start a DDE payload). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises formula injection in a text cell: text starting with = + - @, tab or CR gets a leading
 * apostrophe, which spreadsheets show as text. Numbers are never passed here: -3 stays the number -3.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
