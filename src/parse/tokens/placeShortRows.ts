import { columnLogOdds } from '../../templates/columnShares.ts';
import { uniqueLeast } from '../uniqueLeast.ts';
import type { TemplateDefinition } from '../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { CellReading, CellSupport } from '../ParseResult.ts';
import type { Anchor } from './chooseAnchors.ts';
import type { PlacedCell, RowReadings } from './placeRowValues.ts';
import { gluedShortRowReadings, shortRowReadings } from './shortRowReadings.ts';
import { readingValues } from './readingRules.ts';
import { pruneByRules, type RowCandidates } from './pruneByRules.ts';
import { readTokenCell } from './readTokenCell.ts';
import { readValue } from './readValue.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { UnplacedRow } from './solveSection.ts';
import type { ValueToken } from './Token.ts';

/*
 * Rows whose blank cells left no trace (fewer values than cells, no cell boundaries), placed against the section's
 * rules together with the rows placed from their own runs: see solveJointly.
 */

/**
 * A short row's values with the next row's ordinal cut off its last value ("02" before "2.其他…" is 0); undefined
 * when another value carries digits glued to an ordinal (which digits are the value is unknown).
 */
export function withoutOrdinalTail(values: readonly ValueToken[], nextOrdinal: string | undefined): ValueToken[] | undefined {
  const last = values[values.length - 1];
  if (values.slice(0, -1).some((token) => token.ordinalTail)) return undefined;
  if (!last?.ordinalTail) return [...values];
  if (nextOrdinal === undefined || !last.raw.endsWith(nextOrdinal) || last.raw.length === nextOrdinal.length) return undefined;
  const raw = last.raw.slice(0, last.raw.length - nextOrdinal.length);
  return [...values.slice(0, -1), { ...last, raw, end: last.start + raw.length, ordinalTail: false }];
}

/**
 * A short row's one glued run of zeros ("行政复议…总计000五、…") as the zeros it prints, one cell each: no count prints a
 * leading zero, so "000" splits only one way, 0 | 0 | 0, whatever row it stands in. A row of several groups (section
 * 四's three sums, which gluedShortRowReadings does not split against) then places them as any short row's values.
 * A row whose one sum the glued-run reader splits against keeps its run whole for it.
 */
export function zerosApart(values: ValueToken[] | undefined, row: SkeletonRow, unitOf: (fieldId: string) => string): ValueToken[] | undefined {
  const run = values?.length === 1 ? values[0]! : undefined;
  if (!run?.glued || !/^0{2,}$/u.test(run.raw) || run.raw.length >= row.fieldIds.length) return values;
  if (gluedShortRowReadings(run, row, unitOf).length > 0) return values;
  return [...run.raw].map((_, index) => ({ ...run, raw: '0', start: run.start + index, end: run.start + index + 1, glued: false, ordinalTail: false }));
}

/** An anchored row that printed fewer values than cells, with no trace of its blanks: its values in printed order. */
export interface ShortRow {
  readonly anchor: Anchor;
  readonly row: SkeletonRow;
  readonly values: readonly ValueToken[];
  readonly unplaced: UnplacedRow;
  readonly layout: string;
  /** Its readings when they are not every placement of `values` (a glued digit run split). */
  readonly readings?: PlacedCell[][];
}

/** A row placed from its own run: its readings, and whether they can take part in the section's rules. */
export interface PlacedRow {
  readonly row: SkeletonRow;
  readonly placed: RowReadings;
  readonly stacked: boolean;
  /** Counted off through header words drawn among its values (solveSection): its order is in doubt. */
  readonly interleaved?: boolean;
  /** Read as its gaps say because the joint placement left it (solveSection): its rules did not check the count. */
  readonly unchecked?: boolean;
}

