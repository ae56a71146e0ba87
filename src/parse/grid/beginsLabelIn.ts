import { parseLabelOrdinal } from '../list/compileListRows.ts';

/** Characters of a label's start (its ordinal left out) that words must hold to be taken for its beginning. */
const LABEL_START_LENGTH = 4;

/**
 * Characters of a label's start that words must hold right after the label's ordinal: one, as a narrow column of
 * full-width text prints it ("（四） １．本" of 1.本机关不掌握相关政府信息: a fresh print, seed 4911 document 172).
 */
const ORDINAL_START_LENGTH = 1;

/**
 * Whether the words hold the start of one of the labels ("申请人无" of "1.申请人无正当理由逾期不补正…"), or its ordinal
 * and first character: a narrow label column's first line holds a word or two beside the group's label ("（四） 1.本机"
 * of 1.本机关不掌握相关政府信息; a fresh print, seed 4909 document 65, whose row was then proven 0 through the values
 * the row above had taken).
 */
export function beginsLabelIn(labels: readonly string[], words: string): boolean {
  const compact = words.replace(/\s+/gu, '');
  return labels.some((label) => {
    const { ordinal, rest } = parseLabelOrdinal(label);
    const compactRest = rest.replace(/\s+/gu, '');
    const start = compactRest.slice(0, LABEL_START_LENGTH);
    if (start.length === LABEL_START_LENGTH && compact.includes(start)) return true;
    const short = compactRest.slice(0, ORDINAL_START_LENGTH);
    if (ordinal === undefined || short.length < ORDINAL_START_LENGTH) return false;
    for (let at = compact.indexOf(short); at >= 0; at = compact.indexOf(short, at + 1)) {
      const before = compact.slice(0, at);
      // The ordinal itself, not the end of a longer one ("11." is no "1.").
      if (ordinal.before.test(before) && !/\p{Nd}$/u.test(before.replace(ordinal.before, ''))) return true;
    }
    return false;
  });
}
