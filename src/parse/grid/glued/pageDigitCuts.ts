import { findPageNumbers, printedDigits, type HiddenPageNumber } from '../../../text/findHiddenPageNumbers.ts';
import { pageDebris } from './compactView.ts';

/** Digits set apart by whitespace: in text that runs its cells together, where a page number flattened in may open. */
const SPACED_DIGITS = /(?<=\s)[0-9０-９]+/gu;

/**
 * Page numbers a flattened text printed bare among its glued cells, to be read past: at a number set apart by a
 * space ("90000 209", "61007000006 51007"), the leading digits that are a page number the text should show and does
 * not, where that page's number must stand (a gap in the sequence of its page markers, findHiddenPageNumbers; or a
 * bare number counting on, findBarePageNumbers). Each span covers those leading digits; the digits after them are
 * the row's. Which spaced number is a page's and which a value opening with the same digit only the rules can tell:
 * the glued solver reads the text past these spans only for what it could not read as printed.
 */
export function pageDigitCuts(text: string): [number, number][] {
  const { hidden, bare } = findPageNumbers(text);
  if (hidden.length === 0 && bare.length === 0) return [];
  const cuts: [number, number][] = [];
  // (The page markers' own numbers, "— 3 —", are skipped with the markers.)
  const markers = pageDebris(text, 0, text.length);
  for (const match of text.matchAll(SPACED_DIGITS)) {
    const start = match.index;
    if (markers.some(([markerStart, markerEnd]) => start >= markerStart && start < markerEnd)) continue;
    const digits = printedDigits(match[0], 0, match[0].length);
    const page = [...hidden, ...bare].find((candidate) => standsAt(candidate, start) && digits.startsWith(String(candidate.page)));
    if (page) cuts.push([start, start + String(page.page).length]);
  }
  return cuts;
}

function standsAt(page: HiddenPageNumber, at: number): boolean {
  return at >= page.start && at < page.end;
}
