import type { PlacedCell } from './placeRowValues.ts';
import { printedWord, type SkeletonRow } from './sectionSkeleton.ts';
import type { Token } from './Token.ts';

/** Punctuation between a row's labelled cells ("自然人705件，商业企业3件", "(一)予以公开:自然人"). */
const CELL_PUNCTUATION = /^[\s,，、;；:：。]+|[\s,，、;；:：。]+$/gu;
/** A blank mark glued after a column label ("商业企业无", "其他—"): that column's cell printed blank. */
export const BLANK_AFTER_LABEL = /(?:无|[-—–/／])$/u;
/** Fewest labelled cells that show a row names its cells. */
const MIN_LABELLED_CELLS = 2;

/**
 * A row that names each of its cells by its column ("自然人705件，商业企业3件，…，总计713件" in a report that writes its
 * tables as sentences; "自然人26 商业企业无 … 总计26" on a page printing each row as a card of label and value pairs):
 * each value is the cell of the column whose label stands right before it (or ends the words before it), a label with
 * a blank mark glued to it is that column's blank. Labels are taken in column order, so section 四's repeated 结果维持 … 总计 go to their groups in
 * turn. The one reading, where every cell of the row is named once and in order and every value has its label;
 * otherwise undefined (the row is placed by count as any other).
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
  const lastValue = run.findLastIndex((token) => token.kind === 'value');
  for (const [index, token] of run.entries()) {
    if (token.kind === 'empty') return undefined;
    // The row's label (the run's first token, when given) names no cell but may end in the first one's name.
    if (index === 0 && token.kind === 'text') continue;
    if (token.kind === 'value') {
      // The next row's ordinal, printed at the start of its line ("…总计0件。⏎2.其他法律…"), is no cell of this row.
      if (token.ordinalTail && index === lastValue) continue;
      const before = run[index - 1];
      if (before?.kind !== 'text' || !take(lastWord(before.text), { kind: 'value', token })) return undefined;
      continue;
    }
    const word = lastWord(token.text);
    const label = word.replace(BLANK_AFTER_LABEL, '');
    if (label !== word && label !== '' && columnKeys.some((keys) => names(keys, label))) {
      if (!take(label, { kind: 'empty', start: token.end - 1 })) return undefined;
    }
  }
  if (labelled < Math.min(MIN_LABELLED_CELLS, cells.length) || cells.some((cell) => cell === undefined)) return undefined;
  return cells as PlacedCell[];
}

/** The last word of a text token, its punctuation cut ("，商业企业" → 商业企业; "(一)予以公开:自然人" was cut at its colon). */
function lastWord(text: string): string {
  return printedWord(text.replace(CELL_PUNCTUATION, ''));
}
