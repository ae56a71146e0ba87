import type { RowDefinition, TableDefinition } from '../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../text/MappedText.ts';
import { alignByPosition } from './alignByPosition.ts';
import { alignRowValues, type Alignment, type HeaderPositions } from './alignRowValues.ts';
import type { ColumnZones } from './ColumnZones.ts';
import type { ColumnZoneLookup } from './findColumnZones.ts';
import { LONE_DASH, type GridCell, type GridRow } from './GridRow.ts';
import { makeCellReading } from './makeCellReading.ts';
import { indexRows, matchRowLabel, type RowIndex, type RowMatch } from './matchRowLabel.ts';
import { emptyOutcome, recordReading, type SectionOutcome } from './SectionOutcome.ts';
import { splitRowParts, type RowParts } from './splitRowParts.ts';
import { HeaderTracker } from './trackHeaderPositions.ts';
import { labelAround, labelBelow, wrappedBlankLabel, type HeldRow } from './labelsAroundRow.ts';
import { parseLabelOrdinal } from '../list/compileListRows.ts';

/** How many notes about unread rows one section keeps (prose can produce many). */
const MAX_NOTES = 12;

interface SectionContext {
  readonly view: MappedText;
  readonly index: RowIndex;
  readonly headers: HeaderTracker;
  readonly units: ReadonlyMap<string, string>;
  readonly outcome: SectionOutcome;
  readonly zones: ColumnZoneLookup | undefined;
  readonly positional: PositionalRows;
  note(text: string): void;
}

/** Rows placed by position, held until the section is read, and the column zones full rows contradicted. */
interface PositionalRows {
  readonly pending: { readonly zones: ColumnZones; readonly key: string; readonly fieldIds: readonly string[]; record(): void }[];
  readonly distrusted: Set<ColumnZones>;
}

/**
 * Reads the labelled rows of a section (二 or 三): each row is matched to a template row by its label cells,
 * its value cells are placed under the columns (alignRowValues), and every placed cell becomes a reading.
 * Label-only rows are followed as header rows. Rows that are prose (a value before a label) are skipped. A
 * label wrapped onto the next row ("(二)部分公开(区分处理的," then "不计其他情形) 0 0 …") is read joined. With
 * `zones` (the column positions of aligned text, pdftotext -layout), a whitespace row whose cells do not fit
 * its columns by count is placed by position (layout `aligned-row`), its empty columns read as blanks.
 */
