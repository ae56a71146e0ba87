import { labelSimilarity } from '../../normalise/labelKey.ts';
import { lineAfter, lineBefore, tabsAlone } from '../linesBeside.ts';
import type { TableDefinition } from '../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../text/MappedText.ts';
import { alignByPosition } from './alignByPosition.ts';
import { countCellStream } from './countCellStream.ts';
import type { AppealZones } from './findColumnZones.ts';
import { lineStartOf } from './displayColumn.ts';
import type { GridCell, GridLayout, GridRow } from './GridRow.ts';
import { makeCellReading } from './makeCellReading.ts';
import { emptyOutcome, recordReading, type SectionOutcome } from './SectionOutcome.ts';
import { splitRowParts, type RowParts } from './splitRowParts.ts';

const GROUP_SIZE = 5;
const PART_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

/** Group keywords, most specific first (复议后起诉 also contains 复议). */
const GROUP_KEYWORDS: readonly { readonly pattern: RegExp; readonly groups: readonly number[] }[] = [
  { pattern: /复议后起诉/u, groups: [2] },
  { pattern: /未经复议|直接起诉/u, groups: [1] },
  { pattern: /行政诉讼/u, groups: [1, 2] },
  { pattern: /行政复议/u, groups: [0] },
];

interface ValueRow {
  readonly row: GridRow;
  readonly cells: readonly GridCell[];
  /** Labels printed on the row itself or on the label rows since the previous value row. */
  readonly context: string;
  /** Whether the row prints labels besides its values. */
  readonly labelled: boolean;
  /** Index of the row among the section's rows. */
  readonly index: number;
}

/**
 * Reads section 四: one printed row of 15 cells (行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5), found as
 * one row of 15 (tab, pipe, HTML, whitespace, one cell per line), or as rows of 5 (or 10 for 行政诉讼) under
 * their group's heading. A whitespace row of fewer cells under the fifteen part headers of aligned text
 * (pdftotext -layout, `zones` by the start of the row's line) is placed by position, its empty columns read
 * as blanks (layout `aligned-row`). Values printed one per line after the headers, blank cells as empty
 * lines, are counted as one stream of cells (`countCellStream`): placed only when the count makes exactly the
 * 15 cells, left to review when it cannot (never placed by guess). Rows whose cells fit none
 * of these are not read. `original` is the decoded text the view maps back to (its line endings are checked).
 */
