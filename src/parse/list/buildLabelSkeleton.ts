import { isChineseCharacter, type ListCell } from './tokeniseListCells.ts';

/**
 * The Chinese characters of every label-bearing cell of a text, in order, each mapped back to its position:
 * what row labels are searched in. Digits, punctuation, spaces, page debris ("22、"), unit and value cells and
 * header cells all drop out, so a label wrapped over two lines around its unit and value cells
 * ("危及国家安全、公共安全、经济 | 件 | 0" / "安全和社会稳定") reads as one run of characters.
 */
export interface LabelSkeleton {
  readonly characters: string;
  /** For each skeleton character, its position in the text. */
  readonly textPosition: Int32Array;
  /** For each skeleton character, the index of its cell. */
  readonly cellIndex: Int32Array;
}

/**
 * Builds the skeleton of the text cells of `cells` (cells of `text`). One pass, no per-character strings: the
 * characters are appended as slices of `text`, one per run of consecutive Chinese characters.
 */
export function buildLabelSkeleton(text: string, cells: readonly ListCell[]): LabelSkeleton {
  const positions = new Int32Array(text.length);
  const cellIndexes = new Int32Array(text.length);
  const runs: string[] = [];
  let length = 0;
  for (const cell of cells) {
    if (cell.kind !== 'text') continue;
    let runStart = -1;
    for (let position = cell.start; position < cell.end; position++) {
      if (!isChineseCode(text.charCodeAt(position))) {
        if (runStart >= 0) runs.push(text.slice(runStart, position));
        runStart = -1;
        continue;
      }
      if (runStart < 0) runStart = position;
      positions[length] = position;
      cellIndexes[length] = cell.index;
      length++;
    }
    if (runStart >= 0) runs.push(text.slice(runStart, cell.end));
  }
  return {
    characters: runs.join(''),
    textPosition: positions.slice(0, length),
    cellIndex: cellIndexes.slice(0, length),
  };
}

function isChineseCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** The skeleton of one label: its Chinese characters only. */
export function skeletonOfLabel(label: string): string {
  let result = '';
  for (const character of label) if (isChineseCharacter(character)) result += character;
  return result;
}
