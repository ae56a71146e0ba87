import type { CellReading } from '../ParseResult.ts';
import type { RowSpan } from './buildListSections.ts';
import type { RowAnchor } from './findRowAnchors.ts';
import type { ListCell } from './tokeniseListCells.ts';
import { withSecondReading } from './withSecondReading.ts';
import { confidencePolicy } from '../../score/confidencePolicy.ts';

/** Field rows before a stray number whose blanks it may belong to. */
const ROWS_BEFORE_STRAY = 3;
/**
 * Field rows after it: a label wrapped over two lines with its values on the first ("2.政府网站在线访谈次  次  2 /
 * 数"), the row anchored elsewhere (on the next row's wrapped tail "政府网站在线访谈次数", seed 4616 variant 26), leaves
 * the number before its row's anchor.
 */
const ROWS_AFTER_STRAY = 2;
/** Layouts whose value cells share their row label's line. */
const ROW_LAYOUTS: ReadonlySet<string> = new Set(['tab-row', 'pipe-row', 'aligned-row']);
/** Numbers in a row right after the table (no words between) that show the values printed apart from the rows. */
const MIN_TRAILING_NUMBERS = 3;

/**
 * A number no row took, standing between rows of the table: in a PDF's reading order a row's value can come out
 * after the next rows or after a heading drawn down the side of a group of rows ("3.政务微博… 条 / 4.政务微信… 条 1,057
 * / （二）通过不同渠道… / 0"); a row whose label wrapped with its value on the first line may be anchored after it. A
 * blank read in one of the rows just before it, or the two just after, may be where that number belongs:
 * those blanks are marked ambiguous (two readings), never read as certain. So are all the table's blanks where numbers
 * follow its last row before any words (trailingNumbers).
 */
export function doubtBlanksBeforeStrayNumbers(
  listCells: readonly ListCell[],
  ordered: readonly RowAnchor[],
  spans: ReadonlyMap<number, RowSpan>,
  cells: Map<string, CellReading>,
): void {
  if (ordered.length === 0) return;
  const covered = [...spans.values()];
  const tableStart = ordered[0]!.anchorStart;
  const tableEnd = Math.max(...covered.map((span) => span.end));
  for (const cell of listCells) {
    if (cell.kind !== 'number' || cell.start < tableStart || cell.start >= tableEnd) continue;
    if (covered.some((span) => cell.start >= span.start && cell.start < span.end)) continue;
    const before = ordered.filter((anchor) => anchor.pattern.fieldId && anchor.anchorStart < cell.start).slice(-ROWS_BEFORE_STRAY);
    const after = ordered.filter((anchor) => anchor.pattern.fieldId && anchor.anchorStart > cell.start).slice(0, ROWS_AFTER_STRAY);
    for (const anchor of [...before, ...after]) {
      const reading = cells.get(anchor.pattern.fieldId!);
      // A row after it anchored by a label matched inexactly may have been anchored on another row's wrapped tail
      // ("志参加政府网站在线访谈次敫 次 7" read as 2.政府网站在线访谈次数, its own "2.玫府网站在线 / 访谈次敫 次 8" left
      // unread: seed 4643, variant 579): its value is in doubt as much as a blank.
      const misanchored = reading !== undefined && reading.value !== null && anchor.anchorStart > cell.start && reading.labelScore < confidencePolicy.exactLabel;
      if (misanchored) {
        cells.set(reading.fieldId, withSecondReading(reading, `a number no row took ("${cell.content}") stands before this row, whose label matched inexactly: it may be this row's value`));
        continue;
      }
      // So is the value of the first row after it taken from a later line than its label's: the number before it may
      // be its own, printed on its label's first line, and the later line's another row's ("五、 件 2" / "行政诉讼数量" /
      // "（ 件 1" / "一）维持具体…": 1 committed for 2, measureIndependentBreaks seed 145, labels-split).
      // (Only in rows whose cells share their label's line: one cell per line and column-order blocks put every value
      // on a later line.)
      if (reading !== undefined && reading.value !== null && anchor === after[0] && ROW_LAYOUTS.has(reading.layout) && valueOnLaterLine(listCells, anchor)) {
        cells.set(reading.fieldId, withSecondReading(reading, `a number no row took ("${cell.content}") stands before this row, whose value was read on a later line than its label: it may be this row's value`));
        continue;
      }
      if (!reading || reading.value !== null || reading.raw !== '') continue;
      cells.set(reading.fieldId, withSecondReading(reading, `a number no row took ("${cell.content}") stands ${anchor.anchorStart < cell.start ? 'after' : 'before'} this row: it may be this blank's value`));
    }
  }
  // Numbers in a row after the table's last row, before any words: the values printed apart from their rows (a PDF's
  // reading order giving the labels and units first, then the values column after column). Every blank of the table
  // may be one of them.
  const trailing = trailingNumbers(listCells, tableEnd);
  if (trailing < MIN_TRAILING_NUMBERS) return;
  for (const anchor of ordered) {
    const reading = anchor.pattern.fieldId ? cells.get(anchor.pattern.fieldId) : undefined;
    if (!reading || reading.value !== null || reading.raw !== '') continue;
    cells.set(reading.fieldId, withSecondReading(reading, `${trailing} numbers no row took stand after the table: this blank's value may be among them`));
  }
}

/** Whether the first number after the row's label stands on a later line than the label's end. */
function valueOnLaterLine(listCells: readonly ListCell[], anchor: RowAnchor): boolean {
  const labelEnd = anchor.matchEnd - 1;
  const label = listCells.find((cell) => cell.start <= labelEnd && labelEnd < Math.max(cell.end, cell.start + 1));
  const value = listCells.find((cell) => cell.start >= anchor.matchEnd && cell.kind === 'number');
  return label !== undefined && value !== undefined && value.line > label.line;
}

/** How many numbers (and blank marks) follow `from` before the first words; empty cells and page furniture skipped. */
function trailingNumbers(listCells: readonly ListCell[], from: number): number {
  let count = 0;
  for (const cell of listCells) {
    if (cell.start < from || cell.kind === 'empty' || cell.kind === 'noise') continue;
    if (cell.kind !== 'number' && cell.kind !== 'dash') break;
    count++;
  }
  return count;
}