/**
 * Places the short rows against the section's rules, with the rows placed from their own runs: every way to lay
 * each short row's values into its cells (its row rules holding), then every candidate of every row that no choice
 * of the other rows' candidates completes into a section where the rules hold is dropped (pruneByRules). The flow
 * and outcome columns tie the rows together: "26 26" in 一、本年新收 and in （七）总计, every other row "0 0",
 * puts 26 in the same column of both, and proves the zeros' rows. Rows whose placement is in doubt (stacked over
 * lines, breaking their rule as printed) stay out: the rules they take part in are left out.
 * Returns the placed rows' readings (those the section's rules leave) and each short row's surviving readings
 * (undefined for a row that has none); undefined when the rows as read contradict the rules.
 */
export function solveJointly(
  placedRows: readonly PlacedRow[],
  shortRows: readonly ShortRow[],
  template: TemplateDefinition,
  unitOf: (fieldId: string) => string,
): { placed: RowReadings[]; short: (PlacedCell[][] | undefined)[] } | undefined {
  const rows: RowCandidates[] = [];
  const placedIndex: (number | undefined)[] = [];
  const readingsOf: PlacedCell[][][] = [];
  const add = (row: SkeletonRow, readings: readonly (readonly PlacedCell[])[]): number | undefined => {
    const candidates = readings.map((reading) => readingValues(reading, row, unitOf));
    if (readings.length === 0 || candidates.some((values) => values === undefined)) return undefined;
    rows.push({ fieldIds: row.fieldIds, candidates: candidates as number[][] });
    readingsOf.push(readings.map((reading) => [...reading]));
    return rows.length - 1;
  };
  // A row whose own reading rests on a guess does not place the others: a page marker read back as cells ("- 4 -" as
  // blank | 4 | blank) or extra numbers dropped shifts it, and the column rules then shift every short row alike.
  const inDoubt = (placed: RowReadings): boolean => placed.inconsistent || placed.markerRead === true || placed.subset;
  for (const { row, placed, stacked } of placedRows) placedIndex.push(stacked || inDoubt(placed) ? undefined : add(row, placed.readings));
  const shortIndex = shortRows.map((short) => add(short.row, short.readings ?? shortRowReadings(short.values, short.row, unitOf)));
  if (shortIndex.every((index) => index === undefined)) return undefined;
  const survivors = pruneByRules(rows, template.rules);
  if (!survivors) return undefined;
  const kept = (index: number): PlacedCell[][] => survivors[index]!.map((candidate) => readingsOf[index]![candidate]!);
  return {
    placed: placedRows.map(({ placed }, position) => {
      const index = placedIndex[position];
      if (index === undefined || survivors[index]!.length === placed.readings.length) return placed;
      return { ...placed, readings: kept(index), notes: [...placed.notes, 'readings of the row that the section\'s rules exclude dropped'] };
    }),
    short: shortIndex.map((index) => (index === undefined ? undefined : kept(index))),
  };
}

/**
 * A short row keeping more placements than this after the section's rules (a long row of few values, "0 0 0" in
 * fifteen cells) is not read cell by cell: its placements say little, and reading them all costs more than it tells.
 */
export const MAX_JOINT_READINGS = 500;

/** A short row's surviving readings with each cell's value (null for a blank) and how many value sets they make. */
export interface JointRow {
  readonly readings: readonly (readonly PlacedCell[])[];
  readonly values: readonly (readonly (number | null)[])[];
  readonly distinct: number;
  /** The reading offered to the reviewer where they differ (likeliestPlacement); undefined when none stands out. */
  readonly likeliest?: number;
}

export function jointRowOf(readings: readonly (readonly PlacedCell[])[], row: SkeletonRow, unitOf: (fieldId: string) => string): JointRow {
  const values = readings.map((reading) => reading.map((cell, index) => (cell.kind === 'value' ? readValue(cell.token.raw, unitOf(row.fieldIds[index]!))?.value ?? null : null)));
  const likeliest = likeliestPlacement(values, row.fieldIds);
  return { readings, values, distinct: new Set(values.map((cells) => cells.map((value) => value ?? 0).join(' '))).size, ...(likeliest === undefined ? {} : { likeliest }) };
}

