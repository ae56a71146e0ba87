// Loads pdf.js's worker half (legacy build) for reading text only, with three changes to its source that make
// reading a report two to three times as fast and give the same text items (measured: bench/pdfBenchmark.ts; the
// same items on every PDF fixture: pdfjsForText.test.ts). Plain JavaScript: it runs in the reading thread
// (pdfTextWorker.mjs), which gets no TypeScript loader.
//
// Each change is an exact piece of pdf.js's source and its replacement. When any piece is not found exactly
// once (another pdf.js version), none is applied and pdf.js is loaded as published: slower, never different.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/**
 * A TrueType font program inside a composite (CID) font whose text comes from the PDF's own ToUnicode map is
 * not converted. pdf.js rebuilds every embedded font as an OpenType file for the browser to draw with
 * (checkAndRepair: every glyph's outline sanitised, tables rewritten), which was half the reading time of a
 * Word-made report (CJK subsets keep tens of thousands of glyph slots). Reading text never draws, and for
 * such a font the text does not depend on the conversion: a character's Unicode comes from the ToUnicode
 * map, its advance from the PDF's /W widths, and the conversion changes neither (it rewrites ToUnicode only
 * for simple fonts, the font matrix only for CFF outlines). What it does change is drawing only (the glyph
 * mapping, ascent, descent). The conditions keep every case where it could matter on pdf.js's own path:
 * simple fonts, CFF outlines, vertical writing (its fallback substitutes vertical forms), an identity or
 * missing ToUnicode map, fonts named like a standard font (its fallback for a damaged file maps their glyphs
 * to standard codes), and a file whose table directory lacks a table pdf.js requires (it would fail and
 * fall back).
 */
const SKIP_FONT_CONVERSION = {
  name: 'skip font conversion for text',
  find: `        case "CIDFontType2":
          this.mimetype = "font/opentype";
          data = this.checkAndRepair(name, file, properties);`,
  replace: `        case "CIDFontType2":
          this.mimetype = "font/opentype";
          data = gongkaiTextNeedsNoConversion(type, name, file, properties) ? undefined : this.checkAndRepair(name, file, properties);`,
};

/** The test above, added to pdf.js's module scope (it uses pdf.js's own name tables and ToUnicode class). */
const TEXT_NEEDS_NO_CONVERSION = `
function gongkaiTextNeedsNoConversion(type, name, file, properties) {
  if (type !== "CIDFontType2" || !properties.composite || properties.vertical) return false;
  if (!properties.hasIncludedToUnicodeMap || properties.toUnicode instanceof IdentityToUnicodeMap) return false;
  const fontName = normalizeFontName(name);
  const stdFontMap = getStdFontMap(), nonStdFontMap = getNonStdFontMap();
  if (stdFontMap[fontName] || nonStdFontMap[fontName] || /Symbol|Dingbats/i.test(fontName)) return false;
  const header = file.peekBytes(12);
  if (header.length < 12) return false;
  const version = (header[0] << 24 | header[1] << 16 | header[2] << 8 | header[3]) >>> 0;
  if (version !== 0x00010000 && version !== 0x74727565) return false;
  const numTables = header[4] << 8 | header[5];
  const directory = file.peekBytes(12 + 16 * numTables);
  if (directory.length < 12 + 16 * numTables) return false;
  const tags = new Set();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    tags.add(String.fromCharCode(directory[at], directory[at + 1], directory[at + 2], directory[at + 3]));
  }
  return !tags.has("CFF ") && ["glyf", "loca", "head", "hhea", "maxp"].every(tag => tags.has(tag));
}
`;

/**
 * pdf.js copies its text state by making the copy inherit from the state it copies (Object.create(this)), then
 * copying every field onto it. Every field is the copy's own, so the chain is never read; but each copy gives
 * V8 a new prototype, which made the text code megamorphic (a sixth of the reading time). Copies now inherit
 * from TextState.prototype: the same fields, the same methods.
 */
const FLAT_TEXT_STATE_CLONE = {
  name: 'flat text state copy',
  find: `  clone() {
    const clone = Object.assign(Object.create(this), this);
    clone.textMatrix = this.textMatrix.slice();
    clone.textLineMatrix = this.textLineMatrix.slice();
    clone.fontMatrix = this.fontMatrix.slice();
    return clone;
  }`,
  replace: `  clone() {
    const clone = Object.assign(Object.create(TextState.prototype), this);
    clone.textMatrix = this.textMatrix.slice();
    clone.textLineMatrix = this.textLineMatrix.slice();
    clone.fontMatrix = this.fontMatrix.slice();
    return clone;
  }`,
};

/**
 * FlateDecode streams are inflated by pdf.js's own synchronous inflater. pdf.js 5 marks them asynchronous and
 * sends each through the web DecompressionStream (in Node: zlib on the thread pool behind web streams, a hop
 * and several promises per chunk), falling back to its own inflater for any stream zlib refuses (a bad
 * checksum, a truncated end). Both give the same bytes for a sound stream and the fallback already handles
 * the rest; the own inflater read the fixtures in about two thirds of the CPU time. (Brotli streams keep
 * pdf.js's way.)
 */
const SYNCHRONOUS_INFLATE = {
  name: 'synchronous inflate',
  find: `class FlateStream extends DecodeStream {
  #isAsync = true;`,
  replace: `class FlateStream extends DecodeStream {
  #isAsync = false;`,
};

/** Where the added function goes: right before pdf.js's single export. */
const EXPORT_LINE = {
  name: 'module export',
  find: `\nexport { WorkerMessageHandler };\n`,
  replace: `\n${TEXT_NEEDS_NO_CONVERSION}\nexport { WorkerMessageHandler };\n`,
};

export const PDFJS_TEXT_PATCHES = [SKIP_FONT_CONVERSION, FLAT_TEXT_STATE_CLONE, SYNCHRONOUS_INFLATE, EXPORT_LINE];

/** How many times `part` occurs in `text`. */
function occurrences(text, part) {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

/**
 * The source with every patch applied, or undefined (with the names of the patches that do not fit) when
 * any piece is missing or not unique.
 */
export function patchPdfjsWorkerSource(source) {
  const unfit = PDFJS_TEXT_PATCHES.filter((patch) => occurrences(source, patch.find) !== 1).map((patch) => patch.name);
  if (unfit.length > 0) return { source: undefined, unfit };
  let patched = source;
  for (const patch of PDFJS_TEXT_PATCHES) patched = patched.replace(patch.find, () => patch.replace);
  // Its source map is named relative to the file; imported from a data: URL it would not resolve, and Node
  // with source maps on (tsx) refuses the module for it.
  patched = patched.replace(/^\/\/# sourceMappingURL=.*$/mu, '');
  return { source: patched, unfit };
}

/**
 * Imports pdf.js's worker module from `workerFile`: patched for text (see above) unless `patch` is false or
 * the patches do not fit this pdf.js, then as published. Returns the module and whether it is patched.
 */
export async function importPdfjsWorker(workerFile, { patch = true } = {}) {
  if (patch) {
    const { source } = patchPdfjsWorkerSource(await readFile(workerFile, 'utf8'));
    if (source !== undefined) {
      // Stack traces name the published file (the patches keep its line numbers), not a 3 MB data: URL.
      const named = `${source}\n//# sourceURL=${pathToFileURL(workerFile).href}?patched-for-text\n`;
      return { module: await import(`data:text/javascript;base64,${Buffer.from(named).toString('base64')}`), patched: true };
    }
  }
  return { module: await import(pathToFileURL(workerFile).href), patched: false };
}
