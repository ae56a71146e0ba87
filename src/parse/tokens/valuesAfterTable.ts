import type { Token, ValueToken } from './Token.ts';

/**
 * The numbers after `from` that may still be table cells: every value token but those a date in the prose after
 * the table is made of ("2021年1月12日", "2020年度"). A report ends with the date it was signed and its closing
 * sections name years: those numbers are never cells a PDF's reading order drew away from a row.
 */
export function valuesAfterTable(tokens: readonly Token[], from: number, text: string): ValueToken[] {
  return tokens.slice(from).filter((token): token is ValueToken => token.kind === 'value' && !isDatePart(token, text));
}

/** Characters a number of a date is followed by: year, month, day. */
const DATE_CHARACTERS = new Set(['年', '月', '日']);

/** A bare number directly followed (spaces aside) by 年, 月 or 日. */
function isDatePart(token: ValueToken, text: string): boolean {
  if (!/^\d{1,4}$/u.test(token.raw)) return false;
  let index = token.end;
  while (text[index] === ' ') index++;
  return DATE_CHARACTERS.has(text[index] ?? '');
}
