import { MappedTextBuilder, type MappedText } from '../text/MappedText.ts';

/**
 * Characters that print nothing: the soft hyphen a crawled page's &shy; leaves (even inside a number, "262&shy;9"),
 * zero-width spaces and joiners, the word joiner and a byte-order mark inside the text.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;

/**
 * Drops the characters that print nothing, mapped back to the decoded text. The normaliser drops them too
 * (foldCharacters); this runs before the readers of comma-separated rows, whose fields must look as printed:
 * a number with a soft hyphen inside ("30&shy;4") is no number to them, and a CSV left unread leaves its rows to
 * readers that count cells (seed 7 soft-hyphens: a blank cell read as the next row's number, 4 wrong values).
 */
export function dropInvisibleCharacters(view: MappedText): MappedText {
  const text = view.text;
  if (text.search(INVISIBLE) < 0) return view;
  const builder = new MappedTextBuilder(view);
  let copiedTo = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    builder.copy(copiedTo, match.index);
    builder.replace(match.index, match.index + 1, '');
    copiedTo = match.index + 1;
  }
  builder.copy(copiedTo, text.length);
  return builder.build();
}
