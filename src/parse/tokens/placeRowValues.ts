import { isGarbledNumber } from '../grid/isValueText.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { Token, ValueToken } from './Token.ts';
import { LEADING_ZERO, splitLeadingZeros } from './splitLeadingZeros.ts';
import { placeByColumnLabels } from './placeByColumnLabels.ts';
import { placeByGroupNames } from './placeByGroupNames.ts';
import { satisfiesRules } from './readingRules.ts';
import { subsets } from './shortRowReadings.ts';
import { gluedMarkRunReadings } from './gluedMarkRunReadings.ts';

/** A cell as one reading places it: a value token, or an empty cell (blank) at a position. */
export type PlacedCell =
  | { readonly kind: 'value'; readonly token: ValueToken }
  /** `unnamed`: a cell a row written as a sentence leaves out, naming its others (placeByColumnLabels). */
  | { readonly kind: 'empty'; readonly start: number; readonly unnamed?: true };

/** How a row's values were placed, for the cells' support signals and layout name. */
export type RowPlacement = 'cell' | 'count' | 'split';

/** The readings of one row: each a cell per field, all consistent with the layout and (if possible) the row's rules. */
export interface RowReadings {
  readonly readings: readonly (readonly PlacedCell[])[];
  readonly placement: RowPlacement;
  /** True when the row's values sat between explicit cell boundaries. */
  readonly celled: boolean;
  /** True when the row printed more values than cells and its rules chose which to read. */
  readonly subset: boolean;
  /**
   * The cuts of a run of cells glued with blank marks among them (gluedMarkRunReadings) that hold the row's rules,
   * when more than one does ("220/…": 22 | 0 or 2 | 20): none is the row's reading, the section's rules choose
   * (solveSection places the row jointly with the others).
   */
  readonly gluedCuts?: readonly PlacedCell[][];
  /** True when no reading satisfies the row's rules and the one reading is kept as printed. */
  readonly inconsistent: boolean;
  /**
   * Where each reading starts among the cells of the row's lines (cell layouts only): rows of one table share
   * their cell frame, so a row whose windows are ambiguous can take the offset its neighbours show.
   */
  readonly frame?: { readonly length: number; readonly offsets: readonly number[] };
  /**
   * True when the row printed fewer values than cells and its blanks were read from runs of spaces or blank lines (no
   * cell boundaries): a row gap or a wrapped line reads the same way.
   */
  readonly gapBlanks?: boolean;
  /** Every cell of the row on a line of its own, blanks as empty lines, no line too many (cellsOnLinesOfTheirOwn). */
  readonly lineCells?: boolean;
  /**
   * True when the readings kept hold the row's rules only with a blank taken for a cell the report left out (not
   * for 0): with gapBlanks, a gap that was no cell (the blank lines of a page break) reads the same way.
   */
  readonly blankUnknown?: boolean;
  /** The row's last cell was drawn apart by a PDF and taken back from a run of such cells (displacedLastCells). */
  readonly displaced?: boolean;
  /** The row's values are its share of a run cut again with the rows beside it, reaching past unanchored rows (pairedRowRuns). */
  readonly shareOfRun?: boolean;
  /**
   * The row's anchor is followed by rows of the form not anchored (their labels lost, or not printed): its run may
   * hold one of theirs, the row itself printed blank, and an exact count does not tell them apart.
   */
  readonly beforeSkipped?: boolean;
  /** The row fits only with a "- 1 -" taken for page furniture read back as a blank mark, a value and a blank mark. */
  readonly markerRead?: boolean;
  /** Every cell of the row was named by its column's label, each value printed right after its name (placeByColumnLabels). */
  readonly named?: boolean;
  /**
   * The run names the row's groups in another order than the form's and could not be placed by them
   * (placeByGroupNames): no placement in the form's order, by count or jointly with the section's rules, is safe.
   */
  readonly groupsOutOfOrder?: boolean;
  /** Values and empty cells in the run once a glued ordinal is cut off: 0 when the row prints nothing. */
  readonly cellTokens: number;
  readonly notes: readonly string[];
}

/** More values than cells are resolved by dropping some only when this few are extra (page debris). */
const MAX_EXTRA_VALUES = 2;

