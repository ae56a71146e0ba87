import { LIST_UNITS } from './tokeniseListCells.ts';

/**
 * What follows a row label inside the label's own cell: nothing (the value is in cells of its own), a unit
 * and/or a value glued on ("条3965" in a table flattened into running text, " 条 3965" in a row separated
 * by spaces), the rest of the label, or something that cannot be read with certainty.
 */
export type GluedTail =
  | { readonly kind: 'none' }
  | { readonly kind: 'label-rest' }
  | {
      readonly kind: 'unreadable';
      readonly content: string;
      /** Two numbers where one value belongs ("件3 179", "4 件 0": a page number beside the value): both, in order. */
      readonly choices?: readonly TailChoice[];
    }
  | {
      readonly kind: 'cell';
      /** Printed unit, when glued on. */
      readonly unit: string | undefined;
      readonly unitEnd: number;
      /** The value as printed (digits, OCR letters, a dash), or undefined for a unit with no value after it. */
      readonly value: string | undefined;
      readonly valueStart: number;
      readonly valueEnd: number;
      /** Whitespace stood between the label or unit and the value. */
      readonly spaced: boolean;
      readonly notes: readonly string[];
    };

/** One of two numbers in a tail, one of which is the row's value. */
export interface TailChoice {
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

const UNITS = LIST_UNITS.join('|');
const PLAIN = '[0-9０-９]+';
/** A unit with two plain numbers around or after it, space between them. */
const TWO_NUMBERS = [
  new RegExp(`^(?:${UNITS})\\s*(${PLAIN})\\s+(${PLAIN})\\s*$`, 'du'),
  new RegExp(`^(${PLAIN})\\s*(?:${UNITS})\\s*(${PLAIN})\\s*$`, 'du'),
];
const VALUE = '[+\\-＋－]?[0-9０-９OoIl〇]+(?:[,，.．][0-9０-９OoIl〇]+)*';
const DASH = '[\\/\\\\／＼\\-－—―–─━ー~～]+';
const LEADING_CLOSERS = /^[\s)）\]】》」"”'’]*/u;
/** Unit, value, and the value's own unit printed after it ("万元 0 万元", "元 354441元": units inside value cells). */
/** A sentence's closing mark after a value or a blank mark (kept out of the value, as spaces so offsets hold). */
const MARK_AFTER_VALUE = new RegExp(`(?<=[0-9０-９OoIl〇]\\s*(?:${UNITS})?\\s*|${DASH}\\s*)[。；;，,](?=\\s*$)`, 'u');
const WHOLE = new RegExp(`^(${UNITS})?(\\s*)((?:${VALUE})(?:\\s*(?:${UNITS}))?|${DASH})?\\s*$`, 'u');
/** Page debris a flattened table carries between its cells: "第2页", "- 3 -", "— 3 —". */
const PAGE_DEBRIS = /第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–]/gu;
/** The characters a piece of PAGE_DEBRIS starts with. */
const DEBRIS_START = /[第\-—–]/u;
const AFTER_NOTE = new RegExp(`^([(（][^()（）]*[)）]\\s*)(${UNITS})(\\s*)(${VALUE}|${DASH})?\\s*$`, 'u');
/** The rest of a label, garbled, up to its closing bracket: "贲次）" before " 次 2". */
const AFTER_LABEL_REST = new RegExp(`^([^()（）0-9０-９]{1,12}[)）]\\s*)(${UNITS})(\\s*)(${VALUE}|${DASH})?\\s*$`, 'u');
const LEADING = new RegExp(`^(${UNITS})(\\s*)(${VALUE})(?![0-9０-９.．,，])`, 'u');
const DIGIT_OR_LETTER = /[0-9０-９A-Za-z]/u;
const DATE_AFTER = /^[年月日号\-—~～至]/u;
/** A second number after the value and a space, standing alone (not a date's year, not the next row's ordinal). */
const SECOND_NUMBER = /^\s+([0-9０-９]+)(?=\s|\p{Script=Han}|$)(?![年月日号])/u;

/**
 * Reads text[start, end) (the rest of a label's cell, up to the next row when it is glued on). `bounded` is
 * true when `end` is the start of the next row found in the same cell (flattened text): then the whole tail must
 * be unit and value. Otherwise (the last row, or a cell that simply ends) a unit and value at the start are
 * read, and what follows is noted.
 */
