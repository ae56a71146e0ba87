/** A run of glued cell characters found after a row label on the compact view. */
export interface GluedRun {
  /** Compact offsets of the run. */
  readonly start: number;
  readonly end: number;
  /** The run's characters (digits, and signs and decimal points where the row takes them). */
  readonly text: string;
  /** A money unit printed right after the run ("元", "万元"), which belongs to its last cell. */
  readonly unit?: string;
  /** True when more digits follow the run before the next word: the cells are set apart by marks, not glued. */
  readonly moreDigitsAfter: boolean;
}

/** A row ordinal of the forms: "（六）", "四、", "2.其他" (a digit ordinal only before a word). */
const ROW_ORDINAL = /[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、．]\p{Script=Han}/u;

/** How far after a label (compact characters) its digits may start: the rest of a long label fits. */
const MAX_GAP = 60;

/**
 * Reads the digit run of a row from compact text[from, to), where `from` is the end of the row's label and
 * `to` the start of the next row's label. The next row's ordinal, when glued onto the digits ("00000002.其他
 * 法律…"), is cut off first. `allowSignsAndDecimals` lets "+5", "-3" and "9116.36" through (section 二).
 */
export function readGluedRun(
  text: string,
  from: number,
  to: number,
  nextOrdinal: string | undefined,
  allowSignsAndDecimals: boolean,
  /**
   * The ordinal of the form's next row when its label was not found (an OCR-mangled "2.其他法律行玫…"): glued to the
   * digits ("00000002.其他…") it is cut off as well, where a mark and a word follow it.
   */
  unfoundNextOrdinal?: string,
): GluedRun | undefined {
  let limit = to;
  if (nextOrdinal !== undefined) {
    const tail = text.slice(from, limit);
    const match = new RegExp(`${nextOrdinal}[.、,]$`, 'u').exec(tail);
    if (match) limit -= match[0].length;
  }
  const isRunCharacter = (character: string | undefined): boolean =>
    character !== undefined && (isDigit(character) || (allowSignsAndDecimals && (character === '.' || character === '+' || character === '-')));
  // A thousands separator: a comma after a digit and before three more ("2,985").
  const isSeparator = (index: number): boolean => text[index] === ',' && index > 0 && isDigit(text[index - 1]!) && /^\d{3}/u.test(text.slice(index + 1, index + 4));

  let start = from;
  while (start < limit && !startsNumber(text, start, allowSignsAndDecimals)) start++;
  if (start >= limit || start - from > MAX_GAP) return undefined;
  // Digits after another row's ordinal are that row's, whether or not its label was known ("5.要求行政机关确认…
  // （六）其他外理0000101": the OCR'd label of （六） found by no pattern).
  if (ROW_ORDINAL.test(text.slice(from, start))) return undefined;
  let end = start;
  while (end < limit && (isRunCharacter(text[end]) || isSeparator(end))) end++;
  while (end > start && !isDigit(text[end - 1]!)) end--;
  // Where the digits after the run begin to count as more of the row's digits: after a cut ordinal and its mark.
  let restFrom = end;
  if (unfoundNextOrdinal !== undefined && end - start > unfoundNextOrdinal.length
    && text.startsWith(unfoundNextOrdinal, end - unfoundNextOrdinal.length) && /^[.、,]\p{Script=Han}/u.test(text.slice(end, end + 2))) {
    end -= unfoundNextOrdinal.length;
  }

  let unit: string | undefined;
  if (allowSignsAndDecimals) {
    if (text.startsWith('万元', end)) unit = '万元';
    else if (text.startsWith('元', end)) unit = '元';
  }
  // Digits right after the run, before any word, mean the row's cells are set apart by marks ("12|3|4").
  let moreDigitsAfter = false;
  for (let index = restFrom; index < limit && !isIdeograph(text[index]!); index++) {
    if (isDigit(text[index]!)) {
      moreDigitsAfter = true;
      break;
    }
  }
  return { start, end, text: text.slice(start, end), ...(unit ? { unit } : {}), moreDigitsAfter };
}

function isDigit(character: string): boolean {
  return character >= '0' && character <= '9';
}

function isIdeograph(character: string): boolean {
  return /\p{Script=Han}/u.test(character);
}

function startsNumber(text: string, index: number, allowSigns: boolean): boolean {
  const character = text[index]!;
  if (isDigit(character)) return true;
  return allowSigns && (character === '+' || character === '-') && index + 1 < text.length && isDigit(text[index + 1]!);
}
