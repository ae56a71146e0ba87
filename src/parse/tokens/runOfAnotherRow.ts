import { canonicalLabel } from '../../normalise/labelKey.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { TextToken, Token } from './Token.ts';

/*
 * Whether the values after a row's anchor may be another row's: a wrapped row's head with its values printed before
 * the anchor's tail, the next row's ordinal before an unanchored label, another group's heading before the values, a
 * skipped row's label printed in the run.
 */

/** A row's numbered head: 一、 (二) 3. as the forms print them before a row label. */
const ROW_ORDINAL = /^(?:[一二三四五六七八九十]+[、，,]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、])/u;

/**
 * Whether the run's first values belong to another row whose label stands between the anchor and them:
 * - values on a later line than the anchor, after words on their own line that open with a row ordinal and end in
 *   the first characters of the next anchored row's label ("二、上年 0 0 0" under an anchor on the line before): that
 *   row's head (its label wrapped, the values on its first line, its anchor on the tail), not the rest of this row's
 *   label (a wrapped label's tail carries no ordinal) nor a group label's piece ("（五）" of （五）不予处理 printed down
 *   its merged cell); counting them into this row would shift every row by one;
 * - the Arabic ordinal of the form's next row followed by a label, from the anchor to the first value ("…另行制作
 *   3.补正后甲请内容… 17 0 0 0 0 0 17" with the OCR'd label unanchored): that row starts there, and this row prints none.
 */
export function valuesOfAnotherRow(
  run: readonly Token[],
  anchor: Token,
  anchorRow: SkeletonRow,
  nextAnchored: SkeletonRow | undefined,
  nextInForm: SkeletonRow | undefined,
  /** The token after the run (the next anchor's): the rest of a head split off the next row's label. */
  after?: Token,
): boolean {
  const firstValue = run.findIndex((token) => token.kind === 'value');
  if (firstValue < 0) return false;
  if (anotherGroupsHeading(run.slice(0, firstValue), run[firstValue]!, anchorRow)) return true;
  if (nextAnchored && besideNextRowsHead(run, firstValue, anchor, nextAnchored, after)) return true;
  if (!nextInForm?.ordinal || anchor.kind !== 'text') return false;
  const words = [anchor.text, ...run.slice(0, firstValue).flatMap((token) => (token.kind === 'text' ? [token.text] : []))].join('');
  return ordinalBeforeLabel(nextInForm.ordinal).test(words);
}

/**
 * The words before the values, on their line, hold the heading of a group the anchor's row is not in ("（六）其他外理
 * 0 3 0 0 0 0 3" after "5.要求行政机关确认或重新出具 / 已获取信息", a row of （五）, the combined row's label OCR'd past
 * recognition; "（四）无法提供  囗口曰  1 0 0 0 0 0 1" after "7.属于行政执法案卷", a row of （三）, with the row labels of （四）
 * lost): the values are that group's row's. Not a piece of the row's own group's heading printed down its merged cell
 * ("（五）"), nor a heading followed by the next row's ordinal run into the values ("（四）无法提供 1.本机关…").
 */
function anotherGroupsHeading(words: readonly Token[], value: Token, anchorRow: SkeletonRow): boolean {
  // A next row's ordinal after the heading ("（四）无法提供 1.本机关…") is that row's label, not a value.
  if (value.kind === 'value' && value.ordinalTail) return false;
  return words.some((token) => {
    if (token.kind !== 'text' || token.line !== value.line) return false;
    const group = GROUP_ORDINAL.exec(token.text)?.[1];
    return group !== undefined && group !== anchorRow.group;
  });
}

const GROUP_ORDINAL = /^[（(]([一二三四五六七八九十]+)[)）]/u;

