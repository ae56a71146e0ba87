import type { PlacedCell } from './placeRowValues.ts';
import { printedWord, type SkeletonRow } from './sectionSkeleton.ts';
import type { Token, ValueToken } from './Token.ts';
import { isSignedField } from '../../templates/valueBounds.ts';
import { LEVEL_SLASH, cellGroups, groupNamedAt } from './placeByGroupNames.ts';

/** Punctuation between a row's labelled cells ("自然人705件，商业企业3件", "(一)予以公开:自然人"). */
const CELL_PUNCTUATION = /^[\s,，、;；:：。]+|[\s,，、;；:：。]+$/gu;
/** A blank mark as a pattern's source (无, a dash, a slash): one place for every test of it. */
export const BLANK_MARK = '(?:无|[-—–/／])';
/** A blank mark glued after a column label ("商业企业无", "其他—"): that column's cell printed blank. */
export const BLANK_AFTER_LABEL = new RegExp(`${BLANK_MARK}$`, 'u');
/** Fewest values named in a row that leaves some of its cells out. */
const MIN_NAMED_VALUES = 2;
/** Fewest labelled cells that show a row names its cells. */
const MIN_LABELLED_CELLS = 2;

/**
 * A row that names each of its cells by its column ("自然人705件，商业企业3件，…，总计713件" in a report that writes its
 * tables as sentences; "自然人26 商业企业无 … 总计26" on a page printing each row as a card of label and value pairs):
 * each value is the cell of the column whose label stands right before it (or ends the words before it), a label with
 * a blank mark glued to it is that column's blank. Labels are taken in column order, so section 四's repeated 结果维持 … 总计 go to their groups in
 * turn. The one reading, where every cell of the row is named at most once and in order and every value has its label
 * (cells left out are `unnamed` blanks); otherwise undefined (the row is placed by count as any other).
 */
export function placeByColumnLabels(run: readonly Token[], row: SkeletonRow): PlacedCell[] | undefined {
  const columnKeys = row.columnKeys;
  const cells: (PlacedCell | undefined)[] = row.fieldIds.map(() => undefined);
  let nextColumn = 0;
  let labelled = 0;
  // A label run together with the words before it ("…申请数量自然人": a single ideographic space between them is
  // letter-spacing to the normaliser) names its column as much.
  const names = (keys: ReadonlySet<string>, word: string) => [...keys].some((key) => word.endsWith(key));
  const take = (word: string, cell: PlacedCell): boolean => {
    let column = nextColumn;
    while (column < columnKeys.length && !names(columnKeys[column]!, word)) column++;
    if (column >= columnKeys.length) return false;
    cells[column] = cell;
    nextColumn = column + 1;
    labelled++;
    return true;
  };
  // A group's name printed before its cells ("行政诉讼（复议后起诉）：结果维持0件…") starts that group's columns: a
  // group named out of the form's order (or a cell left behind) leaves no reading by names. So does the row's label
  // when it names a group: a row anchored at its second group's name ("行政诉讼（未经复议直接起诉）：结果维持0…", the
  // first group's blanks printed before it) starts there, not in the first group's columns (seed 4583, variant 95:
  // 行政复议's five blanks read as the 0s named after 未经复议直接起诉).
  const groups = cellGroups(row);
  const lastValue = run.findLastIndex((token) => token.kind === 'value');
  let signedAt = -1;
  for (const [index, token] of run.entries()) {
    if (index === signedAt) continue;
    const group = token.kind === 'text' && groups.length > 1 ? groupNamedAt(run, index, groups) : undefined;
    if (group !== undefined) {
      if (groups[group]!.first < nextColumn) return undefined;
      nextColumn = groups[group]!.first;
    }
    if (token.kind === 'empty') return undefined;
    if (token.kind === 'value') {
      // The next row's ordinal, printed at the start of its line ("…总计0件。⏎2.其他法律…"), is no cell of this row.
      if (token.ordinalTail && index === lastValue) continue;
      const before = run[index - 1];
      const name = before?.kind === 'text' ? wordBefore(run, index) : undefined;
      const signed = name !== undefined ? signedValue(run, index, row, name, nextColumn) : 'none';
      if (signed === 'ambiguous') return undefined;
      if (signed !== 'none') {
        signedAt = index + 1;
        if (take(name!, { kind: 'value', token: signed })) continue;
        return undefined;
      }
      if (name !== undefined && take(name, { kind: 'value', token })) continue;
      // A slash between a group's heading and its name ("行政诉讼 / 未经复议直接起诉") parts the levels of a header.
      if (before?.kind === 'text' && LEVEL_SLASH.test(token.raw)) continue;
      return undefined;
    }
    // Every label of the words with a blank mark glued to it is its column's blank, however many the words hold
    // ("，商业企业/；科研机构" before 科研机构's value: 商业企业 printed blank). The row's label (the run's first token,
    // when given) names no cell, but may run on into the first ones' names ("行政强制上一年项目数量/；本年增/减/").
    for (const blank of blankNames(token)) {
      if (columnKeys.some((keys) => names(keys, blank.label)) && !take(blank.label, { kind: 'empty', start: blank.at })) return undefined;
    }
  }
  if (labelled < Math.min(MIN_LABELLED_CELLS, cells.length)) return undefined;
  if (cells.every((cell) => cell !== undefined)) return cells as PlacedCell[];
  // A sentence naming some cells and leaving the others out ("自然人18件，总计18件"): those printed nothing, blanks in
  // doubt (a 0 written out or left out reads the same), with at least two values named.
  const named = cells.filter((cell) => cell?.kind === 'value').length;
  if (named < MIN_NAMED_VALUES) return undefined;
  const end = run.length > 0 ? run[run.length - 1]!.end : 0;
  return cells.map((cell) => cell ?? { kind: 'empty', start: end, unnamed: true });
}

