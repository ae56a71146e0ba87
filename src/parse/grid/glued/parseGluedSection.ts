import type { TemplateDefinition } from '../../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../../text/MappedText.ts';
import { evaluateRule } from '../../../validate/evaluateRule.ts';
import type { CellReading, ParseResult } from '../../ParseResult.ts';
import { compactView, sourceSpan, type CompactView } from './compactView.ts';
import { findAppealsRun } from './findAppealsRun.ts';
import { findSectionStart } from './findSectionStart.ts';
import { gridRowSpecs, type GridRowSpec, type NewFormatSection } from './gridRowSpecs.ts';
import { locateGluedRows, runPieces, type LocatedRow } from './locateGluedRows.ts';
import { rowCells } from './rowCells.ts';
import { withSupport } from './solvedCell.ts';
import { sectionResult } from './sectionResult.ts';
import { isGluedSection, rowReadings, type RowReadings } from './rowReadings.ts';
import { solveApplicationGrid } from './solveApplicationGrid.ts';

/** Layout name of every cell this parser reads. */
export const GLUED_LAYOUT = 'glued-digits';

/** Compact characters a section's table may span at most (far more than any real one). */
const SECTION_REACH = 6_000;
/** Partial-sum states kept per outcome row when solving section 三. */
const MAX_STATES = 20_000;
/** Rows of section 二 whose digits run on from their labels that make a run set apart by a space stand out. */
const MIN_ROWS_RUNNING_ON = 2;
const FLOW_ROWS = new Set(['newReceived', 'carriedOver', 'resultTotal', 'carriedForward']);
const OTHER_SUB_ROWS = new Set(['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling']);

/** Everything one section's reading needs. */
interface SectionContext {
  readonly text: MappedText;
  readonly template: TemplateDefinition;
  readonly view: CompactView;
  readonly specs: readonly GridRowSpec[];
}

/**
 * Reads a section of a new-format form printed as running text with its cells glued together
 * ("一、本年新收政府信息公开申请数量640020470二、上年结转…"): each row label is located in order, the digits
 * between labels are taken (the next row's glued ordinal cut off), and the table is solved as a whole against
 * its rules — every split of each row that satisfies its row sum, then the combination across rows that
 * satisfies the column rules (section 三), the group sums (section 四). A cell with the same value in every
 * reading that satisfies the rules is read; a cell that differs between readings, or a row with no reading,
 * comes out with value null, ambiguous, and a note. Section 二 has no rules: only runs with a single split are
 * read. Returns null when the section is not found or is not glued (its cells are separated).
 */
export function parseGluedSection(
  text: MappedText,
  template: TemplateDefinition,
  sectionId: '二' | '三' | '四',
  /** compactView(text.text), when the caller already has it (it reads every section of one text). */
  view?: CompactView,
): ParseResult | null {
  const specs = gridRowSpecs(template, sectionId);
  if (specs.length === 0) return null;
  const context: SectionContext = { text, template, view: view ?? compactView(text.text), specs };
  if (sectionId === '二') return readDisclosure(context);
  if (sectionId === '三') return readApplications(context);
  return readAppeals(context);
}

function readDisclosure(context: SectionContext): ParseResult | null {
  const { view, specs } = context;
  const start = findSectionStart(view.text, specs, '二');
  if (start === undefined) return null;
  const applicationsStart = findSectionStart(view.text, gridRowSpecs(context.template, '三'), '三', start);
  const end = applicationsStart ?? Math.min(view.text.length, start + SECTION_REACH / 2);
  const rows = locateGluedRows(view, specs, start, end, true);
  if (!isGluedSection(rows)) return null;
  const cells: CellReading[] = [];
  let ambiguousRows = 0;
  // Rows whose digits run on from their labels, and those a space sets apart from them: in a section glued so, a run
  // set apart may be where something was put in (a page number run into a value: "行政事业性收费 20 万元" for 0 on
  // page 2, seed 4839, variant 2373), and no rule of section 二 checks it. (Not a run opening with 0, which no page
  // number does: "规章 000" in a real report glued so.)
  const setApart = (row: LocatedRow): boolean => {
    if (row.run === undefined) return false;
    const start = sourceSpan(view, row.run.start, row.run.end).start;
    return /\s/u.test(context.text.text[start - 1] ?? '') && /[1-9１-９]/u.test(context.text.text[start] ?? '');
  };
  const runningOn = rows.filter((row) => row.run !== undefined && !/\s/u.test(context.text.text[sourceSpan(view, row.run.start, row.run.end).start - 1] ?? '')).length;
  for (const row of rows) {
    const readings = rowReadings(view.text, row);
    const used = readings.truncated ? [] : readings.candidates.map((_, index) => index);
    if (used.length !== 1 && !readings.spaced) ambiguousRows++;
    cells.push(...rowCells({
      ...(runningOn >= MIN_ROWS_RUNNING_ON && setApart(row) ? { setApart: true } : {}),
      ...context,
      row,
      readings,
      used,
      layout: GLUED_LAYOUT,
      noneReason: readings.truncated ? 'too many splits to list' : 'no split fits the row',
      notes: used.length > 1 ? ['section 二 has no rule to choose between splits'] : [],
      ruleless: true,
    }));
  }
  return result(context, '二', start, rows, cells, [
    `${context.template.id}/二 read as glued digits: ${rows.length} of ${specs.length} rows found, ${ambiguousRows} with more than one split`,
  ]);
}