export function readGluedTail(text: string, start: number, end: number, bounded: boolean): GluedTail {
  const printed = text.slice(start, end);
  // Page footers are blanked out (same length, so offsets hold): they stand between a unit and its value.
  // Every piece of debris starts with 第 or a dash: most tails hold neither, and are not searched.
  const debris = DEBRIS_START.test(printed) ? [...printed.matchAll(PAGE_DEBRIS)].map((match) => match[0]) : [];
  const raw = debris.length === 0 ? printed : printed.replace(PAGE_DEBRIS, (match) => ' '.repeat(match.length));
  const lead = LEADING_CLOSERS.exec(raw)![0];
  // A row written as a sentence ends its value with a full stop or a clause mark ("…信息数 1683条。"): not the value's.
  // The mark closes the value as the next row would ("…数245条。": the digits end there).
  const closed = MARK_AFTER_VALUE.test(raw.slice(lead.length));
  const tail = raw.slice(lead.length).replace(MARK_AFTER_VALUE, (mark) => ' '.repeat(mark.length));
  if (tail.trim() === '') return { kind: 'none' };
  const base = start + lead.length;
  const spaceBefore = /\s/u.test(lead);
  const whole = WHOLE.exec(tail);
  const debrisNotes = debris.map((piece) => `page debris "${piece}" in the row left out`);
  if (whole) {
    const unit = whole[1];
    const value = whole[3];
    // Digits right after the label with neither unit nor space between: only when the next row bounds them.
    if (unit === undefined && value !== undefined && !spaceBefore && !bounded && !closed) return { kind: 'unreadable', content: tail };
    const notes = unit === undefined && value !== undefined ? ['no unit printed before the value'] : [];
    return cellAt(base, 0, unit, whole[2] ?? '', value, spaceBefore, [...notes, ...debrisNotes]);
  }
  const afterNote = AFTER_NOTE.exec(tail);
  if (afterNote) {
    return cellAt(base, afterNote[1]!.length, afterNote[2], afterNote[3] ?? '', afterNote[4], false, ['a bracketed note stood between the label and its unit', ...debrisNotes]);
  }
  const afterRest = AFTER_LABEL_REST.exec(tail);
  if (afterRest) {
    return cellAt(base, afterRest[1]!.length, afterRest[2], afterRest[3] ?? '', afterRest[4], false, [`unread label text "${afterRest[1]!.trim()}" before the unit`, ...debrisNotes]);
  }
  if (!bounded) {
    const leading = LEADING.exec(tail);
    // "人次1202019年…": digits of a date glued on cannot be told from the value's.
    if (leading && !DATE_AFTER.test(tail.slice(leading[0].length))) {
      // Another number after a space ("人次4 100 六、…"): a page number run into the unit, or the value and a page
      // number after it; which is the value only a rule can tell.
      const second = SECOND_NUMBER.exec(tail.slice(leading[0].length));
      if (second) {
        const valueAt = leading[1]!.length + (leading[2] ?? '').length;
        const secondAt = leading[0].length + second[0].length - second[1]!.length;
        return {
          kind: 'unreadable',
          content: tail.slice(0, leading[0].length + second[0].length),
          choices: [
            { raw: leading[3]!, start: base + valueAt, end: base + valueAt + leading[3]!.length },
            { raw: second[1]!, start: base + secondAt, end: base + secondAt + second[1]!.length },
          ],
        };
      }
      return cellAt(base, 0, leading[1], leading[2] ?? '', leading[3], spaceBefore, ['text follows the value in the same cell', ...debrisNotes]);
    }
  }
  if (!DIGIT_OR_LETTER.test(tail)) return { kind: 'label-rest' };
  for (const pattern of TWO_NUMBERS) {
    const match = pattern.exec(tail);
    if (!match || match.indices === undefined) continue;
    const choices = [1, 2].map((group): TailChoice => {
      const [from, to] = match.indices![group]!;
      return { raw: match[group]!, start: base + from, end: base + to };
    });
    return { kind: 'unreadable', content: tail, choices };
  }
  return { kind: 'unreadable', content: tail };
}

function cellAt(
  base: number,
  unitAt: number,
  unit: string | undefined,
  space: string,
  value: string | undefined,
  spaceBefore: boolean,
  notes: string[],
): GluedTail {
  const unitEnd = base + unitAt + (unit?.length ?? 0);
  if (value === undefined) {
    if (unit === undefined) return { kind: 'label-rest' };
    return { kind: 'cell', unit, unitEnd, value: undefined, valueStart: unitEnd, valueEnd: unitEnd, spaced: spaceBefore, notes };
  }
  const valueStart = unitEnd + space.length;
  return { kind: 'cell', unit, unitEnd, value, valueStart, valueEnd: valueStart + value.length, spaced: space.length > 0 || spaceBefore, notes };
}