export function readLabelledSection(
  view: MappedText,
  tables: readonly TableDefinition[],
  rows: readonly GridRow[],
  units: ReadonlyMap<string, string>,
  zones?: ColumnZoneLookup,
): SectionOutcome {
  const outcome = emptyOutcome();
  const context: SectionContext = {
    view,
    index: indexRows(tables),
    headers: new HeaderTracker(tables),
    units,
    outcome,
    zones,
    positional: { pending: [], distrusted: new Set() },
    note: (text) => {
      if (outcome.notes.length < MAX_NOTES) outcome.notes.push(text);
    },
  };
  let held: HeldRow | undefined;
  // Rows read printed blank, and the lines of values no label of the form begins (see doubtBlanksBesideValues).
  const blankRows: { readonly row: GridRow; readonly fieldIds: readonly string[] }[] = [];
  const unlabelledValueLines = new Set<GridRow>();
  const release = (): void => {
    if (held?.isBlankRow) {
      const match = matchRowLabel(held.labelTexts, context.index);
      if (match.kind === 'matched') blankRows.push({ row: held.row, fieldIds: match.candidate.row.cells.filter((cell): cell is string => cell !== null) });
      readRow(context, held.row, held.parts, held.labelTexts, match);
    }
    held = undefined;
  };
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
    const row = rows[rowIndex]!;
    const parts = splitRowParts(row);
    const wrapped = held !== undefined && parts.labels.length === 0 ? labelAround(context, held, row, parts, rows[rowIndex + 1]) : undefined;
    if (wrapped) {
      // The row's label printed on the lines around its numbers: read with it, the label's last line taken along.
      held = undefined;
      if (wrapped.tail) rowIndex++;
      context.note(`row label "${wrapped.labelTexts.join(' ')}" is printed around its numbers' line; read as ${wrapped.match.candidate.row.key}`);
      readRow(context, row, parts, wrapped.labelTexts, wrapped.match);
      continue;
    }
    if (parts.labels.length === 0 || parts.mixed) {
      release();
      continue;
    }
    const labelTexts = ownLabels(parts.labels.map((placed) => placed.cell.text));
    if (parts.values.length === 0) {
      // Labels only: a header row, a heading or prose; it may hold the first part of a wrapped label.
      release();
      context.headers.observe(row);
      held = { row, parts, labelTexts, isBlankRow: false, isHeader: labelTexts.some((text) => context.headers.isColumnLabel(text)) };
      continue;
    }
    let match = matchRowLabel(labelTexts, context.index);
    // The last of a header's column labels ("… 法律服务机构 其他", repeated at a page's top), which is also a row's label
    // without its ordinal ("3.其他"), is the header's, not that row's: values after it belong to a row whose label was
    // lost.
    const last = labelTexts[labelTexts.length - 1];
    if (match.kind === 'matched' && last !== undefined && parseLabelOrdinal(last).ordinal === undefined && context.headers.isColumnLabel(last)
      && labelTexts.filter((text) => context.headers.isColumnLabel(text)).length >= 2) {
      const byLast = matchRowLabel([last], context.index);
      if (byLast.kind === 'matched' && byLast.candidate.row === match.candidate.row) match = { kind: 'none' };
    }
    if (parts.filled === 0) {
      // A row printed blank whose label began on the label-only line above ("（二）部分公开（" / "区分处理的，只计这一
      // 情形，不计其他情形） <empty cells>"): read joined where the two together are a label of the form exactly.
      const blankLabel = wrappedBlankLabel(context, held, labelTexts, match);
      if (blankLabel) {
        held = undefined;
        context.note(`row label "${blankLabel.labelTexts.join(' ')}" is printed over two lines; read joined as ${blankLabel.match.candidate.row.key}`);
      }
      release();
      const rowLabels = blankLabel?.labelTexts ?? labelTexts;
      const rowMatch = blankLabel?.match ?? match;
      const minimumCells = rowMatch.kind === 'matched' ? rowMatch.candidate.row.cells.filter((cell) => cell !== null).length : 1;
      const isHeader = rowLabels.some((text) => context.headers.isColumnLabel(text));
      const isBlankRow = rowMatch.kind === 'matched' && parts.values.length >= minimumCells && !context.headers.isHeaderRow(row);
      if (!isBlankRow) context.headers.observe(row);
      held = { row, parts, labelTexts: rowLabels, isBlankRow, isHeader };
      continue;
    }
    // A label opening with its own ordinal ("2.重复由请", OCR'd) starts a row: it does not continue a row printed
    // blank, nor the wrapped tail of a label just above ("1.信访举报投诉" / "类申请" / "2.重复由请 2 0 …"); only a
    // group's heading just above ("（五）不予处理") tells which group's "2." it is.
    const startsRow = parseLabelOrdinal(labelTexts[0] ?? '').ordinal !== undefined
      && (held?.isBlankRow === true || (held !== undefined && parseLabelOrdinal(held.labelTexts[held.labelTexts.length - 1] ?? '').ordinal === undefined));
    // A label matched only by likeness may be a wrapped label's tail ("…只计这一情形，不计" / "其他情形） 0 3 0 …" is like
    // 其他): it continues the line above when the two together are a label of the form exactly.
    const inexact = match.kind === 'matched' && match.score < 1;
    if ((match.kind !== 'matched' || inexact) && held && !held.isHeader && !startsRow) {
      const joined = matchRowLabel([...held.labelTexts, ...labelTexts], context.index);
      // An ambiguous label ("…处理其政府信息公开申请" ends two rows) is settled only by one of its candidates.
      const settles = inexact ? joined.kind === 'matched' && joined.score === 1
        : match.kind === 'none' || (match.kind === 'ambiguous' && joined.kind === 'matched' && match.candidates.some((candidate) => candidate.row === joined.candidate.row));
      // Words no label of the row holds, after a label the line above already matches as well alone ("2.没有现成信息需要
      // / 另行制作" then "囗口曰 17 0 …"), are no tail of it: another row's label, lost to the scan, whose values they are.
      const heldLabels = held.labelTexts;
      const addsNothing = (row: RowDefinition, score: number): boolean => {
        const alone = matchRowLabel(heldLabels, context.index);
        const words = plainWords(labelTexts.join(''));
        // (Nor a piece with no words at all, "（" of "（ 7 6 0 … / 七）总计", a label split after its bracket.)
        return alone.kind === 'matched' && alone.candidate.row === row && alone.score >= score
          && (words === '' || !row.labels.some((label) => plainWords(label).includes(words)));
      };
      if (joined.kind === 'matched' && settles && !addsNothing(joined.candidate.row, joined.score)) {
        match = joined;
        held = undefined;
        context.note(`row label "${[...labelTexts].join(' ')}" continues the row above; read joined as ${joined.candidate.row.key}`);
      }
    }
    release();
    const below = labelBelow(context, labelTexts, match, rows, rowIndex);
    if (below) {
      context.note(`row label "${below.labelTexts.join(' ')}" goes on below its numbers' line; read joined as ${below.match.candidate.row.key}`);
      rowIndex += below.lines;
      readRow(context, row, parts, below.labelTexts, below.match);
      continue;
    }
    if (match.kind !== 'matched' && parts.filled > 0) unlabelledValueLines.add(row);
    readRow(context, row, parts, labelTexts, match);
  }
  release();
  doubtBlanksBesideValues(outcome, rows, blankRows, unlabelledValueLines);
  for (const pending of context.positional.pending) {
    if (!context.positional.distrusted.has(pending.zones)) {
      pending.record();
      continue;
    }
    context.note(`row ${pending.key}: a full row's numbers do not stand under the header columns, so positions are not trusted; not read`);
    for (const fieldId of pending.fieldIds) outcome.unreadable.add(fieldId);
  }
  return outcome;
}