export function readAppealsSection(
  view: MappedText,
  table: TableDefinition,
  rows: readonly GridRow[],
  units: ReadonlyMap<string, string>,
  zones?: AppealZones,
  original?: string,
): SectionOutcome {
  const fieldIds = table.rows[0]!.cells.filter((cell): cell is string => cell !== null);
  const outcome: SectionOutcome = emptyOutcome();
  const headerCells: string[] = [];
  const valueRows: ValueRow[] = [];
  let context = '';
  const terminated = tabLinesEndInTabs(view.text, rows);
  for (const [index, row] of rows.entries()) {
    const parts = splitRowParts(row);
    const labelText = parts.labels.map((placed) => placed.cell.text).join(' ');
    if (!isValueRow(row, parts)) {
      for (const placed of parts.labels) if (headerCells.length < 60) headerCells.push(placed.cell.text);
      context = `${context} ${labelText}`.slice(-200);
      continue;
    }
    if (parts.mixed) continue;
    const cells = parts.values.map((placed) => placed.cell);
    if (terminated && row.layout === 'tab-row' && cells[cells.length - 1]?.text === '') cells.pop();
    valueRows.push({ row, cells: trimTrailingPadding(cells), context: `${context} ${labelText}`, labelled: parts.labels.length > 0, index });
    context = '';
  }
  const partScores = PART_LABELS.map((label) => bestScore(headerCells, label));
  const headerScore = partScores.reduce((sum, score) => sum + score, 0) / partScores.length;

  const assign = (valueRow: ValueRow, cells: readonly GridCell[], firstGroup: number, how: string, row: GridRow = valueRow.row): void => {
    outcome.matchedRows++;
    cells.forEach((cell, offset) => {
      const column = firstGroup * GROUP_SIZE + offset;
      const fieldId = fieldIds[column];
      if (!fieldId) return;
      const notes = [how];
      const labelScore = headerScore > 0 ? Math.max(0.5, partScores[column % GROUP_SIZE]!) : 0.5;
      const reading = makeCellReading(view, cell, { fieldId, unit: units.get(fieldId) ?? '件', row, labelScore, notes });
      if (!reading) {
        outcome.unreadable.add(fieldId);
        return;
      }
      recordReading(outcome, reading);
    });
  };

  joinWrappedRows(valueRows, fieldIds.length);
  const stream = cellStreamOf(valueRows);
  if (stream) {
    const first = valueRows[0]!;
    const last = valueRows[valueRows.length - 1]!;
    const counted = countCellStream(view, rows[0]!.start, first.row.start, last.row.end, original);
    const row: GridRow = { ...first.row, end: last.row.end, incomplete: false };
    if (counted.kind === 'counted' && counted.cells.length === fieldIds.length) {
      assign(first, counted.cells, 0, 'the 15 cells of the 行政复议/行政诉讼 row read one per line, blank cells counted from the empty lines', row);
      return outcome;
    }
    // Fewer or more than 15 cells counted, or blank lines that cannot be counted: blank cells before the first
    // value would shift every value by a group, so the stream is not placed from the form's order. The rows are
    // read below only as the layouts that need no count allow (rows of five under their own group heading).
    const why = counted.kind === 'counted'
      ? `values printed one per line count ${counted.cells.length} cells, not the row's 15: not placed as one stream`
      : `values printed one per line: ${counted.reason}`;
    if (outcome.notes.length < 6) outcome.notes.push(why);
  }

  let pendingFives: ValueRow[] = [];
  let unplacedValues = false;
  for (const valueRow of valueRows) {
    const cells = valueRow.cells;
    const lineZones = zones && valueRow.row.layout === 'space-row' ? zones.byLine.get(lineStartOf(view.text, valueRow.row.start)) : undefined;
    const positional = zones && lineZones ? alignByPosition(zones.columns, cells, fieldIds, lineZones) : undefined;
    if (positional?.kind === 'placed' && cells.length !== fieldIds.length) {
      const placed = positional.cells.map((cell) => cell!);
      assign(valueRow, placed, 0, 'the 行政复议/行政诉讼 cells placed under their part headers by position on the line', { ...valueRow.row, layout: 'aligned-row' });
      continue;
    }
    if (positional?.kind === 'placed' && positional.cells.some((cell, column) => cell?.text !== cells[column]?.text)) {
      if (outcome.notes.length < 6) outcome.notes.push('the 15 cells read in order and by position under the part headers disagree; not read');
      for (const fieldId of fieldIds) outcome.unreadable.add(fieldId);
      continue;
    }
    if (cells.length === fieldIds.length || (cells.filter((cell) => cell.text !== '').length === fieldIds.length && cells.length > fieldIds.length)) {
      const used = cells.length === fieldIds.length ? cells : cells.filter((cell) => cell.text !== '');
      assign(valueRow, used, 0, 'the 15 cells of the 行政复议/行政诉讼 row read in order');
      if (valueRow.row.layout === 'tab-row' && besideTabsAlone(view.text, valueRow.row)) doubtCells(outcome, fieldIds, BESIDE_TABS_ALONE);
      else if (used === cells && valueRow.row.layout === 'tab-row' && !terminated && cells[cells.length - 1]!.text === ''
        && /\t[ \u3000]*$/u.test(view.text.slice(valueRow.row.start, valueRow.row.end))) doubtClosingPiece(outcome, fieldIds);
      continue;
    }
    // The full header names every group: a row after it stands under no one group's heading.
    const groups = namesSeveralGroups(valueRow.context) ? [] : groupsIn(valueRow.context);
    if (cells.length === GROUP_SIZE * 2 && groups.length === 2 && groups[0] === 1 && !headsReconsideration(valueRow.context)) {
      assign(valueRow, cells, 1, 'the 10 行政诉讼 cells read in order under their heading');
    } else if (cells.length === GROUP_SIZE && groups.length === 1) {
      assign(valueRow, cells, groups[0]!, 'five cells read under their group heading');
    } else if (cells.length === GROUP_SIZE && groups.length !== 1) {
      pendingFives.push(valueRow);
    } else if (cells.some((cell) => cell.text !== '')) {
      const note = `a row of ${cells.length} value cell(s) fits no layout of the 15-cell row; not read`;
      if (!outcome.notes.includes(note) && outcome.notes.length < 6) outcome.notes.push(note);
      for (const fieldId of fieldIds) outcome.unreadable.add(fieldId);
      unplacedValues = true;
    }
  }
  // Values the section prints in a row no layout fits may be the rest of a row read above (a row of ten under the
  // 行政诉讼 heading that was the first line of a wrapped row of fifteen): what was read stands in doubt.
  if (unplacedValues) {
    for (const [fieldId, cell] of outcome.cells) {
      outcome.cells.set(fieldId, { ...cell, ambiguous: true, unitInDoubt: false, notes: [...cell.notes, 'ambiguous: another row of the section prints values no layout of the row fits: these cells may be part of it'] });
    }
  }
  // Three rows of five with no group headings: the form prints the groups in one fixed order.
  if (pendingFives.length === 3 && outcome.matchedRows === 0) {
    pendingFives.forEach((valueRow, group) => assign(valueRow, valueRow.cells, group, 'three rows of five cells read in the form\'s group order'));
    pendingFives = [];
  }
  if (pendingFives.length > 0) outcome.notes.push(`${pendingFives.length} row(s) of five cells without a group heading; not read`);
  return outcome;
}