function besideNextRowsHead(run: readonly Token[], firstValue: number, anchor: Token, nextRow: SkeletonRow, after: Token | undefined): boolean {
  const value = run[firstValue];
  // An ordinal printed before a label ("1" of "1.本机关…") is no value: the next row's label starts there.
  if (firstValue === 0 || value?.kind !== 'value' || value.ordinalTail || value.line === anchor.line) return false;
  const before = run.slice(0, firstValue).filter((token): token is TextToken => token.kind === 'text');
  let words = before.filter((token) => token.line === value.line);
  // Values a hard wrap moved onto a line of their own ("┃ （二）部  ┃⏎1 ┃ 3 ┃ …"): the words of the last line before
  // them that holds any stand where words on their line would (seed 4611, variant 696: 1 3 0 0 0 0 4 read as （一）'s).
  if (words.length === 0) {
    const lastLine = before.at(-1)?.line;
    if (lastLine !== undefined && lastLine !== anchor.line) words = before.filter((token) => token.line === lastLine);
  }
  if (words.length === 0) return false;
  const head = canonicalLabel(words.map((word) => word.text).join(''));
  // Words with no ordinal that are the whole start of the next row's label, on a line of their own between rules
  // ("| 规章 | | |⏎+---+⏎| 行政规范 | 0 | 0 | 0⏎| 性文件 | | |", the anchor on the tail 性文件; seed 4679, variant 901):
  // that row's head, its values on its first line. (Section 二's rows print no ordinal.)
  if (!ROW_ORDINAL.test(words[0]!.text)) {
    const longest = Math.max(...nextRow.labelKeys.map((key) => key.length));
    if (head.length >= MIN_BARE_HEAD_LENGTH) return head.length < longest && nextRow.labelKeys.some((key) => key.startsWith(head));
    // A shorter head ("行" of "行 396 0 181" / "政许可") is that row's only where the next line goes on with the rest
    // of its label, the next row's anchor: one or two characters alone could be anything.
    if (head.length === 0 || after?.kind !== 'text' || after.line <= value.line) return false;
    // A row ordinal cut in two around the values ("（七\t162\t…" / "）总计"): with it, the next row's whole label,
    // however short, is that row's head (seed 219 labels-split: 3.其他 took the 总计 row's 162 … 167, its sum holding).
    const printed = `${words.map((word) => word.text).join('')}${after.text}`.replace(/\s+/gu, '');
    if (ROW_ORDINAL.test(printed) && nextRow.labelKeys.includes(canonicalLabel(printed))) return true;
    const whole = canonicalLabel(`${head}${after.text}`);
    return whole.length >= MIN_BARE_HEAD_LENGTH && nextRow.labelKeys.some((key) => key.startsWith(whole) || whole.startsWith(key));
  }
  for (let length = Math.min(head.length, MAX_HEAD_LENGTH); length >= 1; length--) {
    const tail = head.slice(head.length - length);
    if (nextRow.labelKeys.some((key) => key.startsWith(tail))) return true;
  }
  return false;
}

/**
 * Whether the run holds, between its values, the ordinal of the form's row after the anchor's and the start of a
 * label, with values after it ("0 0 / 2.其他法 / 0 0 …" where that row's anchor fell on a later piece of its wrapped
 * label, "法规禁"): the values after that head are that row's, so the run holds more than its own row's, whatever its
 * count says. (A head after the run's last value is only the next row's label, its values still to come.)
 */
export function nextRowsHeadAmongValues(run: readonly Token[], nextInForm: SkeletonRow | undefined): boolean {
  if (!nextInForm?.ordinal) return false;
  const firstValue = run.findIndex((token) => token.kind === 'value' && !token.ordinalTail);
  if (firstValue < 0) return false;
  const pattern = ordinalBeforeLabel(nextInForm.ordinal);
  for (let index = firstValue + 1; index < run.length; index++) {
    const token = run[index]!;
    const opensHead = (token.kind === 'value' && token.raw === nextInForm.ordinal && run[index + 1]?.kind === 'text' && pattern.test(`${token.raw}${(run[index + 1] as TextToken).text}`))
      || (token.kind === 'text' && pattern.test(token.text));
    if (opensHead) return run.slice(index + 1).some((after) => after.kind === 'value' && !after.ordinalTail);
  }
  return false;
}

/** Fewest characters of a row label's start, printed with no ordinal, that are taken for that row's head. */
const MIN_BARE_HEAD_LENGTH = 3;

