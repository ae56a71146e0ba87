import { MappedText, MappedTextBuilder } from '../text/MappedText.ts';

/**
 * Unifies line endings: "\r\n" becomes "\n" and every bare "\r" becomes "\n" of its own. Runs of bare CRs
 * are not collapsed: in some crawler output a blank cell shows only as a longer run of CRs, so the number of
 * line breaks carries information.
 */
export function unifyLineEndings(view: MappedText): MappedText {
  const text = view.text;
  if (text.indexOf('\r') < 0) return view;
  const builder = new MappedTextBuilder(view);
  let copiedTo = 0;
  for (let index = text.indexOf('\r'); index >= 0; index = text.indexOf('\r', index + 1)) {
    builder.copy(copiedTo, index);
    if (text.charCodeAt(index + 1) === 10) {
      builder.replace(index, index + 2, '\n');
      copiedTo = index + 2;
      index++;
    } else {
      builder.replace(index, index + 1, '\n');
      copiedTo = index + 1;
    }
  }
  builder.copy(copiedTo, text.length);
  return builder.build();
}