/**
 * Places the tokens of one row's run (from its label to the next row's label) into its cells: the value tokens
 * in order when their count is the cell count; with empty cells standing for blanks when there are fewer and the
 * layout has cell boundaries (every window of cells that holds all the values is a reading); without one or two
 * values when there are more (page debris) and the row's rules pick the reading. A value glued to the next
 * row's ordinal ("172." before "2.没有…") loses the ordinal. Readings that break the row's rules are dropped,
 * unless that leaves none: a single reading is then kept as printed (the rules stage flags it). `label`, the row's
 * label token, may name the first cell as well ("…申请数量自然人 1126件 商业企业0件 …": placeByColumnLabels).
 */
export function placeRowValues(
  run: readonly Token[],
  row: SkeletonRow,
  nextOrdinal: string | undefined,
  unitOf: (fieldId: string) => string,
  strict = false,
  label?: Token,
): RowReadings {
  // A word among the row's values that reads like an OCR'd number ("Z", "1S"): a value nothing can read, so no
  // placement of the others is certain (the row would read it blank or place its neighbours beside it).
  if (run.some((token, index) => index > 0 && token.kind === 'text' && isGarbledNumber(token.text))) {
    return { readings: [], placement: 'count', celled: false, subset: false, inconsistent: true, cellTokens: -1, notes: [] };
  }
  // A row naming each cell by its column is read by the names (its values glued between the names or not).
  const labelled = placeByColumnLabels(label ? [label, ...run] : run, row);
  if (labelled) {
    const holds = satisfiesRules(labelled, row, unitOf, 'zero');
    return { readings: [labelled], placement: 'cell', celled: true, subset: false, inconsistent: !holds, cellTokens: labelled.length, named: true, notes: ['cells named by their column labels'] };
  }
  // A row of several groups naming each before its values is read by the names, in whatever order it prints them.
  const byGroups = placeByGroupNames(run, row, label);
  if (byGroups.kind === 'placed') {
    const holds = satisfiesRules(byGroups.cells, row, unitOf, 'zero');
    return { readings: [byGroups.cells], placement: 'cell', celled: true, subset: false, inconsistent: !holds, cellTokens: byGroups.cells.length, notes: ['cells placed under the names of their groups'] };
  }
  if (byGroups.kind === 'out-of-order') {
    return { readings: [], placement: 'count', celled: false, subset: false, inconsistent: false, cellTokens: -1, groupsOutOfOrder: true, notes: [] };
  }
  // A digit run glued between words is read by the glued-table solver, which splits it against the rules.
  if (run.some((token) => token.kind === 'value' && token.glued)) {
    return { readings: [], placement: 'count', celled: false, subset: false, inconsistent: false, cellTokens: -1, notes: [] };
  }
  const placed = placeWithOrdinalCut(run, row, nextOrdinal, unitOf, strict);
  // A count never prints a leading zero: "03" outside a cell of its own is a 0 with something run into it (a page
  // number glued to the cell: "03 0 0 0 0 0 03.危及…" for a row of seven zeros on page 3, which read as printed holds
  // its row's sum with 3 | 0 … | 3). Read apart, the row has a value too many, and its rules choose which to drop, as
  // for any page debris. The row is read so wherever its reading took such a number whole and the split one holds.
  const tookLeadingZero = placed.readings.some((reading) => reading.some((cell) => cell.kind === 'value' && LEADING_ZERO.test(cell.token.raw)));
  if (!placed.inconsistent && !tookLeadingZero) return placed;
  const zeroSplit = splitLeadingZeros(run);
  if (zeroSplit.split.length === 0) return placed;
  const apart = placeWithOrdinalCut(zeroSplit.tokens, row, nextOrdinal, unitOf, strict);
  if (apart.readings.length === 0 || apart.inconsistent || !apart.subset) return placed;
  return { ...apart, notes: [...apart.notes, ...zeroSplit.split.map((raw) => `"${raw}" read as 0 with ${raw.slice(1)} run into it (no count prints a leading zero).`)] };
}