/** "3." (or 3、) followed by a label, not part of a longer number; one pattern per ordinal, made once. */
function ordinalBeforeLabel(ordinal: string): RegExp {
  let pattern = ordinalPatterns.get(ordinal);
  if (!pattern) {
    pattern = new RegExp(`(?:^|[^0-9])${ordinal}\\s*[.．、]\\s*\\p{Script=Han}`, 'u');
    ordinalPatterns.set(ordinal, pattern);
  }
  return pattern;
}

const ordinalPatterns = new Map<string, RegExp>();

/** Longest head of a wrapped label compared with the next row's label (a label's first line is short). */
const MAX_HEAD_LENGTH = 12;

/** Shortest label key looked for when deciding whether a skipped row was printed. */
const MIN_PRINTED_LABEL = 2;

/**
 * Whether the label of a row the anchor chain skipped is printed in this run (or run together with the
 * anchor's label): then its values may be in the run too, and a count that fits proves nothing.
 */
export function skippedRowPrinted(tokens: readonly Token[], from: number, to: number, skipped: readonly SkeletonRow[]): boolean {
  if (skipped.length === 0) return false;
  let text = '';
  for (let index = from; index < to; index++) {
    const token = tokens[index]!;
    if (token.kind === 'text') text += token.text;
  }
  const key = canonicalLabel(text);
  return skipped.some((row) => row.labelKeys.some((labelKey) => labelKey.length >= MIN_PRINTED_LABEL && key.includes(labelKey)));
}

/**
 * Whether the row's label began before the token that anchors it, with values between: a text token opening with
 * the row's own ordinal ("8.属于行政", or ".属于行政" after the number 8) stands after the previous anchor and before values that come before the
 * anchoring fragment ("查询事项"). A label wrapped over lines in positioned text prints its values beside its first
 * or middle line, so values counted into the row before may be this row's, and its own run is only a part.
 */
export function labelBeganBefore(tokens: readonly Token[], previousAnchor: number, anchor: number, ordinal: string | undefined): boolean {
  if (ordinal === undefined) return false;
  let valuesSince = false;
  for (let index = anchor - 1; index > previousAnchor; index--) {
    const token = tokens[index]!;
    if (token.kind === 'value') valuesSince = true;
    else if (token.kind === 'text' && valuesSince && (ordinalOpens(token.text, ordinal) || splitOrdinal(tokens[index - 1], token.text, ordinal))) return true;
  }
  return false;
}

/** Whether the ordinal was cut off the label as a number of its own ("8" then ".属于行政"). */
function splitOrdinal(before: Token | undefined, text: string, ordinal: string): boolean {
  return before?.kind === 'value' && before.raw === ordinal && /^[.、．]/u.test(text);
}

/** Whether the text opens with the ordinal as a row label prints it ("8." or "8、"). */
function ordinalOpens(text: string, ordinal: string): boolean {
  return new RegExp(`^\\s*${ordinal}\\s*[.、．]`, 'u').test(text);
}

/**
 * For each anchored row, how many numbers the rows just before and after it print beyond their cells: values a PDF's
 * reading order drew into a neighbour's run. A row short of that many values or fewer may have lost them there (the
 * two 160s of 1.本机关不掌握相关政府信息 drawn after 8.属于行政查询事项's seven values, the row itself left with five:
 * a fresh print, seed 4909 document 278, committed 160 | 160 as 0 or blank); its blanks left no trace to go by.
 */
export function surplusBesideRows(tokens: readonly Token[], anchors: readonly { readonly tokenIndex: number; readonly rowIndex: number }[], skeleton: readonly SkeletonRow[], runEndAt: (position: number) => number): (position: number) => number {
  const surplus = anchors.map((anchor, position) => {
    let values = 0;
    for (let index = anchor.tokenIndex + 1; index < runEndAt(position); index++) if (tokens[index]!.kind === 'value') values++;
    return Math.max(0, values - skeleton[anchor.rowIndex]!.fieldIds.length);
  });
  return (position) => (surplus[position - 1] ?? 0) + (surplus[position + 1] ?? 0);
}
