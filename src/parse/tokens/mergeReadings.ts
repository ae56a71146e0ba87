import type { CellReading } from '../ParseResult.ts';

/**
 * Combines the token solver's reading of a cell with the layout readers' (`earlier`), as two independent
 * readers: agreeing on a value is strong evidence (kept, with the solver's support signals when the layout
 * reader recorded none); disagreeing sends
 * the cell to review (ambiguous, both values in a note); a cell only one of them read is taken from it. The
 * layout reader's cell stays as it is when it is already ambiguous (it placed the cell by
 * position, the solver only by count); when only the solver's is ambiguous the cell goes to review.
 */
export function mergeReadings(earlier: CellReading | undefined, solved: CellReading | undefined): CellReading | undefined {
  if (!earlier) return solved;
  if (!solved || earlier.ambiguous) return earlier;
  if (solved.ambiguous) {
    // The solver found several readings of the row that place different values here: the layout reader's
    // choice among them is not evidence enough for an automatic value.
    return { ...earlier, ambiguous: true, notes: [...earlier.notes, ...solved.notes.filter((note) => note.startsWith('ambiguous'))] };
  }
  if (earlier.value === solved.value) {
    // Agreement is recorded in the support signals only (readings ≥ 1 from the solver): no copy of the notes.
    return earlier.support || !solved.support ? earlier : { ...earlier, support: solved.support };
  }
  return {
    ...earlier,
    ambiguous: true,
    notes: [...earlier.notes, `ambiguous: the ${earlier.layout} reader reads ${String(earlier.value)}, the token solver ${String(solved.value)} ("${solved.raw}")`],
  };
}
