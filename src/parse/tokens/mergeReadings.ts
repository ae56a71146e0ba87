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
    // Two independent readers agree: the solver's reading (its support signals, its notes) stands, the layout
    // reader's doubts about its own row no longer apply.
    return solved.support?.readings === 1 ? { ...solved, repairs: earlier.repairs.length > 0 ? earlier.repairs : solved.repairs } : earlier;
  }
  return {
    ...earlier,
    ambiguous: true,
    notes: [...earlier.notes, `ambiguous: the ${earlier.layout} reader reads ${String(earlier.value)}, the token solver ${String(solved.value)} ("${solved.raw}")`],
  };
}
