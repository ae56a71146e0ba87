import { readNumericCell } from '../../normalise/readNumericCell.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { CellReading } from '../ParseResult.ts';
import type { RowAnchor } from './findRowAnchors.ts';
import { cellIndexAt, type ListCell } from './tokeniseListCells.ts';

/** A value read from a block, with the row it belongs to. */
export interface BlockReading {
  readonly anchor: RowAnchor;
  readonly cell: CellReading;
  /** End of the value in the (normalised) text. */
  readonly end: number;
}

/** One row alone is not a block: its cells follow it in order and the row reader takes them. */
const MIN_BLOCK_ROWS = 2;

/**
 * Reads rows printed block by block, as pdftotext prints a table in reading order when a PDF groups cells:
 * the labels of n consecutive rows, then their n units, then their n values ("2.政府网站公开政府信息数 /
 * 3.政务微博公开政府信息数 / 条 / 条 / 2 / 0"). A block is read only when the reading is unique: n labels with
 * nothing between them, then exactly n units equal to the rows' units in order, then exactly n values, and
 * nothing else up to the next row. A blank in the block (fewer values than rows) cannot be placed: not read.
 * Only rows no other reading took are given to this reader (`unread`).
 */
export function readColumnBlocks(
  mapped: MappedText,
  cells: readonly ListCell[],
  ordered: readonly RowAnchor[],
  unread: ReadonlySet<number>,
  fieldUnitOf: (anchor: RowAnchor) => string,
): BlockReading[] {
  const readings: BlockReading[] = [];
  let position = 0;
  while (position < ordered.length) {
    // The block: consecutive value rows whose labels follow each other with nothing but space between.
    const block: RowAnchor[] = [ordered[position]!];
    while (position + block.length < ordered.length) {
      const last = block[block.length - 1]!;
      const next = ordered[position + block.length]!;
      if (!onlySpaceBetween(cells, lastCellIndex(cells, last), firstCellIndex(cells, next))) break;
      block.push(next);
    }
    position += block.length;
    if (block.length < MIN_BLOCK_ROWS || !block.every((anchor) => anchor.pattern.fieldId && unread.has(anchor.pattern.index))) continue;
    const after = position < ordered.length ? firstCellIndex(cells, ordered[position]!) : cells.length;
    const content = cells.slice(lastCellIndex(cells, block[block.length - 1]!) + 1, after).filter((cell) => cell.kind !== 'empty');
    const units = content.slice(0, block.length);
    const values = content.slice(block.length);
    if (units.length !== block.length || values.length !== block.length) continue;
    if (!units.every((cell, index) => cell.kind === 'unit' && cell.content.replace(/\s+/gu, '') === (block[index]!.pattern.unit ?? ''))) continue;
    if (!values.every((cell) => cell.kind === 'number' || cell.kind === 'dash')) continue;
    const read = values.map((cell, index) => readNumericCell(cell.content, fieldUnitOf(block[index]!)));
    if (read.some((value) => value === undefined)) continue;
    block.forEach((anchor, index) => {
      const cell = values[index]!;
      const value = read[index]!;
      readings.push(countedReading(mapped, anchor, cell, { value: value.value, repairs: value.repairs, ambiguous: false }, 'column-order',
        `read from a block of ${block.length} rows printed labels first, then units, then values (value ${index + 1} of ${block.length})`));
    });
  }
  return readings;
}

/** A row's value read from a cell placed by count (a block's or a run's n-th value): its evidence and signals. */
export function countedReading(
  mapped: MappedText,
  anchor: RowAnchor,
  cell: ListCell,
  read: { readonly value: number | null; readonly repairs: readonly string[]; readonly ambiguous: boolean },
  layout: string,
  note: string,
): BlockReading {
  const span = mapped.toOriginal(cell.start, cell.end);
  return {
    anchor,
    end: cell.end,
    cell: {
      fieldId: anchor.pattern.fieldId!, raw: cell.content, value: read.value, start: span.start, end: span.end, method: 'table',
      layout, labelScore: anchorLabelScore(anchor),
      repairs: read.repairs, ambiguous: read.ambiguous, notes: [note],
      support: { readings: 1, anchored: true, placement: 'count' },
    },
  };
}

/** How well a row's printed label matched its variant: 1 exact, less by the share of its characters that differ. */
export function anchorLabelScore(anchor: RowAnchor): number {
  return anchor.errors === 0 ? 1 : Math.max(0, 1 - anchor.errors / anchor.variant.skeleton.length);
}

/** Index of the cell holding a row's first printed character (its ordinal, when printed). */
function firstCellIndex(cells: readonly ListCell[], anchor: RowAnchor): number {
  return cellIndexAt(cells, anchor.anchorStart);
}

/** Index of the cell holding a row's last label character. */
function lastCellIndex(cells: readonly ListCell[], anchor: RowAnchor): number {
  return cellIndexAt(cells, anchor.matchEnd - 1);
}

function onlySpaceBetween(cells: readonly ListCell[], from: number, to: number): boolean {
  if (to <= from) return false;
  for (let index = from + 1; index < to; index++) if (cells[index]!.kind !== 'empty') return false;
  return true;
}

