import { MappedText, MappedTextBuilder } from '../text/MappedText.ts';

/**
 * Folds characters to the forms the parsers read, one for one wherever possible so offsets stay exact:
 * full-width ASCII forms (U+FF01–FF5E: （）：０-９＋－) to ASCII; no-break and other fixed-width spaces to a
 * space; zero-width characters and soft hyphens dropped; U+3000 (the ideographic space, two columns wide) to two spaces, as
 * crawlers use pairs of it to separate table cells; box-drawing characters to the ASCII grid (BOX_HORIZONTALS). A single space (or U+3000) between two Chinese
 * characters is letter-spacing inside a word (统 计 指 标, 结 果 维 持) and is removed; spaces next to digits,
 * runs of spaces, tabs and line breaks are kept ("0 0 0" stays three cells).
 */
export function foldCharacters(view: MappedText): MappedText {
  const text = view.text;
  const builder = new MappedTextBuilder(view);
  let runStart = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xa0 && code !== 32) continue;
    const folded = foldedCharacter(text, index, code);
    if (folded === undefined) continue;
    builder.copy(runStart, index);
    if (folded.length > 0) builder.replace(index, index + 1, folded);
    runStart = index + 1;
  }
  builder.copy(runStart, text.length);
  return builder.build();
}

/** What the character at `index` becomes, or undefined when it stays as it is. Handles ' ' too. */
function foldedCharacter(text: string, index: number, code: number): string | undefined {
  if (code === 32) return isLetterSpacing(text, index) ? '' : undefined;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f) {
    if (isLetterSpacing(text, index)) return '';
    return code === 0x3000 ? '  ' : ' ';
  }
  // (With the soft hyphen a crawled page's &shy; leaves, even inside a number: "262&shy;9" is 2629.)
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || code === 0xad) return '';
  if (code >= 0x2500 && code <= 0x257f) return BOX_HORIZONTALS.has(code) ? '-' : BOX_VERTICALS.has(code) ? '|' : '+';
  return undefined;
}

/**
 * Tables drawn with box-drawing characters (U+2500–257F), as text exports of Word and WPS tables print them
 * (┌──┬──┐ / │ 规章 │ 0 │ / ├──┼──┤), fold to the ASCII grid of console tools (+--+--+ / | 规章 | 0 |): a stroke
 * that is only horizontal (─ ━ ═ and their dashed forms) to a dash, only vertical (│ ┃ ║ …) to a bar, a junction or a
 * corner to a cross. A border then reads as a rule line, a row as bar-separated cells; crosses keep borders apart
 * from markdown separator rows, whose bar count says how many cells the rows under them have (a drawn table's
 * borders follow each row's own cells).
 */
const BOX_HORIZONTALS = new Set([0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254c, 0x254d, 0x2550, 0x2574, 0x2576, 0x2578, 0x257a, 0x257c, 0x257e]);
const BOX_VERTICALS = new Set([0x2502, 0x2503, 0x2506, 0x2507, 0x250a, 0x250b, 0x254e, 0x254f, 0x2551, 0x2575, 0x2577, 0x2579, 0x257b, 0x257d, 0x257f]);

/** A lone space character with a Chinese character (or CJK punctuation) on both sides. */
function isLetterSpacing(text: string, index: number): boolean {
  return isChinese(text.charCodeAt(index - 1)) && isChinese(text.charCodeAt(index + 1));
}

/** Han ideographs and the CJK punctuation that sits inside running text (、。《》“” and full-width ，：；（）). */
export function isChinese(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3001 && code <= 0x303f) ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0xff0c ||
    code === 0xff1a ||
    code === 0xff1b ||
    code === 0xff08 ||
    code === 0xff09
  );
}
