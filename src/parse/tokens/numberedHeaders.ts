/** A column header numbered in its cell: words, then the column's number ("数据1", "列 2"). */
const NUMBERED_HEADER = /^\p{Script=Han}+\s*(\d{1,2})$/u;
/** Fewest cells of a row numbered one after another to be taken for numbered column headers. */
const MIN_NUMBERED_HEADERS = 3;

/**
 * The pieces of a row of cells that are column headers numbered one after another ("类别 | 数据1 | 数据2 | 数据3 | 总计",
 * a table exported with generic column names): their numbers count the columns, no cell holds them. Pieces in order,
 * numbered on by one from 0 or 1, at least MIN_NUMBERED_HEADERS of them; other pieces may stand between (总计).
 */
export function numberedHeaders(text: string, pieces: readonly { readonly start: number; readonly end: number }[]): Set<number> {
  const numbered: { index: number; number: number }[] = [];
  pieces.forEach((piece, index) => {
    const match = NUMBERED_HEADER.exec(text.slice(piece.start, piece.end).trim());
    if (match) numbered.push({ index, number: Number(match[1]) });
  });
  if (numbered.length < MIN_NUMBERED_HEADERS || numbered[0]!.number > 1) return new Set();
  if (numbered.some((header, position) => header.number !== numbered[0]!.number + position)) return new Set();
  return new Set(numbered.map((header) => header.index));
}
