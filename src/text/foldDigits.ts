/** Full-width digits as ASCII ("３" for 3): readers compare what they read, not how it was printed. */
export function foldDigits(digits: string): string {
  return digits.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}
