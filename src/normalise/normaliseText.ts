import type { MappedText } from '../text/MappedText.ts';

/**
 * Normalises rendered text for parsing, keeping the offset map: full-width digits, letters and punctuation
 * to half-width, spaces inside Chinese labels removed, page footers and repeated header rows cut, page-number
 * debris removed.
 * STUB: replaced by the normalise stage.
 */
export function normaliseText(view: MappedText): MappedText {
  return view;
}