/**
 * The value rows when they are one stream of cells printed one per line: all of layout cell-per-line, with no
 * label among them or between them, and split into several rows or cut short (runs of empty lines the line
 * reader could not explain). Undefined otherwise (one complete row reads as it is).
 */
function cellStreamOf(valueRows: readonly ValueRow[]): readonly ValueRow[] | undefined {
  if (valueRows.length === 0) return undefined;
  if (valueRows.some((valueRow) => valueRow.row.layout !== 'cell-per-line' || valueRow.labelled)) return undefined;
  const first = valueRows[0]!;
  const last = valueRows[valueRows.length - 1]!;
  if (last.index - first.index + 1 !== valueRows.length) return undefined;
  // One row the line reader already made the 15 cells of (blanks counted from its own row model) reads as it is.
  if (valueRows.length === 1 && (!first.row.incomplete || first.cells.length === GROUP_SIZE * 3)) return undefined;
  return valueRows;
}

function isValueRow(row: GridRow, parts: RowParts): boolean {
  if (parts.filled > 0) return true;
  // A row of blank cells only counts when its cells are explicit (separators printed), five or more of them.
  return parts.values.length >= GROUP_SIZE && row.layout !== 'space-row';
}

/**
 * Whether every tab line of the section ends in a tab (two or more of them): there a tab row's empty last cell is the
 * line's terminator, not a cell. Counted as one, a row a break cut a cell short ("\t" alone on the line before
 * "\t\t0\t0…\t0\t0\t") makes the 15 cells exactly, every value a cell off (measureIndependentBreaks seed 189,
 * tab-broken: six committed).
 */
/**
 * Whether the line right before or right after a tab row holds tabs alone: a piece of the row a break cut off ("\t" /
 * "0\t\t\t5\t…" for _ 0 _ _ 5 …, or "\t\t\t\t\t\t\t\t\t" / "\t2\t2\t0\t…"), its tabs each a blank cell's or the label
 * column's: how many cells the row lost to it is not known.
 */
function besideTabsAlone(text: string, row: GridRow): boolean {
  const lineStart = lineStartOf(text, row.start);
  let lineEnd = row.end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  return tabsAlone(lineBefore(text, lineStart)) || tabsAlone(lineAfter(text, lineEnd));
}

const BESIDE_TABS_ALONE = 'ambiguous: a line of tabs alone beside the row is a piece of it a break cut off: how many of its cells that piece held is not known';

/** The cells of the fields given are ambiguous, for the reason given. */
function doubtCells(outcome: SectionOutcome, fieldIds: Iterable<string>, note: string): void {
  for (const fieldId of fieldIds) {
    const cell = outcome.cells.get(fieldId);
    if (cell) outcome.cells.set(fieldId, { ...cell, ambiguous: true, unitInDoubt: false, notes: [...cell.notes, note] });
  }
}

/**
 * A row of 15 tab cells whose last is the empty piece after a tab closing its line, in a table whose rows do not all
 * close with tabs: that piece may be the row's blank last cell, or the closing tab's, the row having lost a blank
 * cell elsewhere (a hard wrap at a tab carries it to a line of its own: "总计\t⏎\t⏎\t\t\t\t0\t0…0\t", read
 * _ _ _ _ 0 | 0 … for _ _ _ _ _ | 0 …, its sums holding: measureIndependentBreaks seed 383, tab-broken). Every place
 * the lost blank may have stood whose reading holds each group's sum as well, meeting as many printed totals exactly:
 * the cells those readings put apart are ambiguous.
 */