function readApplications(context: SectionContext): ParseResult | null {
  const { view, specs } = context;
  const start = findSectionStart(view.text, specs, '三');
  if (start === undefined) return null;
  const rows = locateGluedRows(view, specs, start, Math.min(view.text.length, start + SECTION_REACH), false);
  if (!isGluedSection(rows)) return null;

  const readingsByKey = new Map<string, RowReadings>();
  const candidates = new Map<string, number[][]>();
  for (const row of rows) {
    const readings = rowReadings(view.text, row, row.spec.fieldIds.length);
    readingsByKey.set(row.spec.key, readings);
    if (readings.truncated) continue;
    candidates.set(row.spec.key, readings.candidates.map((spans) => spans.map(([from, to]) => Number(view.text.slice(from, to)))));
  }
  const combined = rows.some((row) => row.spec.virtual);
  const outcomeKeys = specs
    .filter((spec) => !FLOW_ROWS.has(spec.key) && (combined ? !OTHER_SUB_ROWS.has(spec.key) : !spec.virtual))
    .map((spec) => spec.key);
  const solution = solveApplicationGrid({ candidates, outcomeKeys, maxStates: MAX_STATES });
  const failedNote = solution.failed.length > 0
    ? [`column rule${solution.failed.length > 1 ? 's' : ''} ${solution.failed.join(' and ')} hold${solution.failed.length > 1 ? '' : 's'} for no split of the table: as printed it does not add up`]
    : [];

  const cells: CellReading[] = [];
  const inconsistentRows: string[] = [];
  const skippedAfter = rowsBeforeSkipped(rows, specs, combined);
  for (const row of rows) {
    const readings = readingsByKey.get(row.spec.key)!;
    const used = solution.used.get(row.spec.key) ?? [];
    if (row.run && readings.candidates.length === 0 && !readings.truncated) inconsistentRows.push(row.spec.key);
    const rowCellsRead = rowCells({
      ...context,
      row,
      readings,
      used,
      layout: GLUED_LAYOUT,
      noneReason: noneReason(row, readings),
      notes: [...failedNote, ...solution.notes],
      tableInDoubt: solution.failed.length > 0,
    });
    if (row.spec.virtual) continue;
    cells.push(...(skippedAfter.has(row.spec.key) ? rowCellsRead.map(beforeSkipped) : rowCellsRead));
  }
  const notes = [
    `${context.template.id}/三 read as glued digits: ${rows.length} rows found, ${[...candidates.values()].filter((list) => list.length > 0).length} with splits that satisfy their row sums; ${solution.readings} reading${solution.readings === 1 ? '' : 's'} of those rows satisfy the rules applied (${solution.applied.join(', ') || 'row sums only'})`,
    ...inconsistentRows.map((key) => `printed inconsistency: no split of row applications.${key} satisfies its row sum`),
    ...failedNote,
  ];
  if (failedNote.length === 0) {
    const failing = failingRules(context.template, cells);
    if (failing.length > 0) notes.push(`inconsistency: rules ${failing.join(', ')} fail on the cells read`);
  }
  if (combined) notes.push('(六)其他处理 printed as one row: its three sub-rows are not read');
  return result(context, '三', start, rows, cells, notes);
}

/**
 * Keys of the rows found right before rows of the form not found (their labels lost to a scan, printed as nothing):
 * the glued run after such a row's label may be one of theirs, the row itself printed blank, and its split holding
 * the row sum does not tell them apart. The sub-rows of （六） a document printing the single combined row leaves out are
 * not missing.
 */