/**
 * A row read printed blank on the line next to a line of values whose words begin no label of the form (no rule
 * between: the same kind of row) may be one row whose label wrapped inside its cell, its values on the other line
 * ("（七） | 163 | … | 196" over "总计 | | … |"); so may a row another line was read as too, its cells not placed (a
 * hard wrap broke that line): its blank cells are not certain.
 */
function doubtBlanksBesideValues(
  outcome: SectionOutcome,
  rows: readonly GridRow[],
  blankRows: readonly { readonly row: GridRow; readonly fieldIds: readonly string[] }[],
  unlabelledValueLines: ReadonlySet<GridRow>,
): void {
  for (const blank of blankRows) {
    const at = rows.indexOf(blank.row);
    const beside = [rows[at - 1], rows[at + 1]].some((row) => row !== undefined && unlabelledValueLines.has(row) && row.layout === blank.row.layout);
    // Another line read as the same row whose cells could not be placed: its values may be this row's.
    const unplacedTwin = blank.fieldIds.some((fieldId) => outcome.unreadable.has(fieldId));
    if (!beside && !unplacedTwin) continue;
    for (const fieldId of blank.fieldIds) {
      const cell = outcome.cells.get(fieldId);
      if (!cell || cell.value !== null || cell.ambiguous) continue;
      outcome.cells.set(fieldId, { ...cell, ambiguous: true, unitInDoubt: false, notes: [...cell.notes, BLANK_BESIDE_VALUES_NOTE] });
    }
  }
}

