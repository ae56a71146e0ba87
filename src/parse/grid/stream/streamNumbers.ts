import { foldDigits } from '../../../text/foldDigits.ts';
import { isFooterLine } from '../columnOrder/lineTokens.ts';

/** One number printed in a section's text, with where it stands among the lines. */
export interface StreamNumber {
  /** The digits as printed (ASCII or full-width). */
  readonly text: string;
  /** Offsets in the text the numbers were read from. */
  readonly start: number;
  readonly end: number;
  /** Index of the line it is on, counted from the start of the stretch read. */
  readonly line: number;
  /** Nothing but spaces stands before it on its line. */
  readonly firstOnLine: boolean;
  /** Nothing but spaces stands after it on its line. */
  readonly lastOnLine: boolean;
  /** Alone on a line beside a page break (a form feed opens its line or the next): maybe the page's number. */
  readonly pageEdge: boolean;
  /** A letter OCR reads for a 0 ("O", "ｏ", "〇"), printed as a piece of its own: 0, never part of a wrapped number. */
  readonly ocrZero: boolean;
}

const LINE_BREAK = /\r\n|\r|\n/u;
const PIECE = /[^\s\f]+/gu;
const DIGITS = /^[0-9０-９]+$/u;
/** A piece that is one letter OCR puts for a 0 (readNumericCell reads it so alone in a cell). */
const OCR_ZERO = /^[OoＯｏ〇]$/u;

/**
 * The numbers of text[from, to) in reading order: every piece between spaces made only of digits, and every piece
 * that is a lone OCR'd 0 ("Ｏ" among the zeros of a scanned table: left out, it leaves the stream a number short and
 * the section unread). Pieces that hold anything else (an ordinal "1.", a label run into a number "数量0", a
 * decimal) are words, whatever digits they hold: a reader that accounts for every number must not take part of a
 * word for one. Page footer lines are dropped.
 */
export function streamNumbers(text: string, from: number, to: number): StreamNumber[] {
  const numbers: StreamNumber[] = [];
  const lines: { text: string; start: number }[] = [];
  const breaks = new RegExp(LINE_BREAK.source, 'gu');
  breaks.lastIndex = from;
  for (let lineStart = from; ;) {
    const match = breaks.exec(text);
    const lineEnd = match && match.index < to ? match.index : to;
    lines.push({ text: text.slice(lineStart, lineEnd), start: lineStart });
    if (!match || match.index >= to) break;
    lineStart = match.index + match[0].length;
  }
  const pageBreakAt = lines.map((line) => line.text.includes('\f'));
  lines.forEach((line, lineIndex) => {
    if (isFooterLine(line.text.replace(/\f/gu, ''))) return;
    const pieces = [...line.text.matchAll(PIECE)];
    pieces.forEach((piece, pieceIndex) => {
      const ocrZero = OCR_ZERO.test(piece[0]);
      if (!ocrZero && !DIGITS.test(piece[0])) return;
      const alone = pieces.length === 1;
      numbers.push({
        text: piece[0],
        start: line.start + piece.index,
        end: line.start + piece.index + piece[0].length,
        line: lineIndex,
        firstOnLine: pieceIndex === 0,
        lastOnLine: pieceIndex === pieces.length - 1,
        pageEdge: alone && (pageBreakAt[lineIndex] === true || pageBreakAt[lineIndex + 1] === true),
        ocrZero,
      });
    });
  });
  return numbers;
}

/** The value of a number's digits, full-width or not (a lone OCR'd 0 is 0). */
export function digitsValue(digits: string): number {
  return OCR_ZERO.test(digits) ? 0 : Number(foldDigits(digits));
}
