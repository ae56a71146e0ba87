/**
 * A row's label cut right after its ordinal's digits ("6" / ".申请信息不存在数", "8\t0\t20…" / ".属于行政查询事项": a
 * label cut at a random character, its cells on the first line) leaves the ordinal a number at a line's start and
 * the label's punctuation and words opening the next line. The two pieces, as both table readers look for them.
 */

/** A number that may be a row's ordinal cut from its label: one or two digits, nothing else. */
export function isCutOrdinal(text: string): boolean {
  return CUT_ORDINAL.test(text);
}

/** Whether a line (trimmed) opens with an ordinal's punctuation and a label's words: ".申请…", "、…". */
export function opensOrdinalTail(line: string): boolean {
  return ORDINAL_TAIL.test(line);
}

/**
 * A row's ordinal whole or its opening bracket alone at a line's start ("1.", "2、", "(3)", "（"), the label's words
 * opening the next line: a label cut after its ordinal ("1.\t件\t79" / "按时办结数"). (Ordinals of Chinese numerals
 * are words already.)
 */
export function isOrdinalHead(text: string): boolean {
  return ORDINAL_HEAD.test(text);
}

/** Whether a line (trimmed) opens with a label's words. */
export function opensLabelWords(line: string): boolean {
  return LABEL_WORDS.test(line);
}

const CUT_ORDINAL = /^[0-9０-９]{1,2}$/u;
const ORDINAL_HEAD = /^(?:[0-9０-９]{1,2}[.．、]|[（(](?:[0-9０-９]{1,2}[)）]?)?)$/u;
const LABEL_WORDS = /^\p{Script=Han}/u;
const ORDINAL_TAIL = /^[.．、]\s*\p{Script=Han}/u;