/** placeTokens, with the next row's ordinal glued to the run's last value cut off where that fits the row. */
function placeWithOrdinalCut(
  run: readonly Token[],
  row: SkeletonRow,
  nextOrdinal: string | undefined,
  unitOf: (fieldId: string) => string,
  strict: boolean,
): RowReadings {
  const lastValueIndex = findLastIndex(run, (token) => token.kind === 'value');
  const last = run[lastValueIndex];
  if (last?.kind !== 'value' || !last.ordinalTail || nextOrdinal === undefined || !last.raw.endsWith(nextOrdinal)) {
    return placeTokens(run, row, unitOf, strict, false, []);
  }
  const cut = [...run];
  let notes: string[] = [];
  if (last.raw === nextOrdinal) cut.splice(lastValueIndex, 1);
  else {
    const raw = last.raw.slice(0, last.raw.length - nextOrdinal.length);
    cut[lastValueIndex] = { ...last, raw, end: last.start + raw.length };
    notes = [`"${last.raw}" read as ${raw} followed by the next row's ordinal ${nextOrdinal}.`];
  }
  // The next row's ordinal glued to the last value ("172." before "2.没有…", or "2" alone): cut off, unless
  // the run only fits the row with the digits kept.
  const withCut = placeTokens(cut, row, unitOf, strict, last.raw !== nextOrdinal, notes);
  // The next row's ordinal alone before its label is never a value; digits glued to it may be kept whole.
  if ((withCut.readings.length > 0 && !withCut.inconsistent) || last.raw === nextOrdinal) return withCut;
  const asPrinted = placeTokens(run, row, unitOf, strict, false, []);
  return asPrinted.readings.length > 0 && !asPrinted.inconsistent ? asPrinted : withCut;
}

function placeTokens(
  tokens: readonly Token[],
  row: SkeletonRow,
  unitOf: (fieldId: string) => string,
  strict: boolean,
  digitsSplit: boolean,
  notes: string[],
): RowReadings {
  const values = tokens.filter((token): token is ValueToken => token.kind === 'value');
  const cellCount = row.fieldIds.length;
  const celled = values.length > 0 && values.every((token) => token.inCell);
  // Values joined by single spaces, where longer runs of spaces left empty cells: placed in windows like cells.
  const spaced = !celled && values.length > 0 && values.every((token) => token.spaced === true);
  let readings: PlacedCell[][] = [];
  let subset = false;
  let framed: Windows | undefined;
  // A run of cells glued with blank marks among them, its digit runs cut into cells (gluedMarkRunReadings).
  const gluedReadings = !strict && !celled && !spaced && values.length < cellCount ? gluedMarkRunReadings(tokens, values, row, unitOf) : [];
  if (values.length === cellCount) {
    readings = [values.map((token) => ({ kind: 'value', token }))];
    if (celled) {
      const cells = frameCells(tokens, values);
      framed = { readings, length: cells.length, offsets: [cells.indexOf(values[0]!)] };
    } else if (spaced) readings.push(...gapWindows(tokens, values, cellCount));
  } else if (strict) readings = [];
  else if (values.length < cellCount && values.length > 0 && (celled || spaced)) {
    framed = windows(tokens, values, cellCount, spaced);
    readings = framed.readings;
  }
  else if (gluedReadings.length > 0) readings = gluedReadings;
  else if (values.length > cellCount && values.length - cellCount <= MAX_EXTRA_VALUES && row.rules.length > 0) {
    readings = subsets(values, cellCount).map((chosen) => chosen.map((token) => ({ kind: 'value', token })));
    subset = true;
  }
  let checked = readings.filter((reading) => satisfiesRules(reading, row, unitOf, 'zero'));
  // A blank total (or part) may be one the report left out: then only a rule it takes part in cannot tell.
  const blankUnknown = checked.length === 0 && readings.length > 0;
  if (blankUnknown) checked = readings.filter((reading) => satisfiesRules(reading, row, unitOf, 'unknown'));
  let inconsistent = false;
  // Readings the rules choose among (a subset of the values, a cut of glued digits) are never kept when none holds.
  const chosenByRules = subset || gluedReadings.length > 0;
  if (checked.length === 0 && readings.length === 1 && !chosenByRules) {
    inconsistent = true;
    notes = [...notes, 'the row as printed breaks its rule'];
  }
  const kept = checked.length > 0 ? checked : inconsistent ? readings : chosenByRules ? [] : readings;
  const cellTokens = tokens.filter((token) => token.kind !== 'text').length;
  if (gluedReadings.length > 0 && checked.length > 1) {
    return { readings: [], placement: 'split', celled, subset, inconsistent: false, cellTokens, notes, gluedCuts: checked };
  }
  const placement = subset || digitsSplit || gluedReadings.length > 0 ? 'split' : celled ? 'cell' : 'count';
  const frame = framed ? { length: framed.length, offsets: kept.map((reading) => framed.offsets[framed.readings.indexOf(reading)]!) } : undefined;
  const gapBlanks = spaced && values.length < cellCount;
  return {
    readings: kept, placement, celled, subset, inconsistent, cellTokens, notes, ...(frame ? { frame } : {}), ...(gapBlanks ? { gapBlanks } : {}),
    ...(blankUnknown && checked.length > 0 ? { blankUnknown: true } : {}),
  };
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) if (predicate(items[index]!)) return index;
  return -1;
}

