import type { CellReading } from '../ParseResult.ts';

/**
 * Combines the token solver's reading of a cell with the layout readers' (`earlier`), as two independent
 * readers: agreeing on a value is strong evidence (kept, with the solver's support signals); disagreeing sends
 * the cell to review (ambiguous, both values in a note); a cell only one of them read is taken from it. The
 * layout reader's cell stays as it is when either reading is already ambiguous: it placed the cell by
 * position, the solver only by count.
 */
export function mergeReadings(earlier: CellReading | undefined, solved: CellReading | undefined): CellReading | undefined {
  if (!earlier) return solved;
  if (!solved || earlier.ambiguous || solved.ambiguous) return earlier;
  if (earlier.value === solved.value) {
    const support = earlier.support ?? solved.support;
    return { ...earlier, ...(support ? { support } : {}), notes: [...earlier.notes, 'the token solver reads the same value'] };
  }
  return {
    ...earlier,
    ambiguous: true,
    notes: [...earlier.notes, `ambiguous: the ${earlier.layout} reader reads ${String(earlier.value)}, the token solver ${String(solved.value)} ("${solved.raw}")`],
  };
}
