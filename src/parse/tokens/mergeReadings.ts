import type { CellReading } from '../ParseResult.ts';
import { TOKEN_LAYOUTS } from './tokenLayouts.ts';
import { foldDigits } from '../../text/foldDigits.ts';
import { GLUED_LAYOUT } from '../grid/glued/parseGluedSection.ts';

/**
 * Combines the token solver's reading of a cell with the layout readers' (`earlier`), as two independent
 * readers: agreeing on a value is strong evidence (kept, with the solver's support signals); disagreeing sends
 * the cell to review (ambiguous, both values in a note); a cell only one of them read is taken from it. The
 * layout reader's cell stays as it is when it is already ambiguous (it placed the cell by
 * position, the solver only by count), unless the solver read a column-order block (every rule of the section
 * holding on it); when only the solver's is ambiguous the cell goes to review.
 */
export function mergeReadings(earlier: CellReading | undefined, solved: CellReading | undefined): CellReading | undefined {
  if (!earlier) return solved;
  // A column-order block is read only when every value is laid in with every rule of the section holding: a reader
  // left in doubt by it (a glued-digit reader finding no digits after each label of the block, or the block's
  // numbers run together) has no reading of its own to set against it.
  if (earlier.ambiguous && solved && !solved.ambiguous && solved.layout === TOKEN_LAYOUTS.columnOrder) return solved;
  // A row the solver found printing nothing, in rows it read in order, which a reader of glued digits left in doubt
  // for having no digits after its label, or only the lone number the solver took for page furniture: the solver's
  // empty row (in doubt too, until a printed total proves it 0).
  if (earlier.ambiguous && solved?.support?.emptyRow === true) {
    const digits = earlier.raw.replace(/[^0-9０-９]/gu, '');
    if (digits === '' || (solved.support.strayNumber !== undefined && foldDigits(digits) === solved.support.strayNumber)) return solved;
  }
  // A cell the solver read as a blank mark printed for it ("…情形）-------（三）…": a row of seven blanks glued between its
  // labels), which a reader of glued digits left in doubt for having no digits after the label: the mark says blank.
  if (earlier.ambiguous && solved && !solved.ambiguous && solved.value === null && solved.raw !== '' && !/[0-9０-９]/u.test(earlier.raw)) return solved;
  // A row whose every value (or blank mark) the solver found printed right after its column's name: a glued-digit
  // reader's split of one of them ("规范性文件:本年制发件数214件" as 2, 1, 4) cut one cell into several, and its doubt
  // (no split fitting the names run into its label) is no reading of its own.
  if (solved?.support?.namedByColumn === true && !solved.ambiguous && earlier.layout === GLUED_LAYOUT && (earlier.ambiguous || earlier.value !== solved.value)) return solved;
  // A reader in doubt with nothing to offer keeps its doubt, and the solver's offer for the reviewer with it (section
  // 二's blocks: the column-order reader leaves a cell its orders differ on unread, the solver offers row order's value).
  if (earlier.ambiguous && earlier.unitInDoubt !== true && earlier.value === null && earlier.proposal === undefined
    && solved?.ambiguous === true && solved.proposal !== undefined) {
    return { ...earlier, proposal: solved.proposal, notes: [...earlier.notes, ...solved.notes.filter((note) => note.startsWith('offered for review'))] };
  }
  // A glued run of zeros alone that the glued-digit reader could not split into its row's cells ("000" for section
  // 四's fifteen: the row prints blanks, and no split fills every cell) is those zeros, one a cell, whatever else: the
  // solver laid them in jointly (zerosApart), its blanks 0 or blank as the rules leave them.
  if (earlier.ambiguous && earlier.layout === GLUED_LAYOUT && /^0{2,}$/u.test(earlier.raw) && solved && !solved.ambiguous && solved.support?.placement === 'joint') return solved;
  // (An amount held only for its unit is still set against the solver's reading: their disagreeing puts its place in
  // doubt too.)
  if (!solved || (earlier.ambiguous && earlier.unitInDoubt !== true)) return earlier;
  // A row the solver found printing nothing (no reading, support.readings 0) and a blank read by the layout
  // reader agree.
  if (solved.ambiguous && solved.support?.readings === 0 && earlier.value === null) return earlier;
  // A row laid in jointly saw no cell boundary: a layout reader that placed the row by its own cells knows more.
  if (solved.ambiguous && solved.support?.placement === 'joint') return earlier;
  if (solved.ambiguous) {
    // The solver found several readings of the row that place different values here: the layout reader's
    // choice among them is not evidence enough for an automatic value.
    // (Both in doubt only for an amount's unit: places certain still.)
    const unitInDoubt = solved.unitInDoubt === true && (!earlier.ambiguous || earlier.unitInDoubt === true);
    return { ...earlier, ambiguous: true, unitInDoubt, notes: [...new Set([...earlier.notes, ...solved.notes.filter((note) => note.startsWith('ambiguous'))])] };
  }
  // A printed 0 or a blank, as the joint placement reads it: the layout reader saw which.
  if (solved.support?.zeroOrBlank && (earlier.value === 0 || (earlier.value === null && !/[0-9０-９]/u.test(earlier.raw)))) return earlier;
  if (earlier.value === solved.value) {
    // Two independent readers agree: the layout reader's cell (its layout name, span and notes) stands, with the
    // solver's support signals (how many readings, anchored, placement) for calibrated confidence.
    // A row laid in jointly adds nothing to a reader that placed it by its own cells or positions: that reader's
    // signals stand.
    // (A run the layout reader holds in doubt for standing apart stays so: the solver reading the same digits is no
    // second witness to what was put in before them, "行政事业性收费 20 万元" for 0 with page 2 run into it.)
    if (!solved.support || solved.support.placement === 'joint') return earlier;
    return { ...earlier, support: earlier.support?.setApart === true ? { ...solved.support, splitInDoubt: true, setApart: true } : solved.support };
  }
  return {
    ...earlier,
    ambiguous: true, unitInDoubt: false,
    notes: [...earlier.notes, `ambiguous: the ${earlier.layout} reader reads ${String(earlier.value)}, the token solver ${String(solved.value)} ("${solved.raw}")`],
  };
}