/**
 * Of a short row's placements, the one whose values other than 0 stand in the columns that most often print one
 * (columnShare: natural persons before businesses before research institutes): the most log-odds taken together.
 * Undefined for a row of no known columns, or when two placements that differ score the same.
 */
export function likeliestPlacement(values: readonly (readonly (number | null)[])[], fieldIds: readonly string[]): number | undefined {
  const weights = fieldIds.map(columnLogOdds);
  if (weights.some((weight) => weight === undefined)) return undefined;
  // The most log-odds is the least cost; placements that put the same values in the same cells are one.
  return uniqueLeast(values, (cells) => -cells.reduce<number>((sum, value, cell) => sum + (value !== null && value !== 0 ? weights[cell]! : 0), 0),
    (left, right) => left.every((value, cell) => value === right[cell]));
}

/** A short row printing at most one of every this many of its cells is measured apart (CellSupport.fewPrinted). */
const FEW_PRINTED_SHARE = 3;

/**
 * One cell of a short row placed jointly: the value every surviving reading puts there; a blank when every one
 * leaves it empty; 0 (method inferred, raw "") when each puts a printed 0 or a blank there (which, nothing tells,
 * and a blank of such a row is a 0 its total proves); ambiguous, with the values in a note, when they differ.
 */
export function readJointCell(view: MappedText, row: JointRow, short: ShortRow, cellIndex: number, unit: string): CellReading | undefined {
  const fieldId = short.row.fieldIds[cellIndex]!;
  const fewPrinted = short.values.length * FEW_PRINTED_SHARE <= short.row.fieldIds.length;
  const support: CellSupport = { readings: row.distinct, anchored: true, placement: 'joint', ...(fewPrinted ? { fewPrinted } : {}) };
  const states = row.readings.map((reading) => reading[cellIndex]!);
  const values = row.values.map((reading) => reading[cellIndex]!);
  const first = readTokenCell(view, states[0]!, fieldId, unit, short.layout, short.anchor.labelScore, support);
  if (!first) return undefined;
  const note = `placed with the section's rules: the row prints ${short.values.length} of its ${short.row.fieldIds.length} cells (${short.values.map((token) => token.raw).join(' ')})`;
  // A row printing only zeros, fewer than its cells: which cells are the blanks nothing printed says, whatever the
  // readings the rules leave (they keep a blank out of the total: a report may still print its total blank).
  const zerosOnly = row.values.every((reading) => reading.every((value) => value === null || value === 0));
  if (!zerosOnly && values.every((value) => value === values[0])) return { ...first, notes: [...first.notes, note] };
  if (values.every((value) => value === null || value === 0)) {
    const span = view.toOriginal(short.values[0]!.start, short.values[0]!.start);
    return {
      fieldId, raw: '', value: 0, start: span.start, end: span.end, method: 'inferred', layout: short.layout, labelScore: first.labelScore,
      repairs: [], ambiguous: false, notes: [note, '0 or blank: the readings the rules leave put a printed 0 or nothing here'],
      support: { ...support, zeroOrBlank: true },
    };
  }
  const distinct = [...new Set(values.map((value) => String(value ?? 'blank')))];
  const offered = row.likeliest === undefined ? undefined : values[row.likeliest];
  // A blank offered is the cell's value as read already (null).
  const proposal = offered === undefined || offered === null ? {} : { proposal: offered };
  const notes = [note, `ambiguous: ${row.readings.length} placements of the row's values the section's rules leave put ${distinct.join(' or ')} here`];
  if (offered !== undefined) notes.push(`offered for review: ${offered ?? 'blank'}, the placement whose values stand in the columns that most often print one`);
  return { ...first, value: null, ambiguous: true, unitInDoubt: false, ...proposal, notes };
}
