import { MappedTextBuilder, type MappedText } from '../text/MappedText.ts';
import { findPageArtefacts } from './findPageArtefacts.ts';
import { foldCharacters } from './foldCharacters.ts';
import { joinStackedDigits } from './joinStackedDigits.ts';

/**
 * Normalises rendered text for parsing, keeping the offset map: full-width digits, letters and punctuation
 * to ASCII, U+3000 to two spaces, no-break spaces to spaces, spaces inside Chinese words removed (统 计 指 标),
 * page footers (— 3 —, 第 3 页) cut, page numbers cut into running text removed so the word rejoins, and
 * list-table header rows repeated at page breaks cut (the first kept), and numbers a narrow cell wrapped over lines
 * of display-column text joined on their row's line (joinStackedDigits). Everything else is kept as it is.
 */
export function normaliseText(view: MappedText): MappedText {
  // Stacked digits first: folding removes the spaces inside spaced-out labels, which moves a row line's display columns.
  const folded = foldCharacters(joinStackedDigits(view));
  const cuts = findPageArtefacts(folded.text);
  if (cuts.length === 0) return folded;
  const builder = new MappedTextBuilder(folded);
  let copiedTo = 0;
  for (const cut of cuts) {
    builder.copy(copiedTo, cut.start);
    // A footer line leaves the page break it marked (a form feed, as pdftotext prints one): the empty lines around it
    // are the break's, not blank cells of a table printed one cell per line.
    if (cut.reason === 'page-footer' && !folded.text.slice(cut.end, cut.end + 3).includes('\f')) builder.replace(cut.start, cut.end, '\f');
    copiedTo = cut.end;
  }
  builder.copy(copiedTo, folded.text.length);
  return builder.build();
}
