import type { ListCell } from './tokeniseListCells.ts';

/**
 * One cell a line (the unit on the line after the label, the value alone on its line) with an empty line between the
 * unit and the value, where the label and the unit follow each other directly: in such text a blank cell is an empty
 * line, and the number after it may be a page number or another row's ("5.其他方式公开政府信息数 / 条 / (empty) / 6":
 * measureIndependentBreaks seeds 267 and 271, bare-pages, committed pages 6 and 5 in a row printed blank).
 */
export function afterEmptyValueLine(cells: readonly ListCell[], lastLabelCell: ListCell, unitCell: ListCell | undefined, chosen: ListCell): boolean {
  if (unitCell === undefined || unitCell.line !== lastLabelCell.line + 1 || chosen.line <= unitCell.line + 1) return false;
  if (chosen.separatorBefore !== '\n' || unitCell.separatorBefore !== '\n') return false;
  for (let index = unitCell.index + 1; index < chosen.index; index++) if (cells[index]!.kind !== 'empty') return false;
  const after = cells[chosen.index + 1];
  return after === undefined || after.line > chosen.line;
}
