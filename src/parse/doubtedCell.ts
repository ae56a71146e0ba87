import type { CellReading } from './ParseResult.ts';

/**
 * A cell whose value as read is put in doubt (the line's piece of a number split over lines, a value the text may
 * cut off, a row counted over lines out of place): no longer read, ambiguous, the note saying why, the value as read
 * kept only as the proposal offered to the reviewer (CellReading.proposal).
 */
export function doubtedCell(cell: CellReading, note: string, signals: Pick<CellReading, 'splitPiece'> = {}): CellReading {
  return { ...cell, ...signals, value: null, ambiguous: true, unitInDoubt: false, ...(cell.value === null ? {} : { proposal: cell.value }), notes: [...cell.notes, note] };
}