const BLANK_BESIDE_VALUES_NOTE = 'ambiguous: read blank, but values on the line beside it stand under no label of the form: a label wrapped in its cell may make them this row\'s';

/**
 * The labels of a row's own: where a later label opens with a numbered ordinal after an earlier one did
 * ("1.信访举报" "投诉类申" "请" "2.重复由请", one cell per line), the earlier belong to a row printed with no value
 * before this one, and only the labels from the last such ordinal on are this row's (matched alone, an OCR'd
 * "2.重复由请" is left unread rather than read through the row before's words).
 */
function ownLabels(labelTexts: readonly string[]): string[] {
  const numbered = labelTexts.map((text) => parseLabelOrdinal(text).ordinal?.kind === 'arabic');
  const last = numbered.lastIndexOf(true);
  return last > 0 && numbered.indexOf(true) < last ? labelTexts.slice(last) : [...labelTexts];
}

/** Reads one row matched (or not) to a template row. */
function readRow(context: SectionContext, row: GridRow, parts: RowParts, labelTexts: readonly string[], match: RowMatch): void {
  const { outcome, index, headers, note } = context;
  if (match.kind === 'none') {
    if (parts.filled > 0) {
      note(`row "${labelTexts.join(' ')}" has values but no label of the form; not read`);
      outcome.unlabelledValueRows.push(labelTexts.join(''));
    }
    return;
  }
  if (match.kind === 'ambiguous') {
    note(`row "${labelTexts.join(' ')}" fits several rows of the form (${match.candidates.map((candidate) => candidate.row.key).join(', ')}); not read`);
    return;
  }
  if ((row.layout === 'cell-per-line' || row.layout === 'space-row') && namesSeveralRows(labelTexts, index, headers)) {
    // Labels printed as a block before the values (PDF text): which values belong to which row is unknown.
    note(`row labels "${labelTexts.join(' ')}" stand in a block before the values; not read`);
    return;
  }
  const { table, row: definition } = match.candidate;
  const header = row.layout === 'cell-per-line' || row.layout === 'space-row' ? undefined : headers.positionsOf(table);
  let alignment: Alignment = alignRowValues(parts.values, parts.labels.map((placed) => placed.index), definition.cells, header);
  let layoutRow = row;
  let placedBy: ColumnZones | undefined;
  // The row's first number pushed against its label: the row's columns are not where it stands.
  const firstValue = parts.labels.length > 0 ? parts.values.find((placed) => placed.cell.text !== '') : undefined;
  const pushed = firstValue !== undefined && context.zones?.columns.pushed(firstValue.cell.start) === true;
  const zones = row.layout === 'space-row' && !pushed ? context.zones?.zonesAt(table, row.start) : undefined;
  if (zones) {
    const positional = alignByPosition(context.zones!.columns, parts.values.map((placed) => placed.cell), definition.cells, zones);
    if (positional.kind === 'placed' && alignment.kind === 'aligned' && !sameCells(positional.cells, alignment.cells)) {
      alignment = { kind: 'unaligned', reason: 'the cells read in order and the cells under the header columns by position disagree' };
    } else if (positional.kind === 'placed' && alignment.kind === 'unaligned') {
      alignment = { kind: 'aligned', cells: positional.cells, method: 'cells placed under the header columns by their position on the line', byHeader: false };
      layoutRow = { ...row, layout: 'aligned-row' };
      placedBy = zones;
    } else if (positional.kind === 'unplaced' && alignment.kind === 'aligned' && alignment.method === 'one cell per column') {
      // A full row whose numbers do not stand in the header's columns: the columns are not where the header says.
      context.positional.distrusted.add(zones);
    }
  }
  const fieldIds = definition.cells.filter((cell): cell is string => cell !== null);
  if (alignment.kind === 'unaligned' || (row.incomplete && alignment.method !== 'one cell per column') || row.strayBars === true) {
    const reason = alignment.kind === 'unaligned' ? alignment.reason : row.strayBars === true ? 'a bar in the row may be an OCR\'d 1' : 'the row may have lost cells';
    note(`row ${definition.key}: ${reason}; not read`);
    for (const fieldId of fieldIds) outcome.unreadable.add(fieldId);
    return;
  }
  const aligned = alignment;
  const record = (): void => recordRow(context, definition, aligned, { row: layoutRow, labelTexts, score: match.score, header });
  // Rows placed by position wait for the end of the section: a full row read later may show the columns wrong.
  if (placedBy) context.positional.pending.push({ zones: placedBy, key: definition.key, fieldIds, record });
  else record();
}

