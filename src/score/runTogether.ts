/**
 * A count printed with a leading zero ("02", "０７") is not how forms print numbers: two pieces run together (a
 * page number glued to a value, a blank and a 0): the digits admit another reading. So do digits of two widths.
 */
export function runTogether(raw: string): boolean {
  if (/(?:^|[^0-9０-９.．])[0０][0-9０-９]/u.test(raw)) return true;
  // The same with the 0 printed as an OCR letter ("o2", "O2"), not after another digit or letter of the number.
  if (/(?:^|[^0-9０-９.．OoIl〇])[Oo〇][0-9０-９]/u.test(raw)) return true;
  // Full-width and ASCII digits in one number ("１９2"): one program prints a number in one width, so these are
  // two pieces run together (a page number after a full-width value).
  return /[0-9]/u.test(raw) && /[０-９]/u.test(raw);
}