function doubtClosingPiece(outcome: SectionOutcome, fieldIds: readonly string[]): void {
  const values = fieldIds.map((fieldId) => outcome.cells.get(fieldId)?.value ?? null);
  // A group's sum holds when its total is blank, or its printed parts reach the total (a blank part may hold the rest:
  // rules.md), or make it exactly with none blank.
  const holds = (reading: readonly (number | null)[]): boolean => [0, 1, 2].every((group) => {
    const total = reading[group * GROUP_SIZE + GROUP_SIZE - 1];
    const parts = reading.slice(group * GROUP_SIZE, group * GROUP_SIZE + GROUP_SIZE - 1);
    const printed = parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
    return total == null || (parts.includes(null) ? printed <= total : printed === total);
  });
  // A reading whose sums meet their printed totals exactly in fewer groups (a total it turns blank, say) explains less:
  // no rival of one that explains more.
  const exact = (reading: readonly (number | null)[]): number => [0, 1, 2].filter((group) => {
    const total = reading[group * GROUP_SIZE + GROUP_SIZE - 1];
    const parts = reading.slice(group * GROUP_SIZE, group * GROUP_SIZE + GROUP_SIZE - 1);
    return total != null && parts.reduce<number>((sum, part) => sum + (part ?? 0), 0) === total;
  }).length;
  if (!holds(values)) return;
  const apart = new Set<number>();
  for (let lost = 0; lost < values.length; lost++) {
    const reading = [...values.slice(0, lost), null, ...values.slice(lost, -1)];
    if (!holds(reading) || exact(reading) < exact(values)) continue;
    reading.forEach((value, column) => {
      if (value !== values[column]) apart.add(column);
    });
  }
  doubtCells(outcome, [...apart].map((column) => fieldIds[column]!),
    'ambiguous: the row\'s last cell is the empty piece after a tab closing its line, which may be that tab\'s: a blank cell lost before it would move this one');
}

function tabLinesEndInTabs(text: string, rows: readonly GridRow[]): boolean {
  const tabRows = rows.filter((row) => row.layout === 'tab-row');
  return tabRows.length >= 2 && tabRows.every((row) => /\t[ \u3000]*$/u.test(text.slice(row.start, row.end)));
}

function trimTrailingPadding(cells: readonly GridCell[]): GridCell[] {
  let end = cells.length;
  while (end > 15 && cells[end - 1]!.text === '') end--;
  return cells.slice(0, end);
}

/** The groups a row's heading context names, from the last keyword printed. */
function groupsIn(context: string): readonly number[] {
  let bestAt = -1;
  let groups: readonly number[] = [];
  for (const keyword of GROUP_KEYWORDS) {
    const pattern = new RegExp(keyword.pattern.source, 'gu');
    for (let match = pattern.exec(context); match; match = pattern.exec(context)) {
      // 复议后起诉 contains 复议 and 行政诉讼 headings precede 未经复议…: prefer the later, then the more specific.
      if (match.index > bestAt) {
        bestAt = match.index;
        groups = keyword.groups;
      }
    }
  }
  return groups;
}

/** Whether the context names more than one of the three groups by name (行政诉讼 is the heading of two). */
/**
 * Whether the labels before a row head a 行政复议 group of its own ("行政复议 … 行政诉讼" over the columns): ten cells
 * after them are no 行政诉讼 row alone but the first line of the fifteen, wrapped. The section's heading naming both
 * ("行政复议、行政诉讼情况") heads no column.
 */
function headsReconsideration(context: string): boolean {
  return /行政复议/u.test(context.replace(/行政复议\s*[、，,和及与]\s*(?:提起)?\s*行政诉讼/gu, ''));
}

function namesSeveralGroups(context: string): boolean {
  const named = [/行政复议/u, /未经复议|直接起诉/u, /复议后起诉/u].filter((pattern) => pattern.test(context));
  return named.length > 1;
}

function bestScore(cells: readonly string[], label: string): number {
  let best = 0;
  for (const cell of cells) best = Math.max(best, labelSimilarity(cell, label));
  return best;
}

/**
 * A row of cells wrapped onto the next line (tab or pipe rows hard-wrapped at a width): two value rows on adjacent
 * lines, the second printing no label, whose cells together make the row's count are one row. A wrap at a tab may
 * carry the tab to the start of the next line, an empty cell the row never had: dropped where that makes the count.
 */
function joinWrappedRows(valueRows: ValueRow[], cellCount: number): void {
  for (let index = 0; index + 1 < valueRows.length; index++) {
    const first = valueRows[index]!;
    const next = valueRows[index + 1]!;
    if (first.cells.length >= cellCount || next.index !== first.index + 1 || next.labelled || next.context.trim() !== '') continue;
    if (first.row.layout !== next.row.layout || !WRAPPABLE_LAYOUTS.has(first.row.layout)) continue;
    let rest = next.cells;
    if (first.cells.length + rest.length === cellCount + 1 && rest[0]?.text === '') rest = rest.slice(1);
    if (first.cells.length + rest.length !== cellCount) continue;
    valueRows.splice(index, 2, { ...first, row: { ...first.row, end: next.row.end }, cells: [...first.cells, ...rest], index: next.index });
  }
}

/** Row layouts whose cells a hard wrap leaves countable (their separators kept). */
const WRAPPABLE_LAYOUTS: ReadonlySet<GridLayout> = new Set(['tab-row', 'pipe-row']);