function rowsBeforeSkipped(rows: readonly LocatedRow[], specs: readonly GridRowSpec[], combined: boolean): Set<string> {
  const printed = specs.filter((spec) => (combined ? !OTHER_SUB_ROWS.has(spec.key) : !spec.virtual)).map((spec) => spec.key);
  const position = new Map(printed.map((key, index) => [key, index]));
  const keys = new Set<string>();
  rows.forEach((row, index) => {
    const here = position.get(row.spec.key);
    const next = rows[index + 1];
    const there = next ? position.get(next.spec.key) : undefined;
    if (here !== undefined && there !== undefined && there > here + 1) keys.add(row.spec.key);
  });
  return keys;
}

/** A cell counted off before rows not found, measured apart (CellSupport.beforeSkipped). */
function beforeSkipped(cell: CellReading): CellReading {
  return withSupport(cell, { beforeSkipped: true });
}

function readAppeals(context: SectionContext): ParseResult | null {
  const { view, specs } = context;
  const applicationSpecs = gridRowSpecs(context.template, '三');
  const applicationsStart = findSectionStart(view.text, applicationSpecs, '三');
  let from = 0;
  if (applicationsStart !== undefined) {
    const rows = locateGluedRows(view, applicationSpecs, applicationsStart, Math.min(view.text.length, applicationsStart + SECTION_REACH), false);
    const last = rows[rows.length - 1];
    from = last ? (last.run?.end ?? last.label.end) : applicationsStart;
  }
  const found = findAppealsRun(view.text, from);
  const spec = specs[0];
  if (!found || !spec) return null;
  const row: LocatedRow = {
    spec,
    label: { start: found.headingStart, end: found.run.start, score: found.labelScore },
    run: found.run,
    pieces: runPieces(view, found.run.start, found.run.end),
  };
  // Unlike a row of 二 or 三, a glued 四 run may hold fewer digits than cells (blank cells): it is read, to no avail.
  const glued = !found.run.moreDigitsAfter && row.pieces.length < spec.fieldIds.length && row.pieces.some(([from, to]) => to - from >= 2);
  if (!glued) return null;
  const readings = rowReadings(view.text, row, 5);
  const used = readings.truncated ? [] : readings.candidates.map((_, index) => index);
  const cells = rowCells({ ...context, row, readings, used, layout: GLUED_LAYOUT, noneReason: noneReason(row, readings) });
  const notes = [`${context.template.id}/四 read as glued digits: ${used.length} split${used.length === 1 ? '' : 's'} of "${found.run.text}" satisfy the three group sums`];
  if (used.length === 0) notes.push(`printed inconsistency or blank cells: no split of "${found.run.text}" satisfies the group sums of section 四`);
  return result(context, '四', found.headingStart, [row], cells, notes);
}

/** Ids of the template's section 三 rules that fail on the cells read (a check on the solver, and on spaced rows). */
function failingRules(template: TemplateDefinition, cells: readonly CellReading[]): string[] {
  const values = new Map(cells.map((cell) => [cell.fieldId, cell.ambiguous ? null : cell.value]));
  return template.rules
    .filter((rule) => /^(flow|outcomes|row)\./u.test(rule.id))
    .filter((rule) => evaluateRule(rule, (id) => values.get(id)).outcome === 'fail')
    .map((rule) => rule.id);
}

function noneReason(row: LocatedRow, readings: RowReadings): string {
  if (!row.run) return 'no digits after the label';
  if (readings.truncated) return `the glued run "${row.run.text}" has too many splits to list`;
  if (readings.candidates.length === 0) return `no split of the glued run "${row.run.text}" satisfies the row sum (printed inconsistency)`;
  return `no split of the glued run "${row.run.text}" satisfies the column rules together with the other rows`;
}

function result(
  context: SectionContext,
  sectionId: NewFormatSection,
  compactStart: number,
  rows: readonly LocatedRow[],
  cells: readonly CellReading[],
  notes: string[],
): ParseResult {
  const { text, view, template, specs } = context;
  const last = rows[rows.length - 1];
  const compactEnd = last ? (last.run?.end ?? last.label.end) : compactStart;
  const span = sourceSpan(view, compactStart, compactEnd);
  const original = text.toOriginal(span.start, span.end);
  const confirmed = !notes.some((note) => /does not add up|inconsistency/u.test(note));
  return sectionResult({ template, sectionId, specs, span: original, cells, notes, confirmed });
}