/**
 * Merges the cells of one row of the form (`mergeReadings` cell by cell). Where the two readers, each certain,
 * read different values in one cell, they laid the row's values in different cells: the layout reader's other
 * cells of the row then stand only where the solver read the same value with certainty. A cell the solver left
 * in doubt (a row laid in jointly, or "0 or blank") was taken from the layout reader's placement, the one now in
 * question, so it goes to review too.
 */
export function mergeRow(
  earlier: readonly (CellReading | undefined)[],
  solved: readonly (CellReading | undefined)[],
): (CellReading | undefined)[] {
  const merged = earlier.map((cell, index) => mergeReadings(cell, solved[index]));
  const placedApart = merged.some((cell, index) => {
    const before = earlier[index];
    const other = solved[index];
    return cell?.ambiguous === true && before !== undefined && !before.ambiguous && other !== undefined && !other.ambiguous && before.value !== other.value;
  });
  if (!placedApart) return merged;
  return merged.map((cell, index) => {
    const other = solved[index];
    if (!cell || cell.ambiguous || other === undefined) return cell;
    if (!other.ambiguous && !other.support?.zeroOrBlank && other.value === cell.value) return cell;
    return { ...cell, ambiguous: true, unitInDoubt: false, notes: [...cell.notes, 'ambiguous: the layout reader and the token solver place this row\'s values in different cells'] };
  });
}

/**
 * Whether another reader's cells of a row can hold the values the solver found in reading order, each value in
 * a later cell than the one before: a cell read with a value takes a value equal to it (or a run of cells the
 * digits of a glued value, split by the other reader), a cell read blank takes none, a cell not read takes one
 * or none; cells after the last value take none, unless the values may be only the first of the row's
 * (`complete` false). When they cannot (values read in the wrong group of cells), the other reader placed them
 * out of order.
 */
export function keepsReadingOrder(
  cells: readonly (CellReading | undefined)[],
  row: { readonly values: readonly (number | null)[]; readonly raws: readonly string[]; readonly complete: boolean },
): boolean {
  const memo = new Map<number, boolean>();
  const fits = (valueIndex: number, cellIndex: number): boolean => {
    const key = valueIndex * (cells.length + 1) + cellIndex;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result = false;
    const cell = cells[cellIndex];
    if (valueIndex === row.values.length) result = !row.complete || cells.slice(cellIndex).every((rest) => rest === undefined || rest.value === null);
    else if (cellIndex < cells.length) {
      result = ((cell === undefined || cell.value === null) && fits(valueIndex, cellIndex + 1))
        || ((cell === undefined || cell.value === row.values[valueIndex]) && fits(valueIndex + 1, cellIndex + 1));
      // A glued digit run the other reader split over several cells.
      const raw = row.raws[valueIndex]!;
      let joined = '';
      for (let last = cellIndex; !result && last < cells.length && joined.length < raw.length; last++) {
        const part = cells[last];
        if (!part || part.value === null) break;
        joined += part.raw.trim();
        if (last > cellIndex && joined === raw) result = fits(valueIndex + 1, last + 1);
      }
    }
    memo.set(key, result);
    return result;
  };
  return fits(0, 0);
}