/** How a matched row was read: the row (its layout), its labels and their match, the header positions used. */
interface RowSource {
  readonly row: GridRow;
  readonly labelTexts: readonly string[];
  readonly score: number;
  readonly header: HeaderPositions | undefined;
}

/** Records the cells of a row placed under its columns. */
function recordRow(context: SectionContext, definition: RowDefinition, alignment: Extract<Alignment, { kind: 'aligned' }>, source: RowSource): void {
  const { outcome, note } = context;
  const { row: layoutRow, labelTexts, header } = source;
  outcome.matchedRows++;
  // (The last column the form prints: section 二's rows end in a column they leave unprinted.)
  const lastColumn = definition.cells.findLastIndex((fieldId) => fieldId !== null);
  definition.cells.forEach((fieldId, column) => {
    if (fieldId === null) return;
    const cell = alignment.cells[column];
    // A blank last cell a number alone on the next line may be (the row broken right after its last tab): not read.
    if (!cell || (layoutRow.lastCellInDoubt === true && column === lastColumn && (cell.text === '' || LONE_DASH.test(cell.text)))) {
      outcome.unreadable.add(fieldId);
      return;
    }
    const columnScore = alignment.byHeader && header ? header.scores[column] ?? 1 : 1;
    const notes = [`row label "${labelTexts[labelTexts.length - 1]}" read as ${definition.key}`];
    if (alignment.method !== 'one cell per column') notes.push(alignment.method);
    const reading = makeCellReading(context.view, cell, {
      fieldId,
      unit: context.units.get(fieldId) ?? '件',
      row: layoutRow,
      labelScore: source.score * columnScore,
      notes,
    });
    if (!reading) {
      note(`cell "${cell.text}" of row ${definition.key} is not a number; not read`);
      outcome.unreadable.add(fieldId);
      return;
    }
    // A line of a row whose label wrapped in its cell, no rule between the rows: its values may be another line's.
    recordReading(outcome, layoutRow.wrappedLabel === true ? { ...reading, ambiguous: true, unitInDoubt: false, notes: [...reading.notes, WRAPPED_LABEL_NOTE] } : reading);
  });
}

const WRAPPED_LABEL_NOTE = 'ambiguous: the row\'s label wrapped in its cell over lines with no rule between the rows: which label its values go with is not certain';

/** True when two readings of a row give every column the same text. */
function sameCells(first: readonly (GridCell | undefined)[], second: readonly (GridCell | undefined)[]): boolean {
  return first.length === second.length && first.every((cell, column) => (cell?.text ?? '') === (second[column]?.text ?? ''));
}

/** Label cells that name a row of the form with certainty, column labels aside. */
const STRONG_ROW_MATCH = 0.9;

/** True when two or more of a row's label cells each name a different row of the form (a block of labels). */
function namesSeveralRows(labels: readonly string[], index: RowIndex, headers: HeaderTracker): boolean {
  const named = new Set<string>();
  for (const label of labels) {
    if (headers.isColumnLabel(label)) continue;
    const match = matchRowLabel([label], index);
    if (match.kind === 'matched' && match.score >= STRONG_ROW_MATCH) named.add(`${match.candidate.table.id}/${match.candidate.row.key}`);
    if (named.size >= 2) return true;
  }
  return false;
}

/** A label's characters, spaces and punctuation left out (its bracketed notes kept: a wrapped tail may be one). */
function plainWords(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
}