interface Windows {
  readonly readings: PlacedCell[][];
  /** Cells on the row's lines. */
  readonly length: number;
  /** Where each reading starts among them. */
  readonly offsets: readonly number[];
}

/**
 * The cells (values and empty cells) on the lines the values stand on; for values joined by spaces or printed one
 * per line (`spaced`), every cell of the run: there an empty cell is a line or a run of spaces of its own.
 */
function frameCells(tokens: readonly Token[], values: readonly ValueToken[], spaced = false): Token[] {
  // So, too, for cells printed one a line closed by a bar ("258 |", a blank cell "|"): each value alone on its line.
  if (spaced || values.every((value) => tokens.every((token) => token === value || token.line !== value.line))) {
    return tokens.filter((token) => token.kind === 'value' || token.kind === 'empty');
  }
  const firstLine = values[0]!.line;
  const lastLine = values[values.length - 1]!.line;
  return tokens.filter((token) => (token.kind === 'value' || token.kind === 'empty') && token.line >= firstLine && token.line <= lastLine);
}

/**
 * Every run of `cellCount` consecutive cells (values and empty cells, on the lines the values stand on) that
 * holds all the values.
 */
function windows(tokens: readonly Token[], values: readonly ValueToken[], cellCount: number, spaced: boolean): Windows {
  const cells = frameCells(tokens, values, spaced);
  const firstValue = cells.indexOf(values[0]!);
  const lastValue = cells.indexOf(values[values.length - 1]!);
  const readings: PlacedCell[][] = [];
  const offsets: number[] = [];
  for (let from = Math.max(0, lastValue - cellCount + 1); from <= firstValue && from + cellCount <= cells.length; from++) {
    readings.push(cells.slice(from, from + cellCount).map((token): PlacedCell => (token.kind === 'value' ? { kind: 'value', token } : { kind: 'empty', start: token.start })));
    offsets.push(from);
  }
  return { readings, length: cells.length, offsets };
}

/**
 * A row printing as many values as cells, joined by spaces, with a wider run of spaces (an empty cell) between two
 * of them: more cells than the row has. One value is then not the row's (a page number run into its label, the
 * next row's), and which one only the rules can tell: each run of `cellCount` consecutive cells among them is a
 * reading too ("行政强制2 0  13": 2 | 0 | 13, or 0 | blank | 13 with 2 a page number). Only where a value is run
 * into the words around it, as page numbers run into flattened text are, on one line: values printed one per line
 * leave empty lines between rows and around page breaks as well as for empty cells, and columns laid out in spaces
 * (pdftotext -layout) leave runs of every width between the values of a full row.
 */
function gapWindows(tokens: readonly Token[], values: readonly ValueToken[], cellCount: number): PlacedCell[][] {
  if (values.some((token) => token.line !== values[0]!.line) || !values.some((token) => token.glued || token.afterWords === true)) return [];
  const cells = frameCells(tokens, values, true);
  const firstValue = cells.indexOf(values[0]!);
  const lastValue = cells.indexOf(values[values.length - 1]!);
  if (lastValue - firstValue + 1 <= cellCount) return [];
  const readings: PlacedCell[][] = [];
  for (let from = firstValue; from + cellCount <= lastValue + 1; from++) {
    readings.push(cells.slice(from, from + cellCount).map((token): PlacedCell => (token.kind === 'value' ? { kind: 'value', token } : { kind: 'empty', start: token.start })));
  }
  return readings;
}
