import type { MappedText } from '../../text/MappedText.ts';
import type { RowReadings } from './placeRowValues.ts';
import { placedValues } from './placedValues.ts';
import type { Token } from './Token.ts';

/** A number a page's: one or two digits, not opening with 0, full-width digits too. */
const PAGE_LIKE = /^[1-9１-９][0-9０-９]?$/u;

/**
 * The short numbers a row's one reading left out of its run as too many for its cells ("四、结转下年度继续办理 0 3 0 0 0 0
 * 0 0", one value too many, its 3 dropped): page numbers flattened into the row, most likely, and the pages around them
 * printed theirs somewhere near, perhaps run into a value (findPageNumbers' stray numbers). Spans in the decoded text.
 * Seed 4845, variant 1928: page 3 dropped here, page 2 run onto a value of section 二 ("行政事业性收费 212 0" for 21 | 0)
 * had nothing to place it.
 */
export function numbersDropped(run: readonly Token[], placed: RowReadings, view: MappedText): { start: number; end: number }[] {
  if (!placed.subset || placed.readings.length !== 1) return [];
  const used = new Set(placedValues(run, placed.readings));
  return run.flatMap((token) => (token.kind === 'value' && !used.has(token) && !token.ordinalTail && PAGE_LIKE.test(token.raw) ? [view.toOriginal(token.start, token.end)] : []));
}