/** A dash a number follows with nothing between them: a minus sign, or a blank mark before an ordinal. */
const DASH_MARK = /^[-—–－]$/u;

/**
 * A dash glued before a number in 本年增/减, the one signed column ("本年增/减-6、处理决定数量62件"): the tokens read it as a
 * blank mark and the 6 as the ordinal of a next row ("-6、处…"). Named after the signed column and followed by the
 * name of a later column of the same row (no row's label), the number is no ordinal: the pair is one negative value,
 * returned as one token. Followed by anything else, either reading holds: 'ambiguous' (seed 4598, variant 870:
 * the 6 dropped as an ordinal, the cell read blank). 'none' when the value at `index` is no such dash.
 */
function signedValue(run: readonly Token[], index: number, row: SkeletonRow, word: string, nextColumn: number): ValueToken | 'ambiguous' | 'none' {
  const dash = run[index];
  const number = run[index + 1];
  if (dash?.kind !== 'value' || !DASH_MARK.test(dash.raw) || number?.kind !== 'value' || number.start !== dash.end || !/^\d/u.test(number.raw)) return 'none';
  const column = row.columnKeys.findIndex((keys, at) => at >= nextColumn && [...keys].some((key) => word.endsWith(key)));
  if (column < 0 || !isSignedField(row.fieldIds[column]!)) return 'none';
  // The texts after the number joined, as a wrap may cut the name ("、处⏎理决定数量").
  let after = '';
  for (let at = index + 2; at < Math.min(run.length, index + 2 + MAX_JOINED_NAME); at++) {
    const token = run[at]!;
    if (token.kind !== 'text') break;
    after += token.text;
  }
  const firstName = pieces({ kind: 'text', text: after, start: 0, end: after.length, line: 0 })[0]?.word;
  const namesLaterColumn = firstName !== undefined && row.columnKeys.some((keys, at) => at > column && [...keys].some((key) => firstName.endsWith(key)));
  if (!namesLaterColumn) return 'ambiguous';
  return { ...number, raw: `-${number.raw}`, start: dash.start, ordinalTail: false };
}

/** The last word of a text token, its punctuation cut ("，商业企业" → 商业企业; "(一)予以公开:自然人" was cut at its colon). */
export function lastWord(text: string): string {
  return printedWord(text.replace(CELL_PUNCTUATION, ''));
}

/** Most text tokens joined into the name before a value (a name a line wrap cut: "总⏎计8件"). */
const MAX_JOINED_NAME = 3;

/** The words right before the value at `index`: the text before it, joined with the texts before that one. */
function wordBefore(run: readonly Token[], index: number): string {
  return lastWord(textsBefore(run, index));
}

/** The texts right before token `index` joined (up to MAX_JOINED_NAME of them, none past a value or an empty cell). */
export function textsBefore(tokens: readonly Token[], index: number): string {
  let text = '';
  for (let at = index - 1; at >= Math.max(0, index - MAX_JOINED_NAME); at--) {
    const token = tokens[at]!;
    if (token.kind !== 'text') break;
    text = token.text + text;
  }
  return text;
}

/**
 * Punctuation that parts the cells of a row written as a sentence (spaces are letter-spacing as often), and the place
 * after a blank mark where the next name begins ("科研机构/社会公益组织/": 科研机构 blank), but for the slash inside the
 * name 本年增/减.
 */
const PIECE_BREAK = /[,，、;；:：。]+|(?<=[-—–/／])(?=\p{Script=Han})(?<!增[/／])/gu;

/** The words of a text between its punctuation, each as a label and whether a blank mark was glued to it. */
export function labelWords(text: string): { label: string; blank: boolean }[] {
  return namedPieces({ kind: 'text', text, start: 0, end: text.length, line: 0 });
}

/** The names in a text token with a blank mark glued to them ("其他结果/"), each with where its mark stands. */
export function blankNames(token: Extract<Token, { kind: 'text' }>): { label: string; at: number }[] {
  return namedPieces(token).flatMap((piece) => (piece.blank && piece.label !== '' ? [{ label: piece.label, at: piece.at }] : []));
}

/** The words of a text token as labels: whether a blank mark was glued to each, and where the word's last character stands. */
function namedPieces(token: Extract<Token, { kind: 'text' }>): { label: string; blank: boolean; at: number }[] {
  return pieces(token).map(({ word, end }) => {
    const label = word.replace(BLANK_AFTER_LABEL, '');
    return { label, blank: label !== word, at: end - 1 };
  });
}

/** The words of a text token between its punctuation, each with where it ends in the text. */
function pieces(token: Extract<Token, { kind: 'text' }>): { word: string; end: number }[] {
  const found: { word: string; end: number }[] = [];
  let from = 0;
  const add = (to: number) => {
    const word = printedWord(token.text.slice(from, to));
    if (word !== '') found.push({ word, end: Math.min(token.end, token.start + to) });
  };
  for (const match of token.text.matchAll(PIECE_BREAK)) {
    add(match.index);
    from = match.index + match[0].length;
  }
  add(token.text.length);
  return found;
}
