import type { CellReading } from '../ParseResult.ts';
import { doubtedCell } from '../doubtedCell.ts';
import type { MappedText } from '../../text/MappedText.ts';
import { columnLogOdds } from '../../templates/columnShares.ts';
import { orderedChoices } from './orderedChoices.ts';
import { readTokenCell } from './readTokenCell.ts';
import type { ValueToken } from './Token.ts';

/** A row anchored in order whose values, fewer than its cells, no placement the section's rules accept fits. */
export interface RowToPropose {
  readonly fieldIds: readonly string[];
  /** The row's values as printed, in order. */
  readonly tokens: readonly ValueToken[];
  readonly labelScore: number;
  readonly layout: string;
}

/** Placements of a row enumerated at most (a seven-cell row has at most 35). */
const MAX_PLACEMENTS = 1_000;

const NOTE = 'ambiguous: the row prints fewer values than cells and no placement of them holds the section\'s rules (a value drawn elsewhere, or one the report left out)';

/**
 * Cells to offer a reviewer for a row of section 三 the solver found but could not place: its values in printed order,
 * in the columns that most often print one (columnShare), wherever every placement scoring best agrees. Each cell is
 * ambiguous, its value only a proposal (never committed); cells the best placements disagree on, and cells they
 * leave blank, get none. Rows of no known columns get none.
 */
export function proposeUnplacedRow(view: MappedText, row: RowToPropose, unitOf: (fieldId: string) => string): Map<string, CellReading> {
  const proposals = new Map<string, CellReading>();
  const weights = row.fieldIds.map(columnLogOdds);
  const count = row.tokens.length;
  if (count === 0 || count >= row.fieldIds.length || weights.some((weight) => weight === undefined)) return proposals;
  const values = row.tokens.map((token) => readTokenCell(view, { kind: 'value', token }, row.fieldIds[0]!, unitOf(row.fieldIds[0]!), row.layout, row.labelScore, { readings: 0, anchored: true, placement: 'count' })?.value);
  if (values.some((value) => value === undefined || value === null)) return proposals;
  const placements = orderedChoices(row.fieldIds.length, count, MAX_PLACEMENTS);
  if (placements.length > MAX_PLACEMENTS) return proposals;
  // The most log-odds of the columns holding a value other than 0.
  const score = (placement: readonly number[]): number => placement.reduce((sum, cell, index) => sum + (values[index] !== 0 ? weights[cell]! : 0), 0);
  const best = Math.max(...placements.map(score));
  const tied = placements.filter((placement) => score(placement) >= best - 1e-9);
  row.fieldIds.forEach((fieldId, cell) => {
    // The value index each best placement puts in this cell (-1: blank there).
    const at = new Set(tied.map((placement) => placement.indexOf(cell)));
    if (at.size !== 1) return;
    const index = [...at][0]!;
    if (index < 0) return;
    const reading = readTokenCell(view, { kind: 'value', token: row.tokens[index]! }, fieldId, unitOf(fieldId), row.layout, row.labelScore, { readings: 0, anchored: true, placement: 'count' });
    if (reading && reading.value !== null) proposals.set(fieldId, doubtedCell(reading, NOTE));
  });
  return proposals;
}

/** The proposals of every row to propose whose fields the solver read none of, by field id. */
export function proposalsFor(
  view: MappedText,
  rows: readonly (RowToPropose | undefined)[],
  cells: ReadonlyMap<string, CellReading>,
  unitOf: (fieldId: string) => string,
): Map<string, CellReading> {
  const proposals = new Map<string, CellReading>();
  for (const row of rows) {
    if (!row || row.fieldIds.some((fieldId) => cells.has(fieldId))) continue;
    for (const [fieldId, cell] of proposeUnplacedRow(view, row, unitOf)) proposals.set(fieldId, cell);
  }
  return proposals;
}
