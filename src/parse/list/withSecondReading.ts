import type { CellReading } from '../ParseResult.ts';

/** The cell marked ambiguous with a second reading and the note saying why (never read as certain). */
export function withSecondReading(cell: CellReading, note: string): CellReading {
  return {
    ...cell,
    ambiguous: true, unitInDoubt: false,
    notes: [...cell.notes, note],
    support: { ...(cell.support ?? { anchored: true, placement: 'count' }), readings: Math.max(2, cell.support?.readings ?? 1) },
  };
}
