import { doubtedCell } from '../doubtedCell.ts';
import { sectionOfTable } from '../../templates/newFormatTables.ts';
import { tableRowOf } from '../../templates/tableRowOf.ts';
import type { TableDefinition, TemplateDefinition } from '../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { CellReading, ParseResult, SectionReading } from '../ParseResult.ts';
import { parseColumnOrderSection } from './columnOrder/parseColumnOrderSection.ts';
import { findAppealZones, findColumnZones } from './findColumnZones.ts';
import { findGridSections, type GridSectionId, type SectionRegion } from './findGridSections.ts';
import { compactView, type CompactView } from './glued/compactView.ts';
import { GLUED_LAYOUT, parseGluedSection } from './glued/parseGluedSection.ts';
import { pageDigitCuts } from './glued/pageDigitCuts.ts';
import { withSupport } from './glued/solvedCell.ts';
import { lineTokens, type LineToken } from './columnOrder/lineTokens.ts';
import { measuredMetric } from '../../normalise/columnMetric.ts';
import { DisplayColumns } from './displayColumn.ts';
import { digitsAboveOrBelowIn, readRowLinesOf } from './digitsAboveOrBelow.ts';
import { holdRowsWrappedPastTheirLine } from './holdRowsWrappedPastTheirLine.ts';
import { holdTableGoingOn } from './holdTableGoingOn.ts';
import type { GridRow } from './GridRow.ts';
import { readAppealsSection } from './readAppealsSection.ts';
import { readGridRows } from './readGridRows.ts';
import { readLabelledSection } from './readLabelledSection.ts';
import { emptyOutcome, type SectionOutcome } from './SectionOutcome.ts';
import { HeaderTracker } from './trackHeaderPositions.ts';
import { keepsReadingOrder, mergeRow } from '../tokens/mergeReadings.ts';
import { solveSection } from '../tokens/solveSection.ts';
import { beginsLabelIn } from './beginsLabelIn.ts';
import { readNumberStream } from './stream/readNumberStream.ts';
import { evaluateRule } from '../../validate/evaluateRule.ts';

const SECTIONS: readonly GridSectionId[] = ['二', '三', '四'];

/**
 * Reads the grid tables of the new-format forms (sections 二, 三, 四) in any layout they are found in.
 *
 * Row-based first: each section's table region is cut into rows of separated cells (tab, pipe, HTML,
 * whitespace, one cell per line), rows are matched to the template by their labels and their cells placed
 * under the columns without guessing. A section with fields left unread (no separated cells, or labels and
 * values printed apart) also goes to the glued-table solver and the column-order reader, which fill only the
 * fields the row-based reading left out: row-based cells win where both read a field. A section is
 * `resolved` only when every one of its fields was read and none is ambiguous. `decodedText` (the text the
 * view maps back to) lets aligned text (pdftotext -layout) be measured in columns as printed, before
 * normalisation folded full-width punctuation.
 */
export function parseGridTables(text: MappedText, template: TemplateDefinition, decodedText?: string): ParseResult {
  // Measured in CJK display width unless the text's rows show pdftotext's grid of characters.
  const page = new DisplayColumns(text, decodedText, (decodedText === undefined ? undefined : measuredMetric(decodedText)) ?? 'display');
  const regions = findGridSections(text.text);
  const units = new Map(template.fields.map((field) => [field.id, field.unit]));
  const rowOf = tableRowOf(template);
  const cells = new Map<string, CellReading>();
  const sections: SectionReading[] = [];
  const notes: string[] = [];
  // Short numbers the token solver left out of rows as too many for their cells: page numbers, perhaps (numbersDropped).
  const strayNumbers: { start: number; end: number }[] = [];
  // Built on first use, then shared by every section (it indexes the decoded text's lines).
  let digitsAboveOrBelow: ((start: number, end: number) => boolean) | undefined;
  const views: WholeTextViews = {};
  for (const sectionId of SECTIONS) {
    const tables = sectionTables(template, sectionId);
    if (tables.length === 0) continue;
    const fieldIds = sectionFieldIds(tables);
    const region = regions[sectionId];
    const outcome = region ? readSection(page, sectionId, tables, region, units, decodedText) : emptyOutcome();
    notes.push(...outcome.notes.map((note) => `${sectionId}: ${note}`));
    if (outcome.unreadable.size > 0) notes.push(`${sectionId}: ${outcome.unreadable.size} field(s) in rows found but not placed with certainty`);
    const sectionCells = new Map(outcome.cells);
    if (fieldIds.some((fieldId) => !outcome.cells.has(fieldId))) {
      const fallback = readWithoutSeparators(text, template, sectionId, fieldIds, views);
      for (const [fieldId, cell] of fallback.cells) if (!sectionCells.has(fieldId)) sectionCells.set(fieldId, cell);
      notes.push(...fallback.notes);
    }
    let proposals: ReadonlyMap<string, CellReading> = new Map();
    if (region) {
      const solved = solveSection(text, template, tables, region, units, page);
      proposals = solved.proposals ?? proposals;
      strayNumbers.push(...(solved.droppedNumbers ?? []));
      for (const row of tables.flatMap((table) => table.rows)) {
        const rowFieldIds = row.cells.filter((cell): cell is string => cell !== null);
        const merged = mergeRow(rowFieldIds.map((fieldId) => sectionCells.get(fieldId)), rowFieldIds.map((fieldId) => solved.cells.get(fieldId)));
        rowFieldIds.forEach((fieldId, index) => {
          const cell = merged[index];
          if (cell) sectionCells.set(fieldId, cell);
        });
      }
      // A row the solver found printing nothing is blank only if no values of the section were left under words
      // that begin its label: a label the line reader could not match, its first line's words cut by a value run
      // ("（六）其他处 1.申请人无正 0 3 0 …"), holds this row's values, which the solver read as the row before's.
      if (outcome.unlabelledValueRows.length > 0) {
        for (const [fieldId, cell] of sectionCells) {
          if (cell.support?.emptyRow !== true) continue;
          const row = tables.flatMap((table) => table.rows).find((candidate) => candidate.cells.includes(fieldId));
          if (!row || !outcome.unlabelledValueRows.some((words) => beginsLabelIn(row.labels, words))) continue;
          sectionCells.set(fieldId, { ...cell, support: { ...cell.support, emptyRow: false }, notes: [...cell.notes, 'ambiguous: values printed under words that begin this row\'s label, not read as its row, may be this row\'s'] });
        }
      }
      // A row the solver anchored right before the next row's label, with nothing printed between them: values the
      // glued-digit reader gave it (reading on past an OCR'd label it did not know: "（一）予以公开（二）部分公幵…3O00003")
      // were printed after the next row's label. (Readers of other orders, column by column, place values apart
      // from their labels by design.)
      for (const fieldId of solved.printedNothing) {
        const cell = sectionCells.get(fieldId);
        if (!cell || (cell.ambiguous && cell.unitInDoubt !== true) || cell.value === null || cell.layout !== GLUED_LAYOUT || solved.cells.has(fieldId)) continue;
        sectionCells.set(fieldId, { ...cell, ambiguous: true, unitInDoubt: false, notes: [...cell.notes, 'ambiguous: the row\'s label is followed directly by the next row\'s: the value read here was printed after that one'] });
      }
      for (const row of solved.unplaced) {
        const rowCells = row.fieldIds.map((fieldId) => sectionCells.get(fieldId));
        // (Cells read past a page number printed bare: the values in reading order still hold its digits.)
        if (keepsReadingOrder(rowCells, row) || rowCells.some((cell) => cell?.support?.pageDigitsCut === true)) continue;
        row.fieldIds.forEach((fieldId, index) => {
          const cell = rowCells[index];
          if (cell && (!cell.ambiguous || cell.unitInDoubt === true)) sectionCells.set(fieldId, { ...cell, ambiguous: true, unitInDoubt: false, notes: [...cell.notes, 'ambiguous: the values of the row in reading order cannot stand in these cells in that order'] });
        });
      }
      notes.push(...solved.notes.map((note) => `${sectionId}: ${note}`));
    }
    markWrappedLabelLines(sectionCells, text, outcome.wrappedLabelLines ?? []);
    if (decodedText !== undefined) {
      // Lines holding a cell read in this section: another row's, not the rest of a number split over lines.
      const readLines = readRowLinesOf(decodedText, [...sectionCells].map(([fieldId, cell]) => ({ start: cell.start, end: cell.end, row: rowOf.get(fieldId) ?? fieldId })));
      const digitsBesideLabels = digitsAboveOrBelowIn(decodedText, readLines);
      for (const [fieldId, cell] of sectionCells) {
        if (cell.ambiguous || cell.value === null) continue;
        // A number already joined from the lines a narrow cell wrapped it over (joinStackedDigits) is whole.
        if (decodedText.slice(cell.start, cell.end).includes('\n')) continue;
        digitsAboveOrBelow ??= digitsAboveOrBelowIn(decodedText);
        if (!digitsAboveOrBelow(cell.start, cell.end) && !digitsBesideLabels(cell.start, cell.end, rowOf.get(fieldId))) continue;
        // Whichever reader read it, the value is only the row line's part of a number split over lines.
        sectionCells.set(fieldId, doubtedCell(cell, SPLIT_NOTE, { splitPiece: true }));
      }
      holdRowsWrappedPastTheirLine(sectionCells, tables, decodedText);
    }
    if (region) holdTableGoingOn(sectionCells, template, tables, text.text, region.end);
    if (region && sectionId !== '二' && fieldIds.some((fieldId) => sectionCells.get(fieldId)?.ambiguous !== false)) {
      notes.push(...withNumberStream(text, template, sectionId, regions, fieldIds, sectionCells).map((note) => `${sectionId}: ${note}`));
    }
    // A row found but placed by no reader offers its likeliest placement to the reviewer (never committed).
    for (const [fieldId, cell] of proposals) if (!sectionCells.has(fieldId)) sectionCells.set(fieldId, cell);
    for (const [fieldId, cell] of sectionCells) cells.set(fieldId, cell);
    if (!region) notes.push(`${sectionId}: table region not found`);
    const span = region ? text.toOriginal(region.start, region.end) : { start: 0, end: 0 };
    sections.push({
      id: `${template.id}/${sectionId}`,
      heading: tables[0]!.heading[0] ?? sectionId,
      start: span.start,
      end: span.end,
      fieldIds,
      resolved: fieldIds.every((fieldId) => {
        const cell = sectionCells.get(fieldId);
        return cell !== undefined && !cell.ambiguous;
      }),
      placesResolved: fieldIds.every((fieldId) => {
        const cell = sectionCells.get(fieldId);
        return cell !== undefined && (!cell.ambiguous || cell.unitInDoubt === true);
      }),
    });
  }
  const read = sections.map((section) => `${section.id.split('/')[1]} ${section.fieldIds.filter((id) => cells.has(id)).length}/${section.fieldIds.length}`);
  notes.unshift(`grid tables of ${template.id}: fields read ${read.join(', ')}`);
  return { cells, sections, notes, ...(strayNumbers.length > 0 ? { strayNumbers } : {}) };
}

/** The note on a value held as only the row line's part of a number split over lines. */
export const SPLIT_NOTE = 'ambiguous: digits printed directly above or below this value: a number split over lines';

const tablesCache = new WeakMap<TemplateDefinition, Map<GridSectionId, readonly TableDefinition[]>>();

/** The grid tables of one section of a template (the same array each time, so indexes built on it are reused). */
function sectionTables(template: TemplateDefinition, sectionId: GridSectionId): readonly TableDefinition[] {
  let bySection = tablesCache.get(template);
  if (!bySection) {
    bySection = new Map();
    tablesCache.set(template, bySection);
  }
  let tables = bySection.get(sectionId);
  if (!tables) {
    tables = template.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === sectionId);
    bySection.set(sectionId, tables);
  }
  return tables;
}

const fieldIdsCache = new WeakMap<readonly TableDefinition[], readonly string[]>();

/** The field ids of a section's tables in row order (sectionTables hands out the same array each time, so once). */
function sectionFieldIds(tables: readonly TableDefinition[]): readonly string[] {
  let fieldIds = fieldIdsCache.get(tables);
  if (!fieldIds) {
    fieldIds = tables.flatMap((table) => table.rows.flatMap((row) => row.cells.filter((cell): cell is string => cell !== null)));
    fieldIdsCache.set(tables, fieldIds);
  }
  return fieldIds;
}

function readSection(
  page: DisplayColumns,
  sectionId: GridSectionId,
  tables: readonly TableDefinition[],
  region: SectionRegion,
  units: ReadonlyMap<string, string>,
  decodedText?: string,
): SectionOutcome {
  const text = page.view;
  const rows = markCutOff(readGridRows(text, region.start, region.end), text.text);
  const wrappedLabelLines = rows.filter((row) => row.wrappedLabel === true).map((row) => ({ start: row.start, end: row.end }));
  if (sectionId === '四') return { ...readAppealsSection(text, tables[0]!, rows, units, findAppealZones(page, region.start, region.end), decodedText), wrappedLabelLines };
  const zones = findColumnZones(page, region.start, region.end, tables, new HeaderTracker(tables));
  return { ...readLabelledSection(text, tables, rows, units, zones), wrappedLabelLines };
}

/**
 * Marks the cells (whichever reader read them) standing on a line of a drawn row whose label wrapped with no rule
 * between its lines (CellReading.onWrappedLabelLine): a hard wrap through such a row loses an empty cell no reader can
 * place for certain (the values may stand a cell to the left or right), and the row's own sum, holding whichever cell
 * the values moved to, would prove the blank left in a value's place 0.
 */
function markWrappedLabelLines(cells: Map<string, CellReading>, text: MappedText, lines: readonly { readonly start: number; readonly end: number }[]): void {
  if (lines.length === 0) return;
  const spans = lines.map((line) => text.toOriginal(line.start, line.end));
  for (const [fieldId, cell] of cells) {
    if (cell.onWrappedLabelLine === true || !spans.some((span) => cell.start >= span.start && cell.start <= span.end)) continue;
    cells.set(fieldId, { ...cell, onWrappedLabelLine: true });
  }
}

/**
 * The row the text ends in may have been cut off (pages saved only in part): it is marked incomplete, and
 * its last cell dropped unless a closing separator shows the cell ended.
 */
function markCutOff(rows: GridRow[], text: string): GridRow[] {
  const last = rows[rows.length - 1];
  if (!last || /\S/u.test(text.slice(last.end))) return rows;
  const closed = last.layout === 'html' || (last.layout === 'pipe-row' && text.slice(last.start, last.end).trimEnd().endsWith('|'));
  const cells = closed ? last.cells : last.cells.slice(0, -1);
  rows[rows.length - 1] = { ...last, cells, incomplete: true, notes: [...last.notes, 'the text ends in this row: it may be cut off'] };
  return rows;
}

/** What the readers without separators make of the whole text, built once per document and shared by its sections. */
interface WholeTextViews {
  view?: CompactView;
  tokens?: readonly LineToken[];
  /** compactView past the page numbers printed bare among glued cells (pageDigitCuts); undefined when there are none. */
  pastPageNumbers?: CompactView | null;
}

/**
 * The glued-table solver on the text as printed; where it leaves fields unread and the text hides page numbers among
 * its glued cells ("（一）予以公开90000 209": page 2 before the total 9), again past those numbers, the fields only
 * that reading reads taken from it, marked (CellSupport.pageDigitsCut), and only where every field both read agrees.
 */
function readGlued(text: MappedText, template: TemplateDefinition, sectionId: GridSectionId, fieldIds: readonly string[], views: WholeTextViews): ParseResult | null {
  const asPrinted = parseGluedSection(text, template, sectionId, (views.view ??= compactView(text.text)));
  const unread = (result: ParseResult | null, fieldId: string): boolean => {
    const cell = result?.cells.get(fieldId);
    return cell === undefined || cell.ambiguous || (cell.value === null && /[0-9]/u.test(cell.raw));
  };
  if (asPrinted && !fieldIds.some((fieldId) => unread(asPrinted, fieldId))) return asPrinted;
  if (views.pastPageNumbers === undefined) {
    const cuts = pageDigitCuts(text.text);
    views.pastPageNumbers = cuts.length === 0 ? null : compactView(text.text, 0, text.text.length, cuts);
  }
  if (views.pastPageNumbers === null) return asPrinted;
  const past = parseGluedSection(text, template, sectionId, views.pastPageNumbers);
  if (!past) return asPrinted;
  const gained = fieldIds.filter((fieldId) => unread(asPrinted, fieldId) && !unread(past, fieldId));
  const disagree = fieldIds.some((fieldId) => !unread(asPrinted, fieldId) && !unread(past, fieldId) && asPrinted!.cells.get(fieldId)!.value !== past.cells.get(fieldId)!.value);
  if (gained.length === 0 || disagree) return asPrinted;
  const cells = new Map(asPrinted?.cells ?? []);
  for (const fieldId of gained) {
    const cell = past.cells.get(fieldId)!;
    cells.set(fieldId, withSupport({ ...cell, notes: [...cell.notes, 'read past a page number printed bare among the glued cells'] }, { pageDigitsCut: true }));
  }
  return { ...(asPrinted ?? past), cells, notes: [...(asPrinted?.notes ?? []), `${template.id}/${sectionId}: ${gained.length} field(s) read past page numbers printed bare among the glued cells`] };
}

/** The glued-table solver, then the column-order reader, for the fields a section's rows did not give. */
function readWithoutSeparators(
  text: MappedText,
  template: TemplateDefinition,
  sectionId: GridSectionId,
  fieldIds: readonly string[],
  views: WholeTextViews,
): { cells: Map<string, CellReading>; notes: string[] } {
  const cells = new Map<string, CellReading>();
  const notes: string[] = [];
  const readers = [
    () => readGlued(text, template, sectionId, fieldIds, views),
    () => parseColumnOrderSection(text, template, sectionId, (views.tokens ??= lineTokens(text.text))),
  ];
  for (const reader of readers) {
    const result = reader();
    if (!result) continue;
    for (const fieldId of fieldIds) {
      const cell = result.cells.get(fieldId);
      if (cell && !cells.has(fieldId)) cells.set(fieldId, cell);
    }
    notes.push(...result.notes);
  }
  return { cells, notes };
}

/**
 * A section some of whose cells the readers above left unread or in doubt, read again by its numbers alone
 * (readNumberStream). Where the readers read a cell and the stream reading agrees, the cell stands; where it was left
 * out or in doubt, the stream's cell takes its place. A cell read otherwise than the stream reads it puts both in
 * doubt: that cell is held and the stream's reading is not used at all (a number taken for another row's would
 * shift every cell after it).
 */
function withNumberStream(
  text: MappedText,
  template: TemplateDefinition,
  sectionId: '三' | '四',
  regions: Partial<Record<GridSectionId, SectionRegion>>,
  fieldIds: readonly string[],
  sectionCells: Map<string, CellReading>,
): string[] {
  const region = regions[sectionId]!;
  let stream = readNumberStream(text, template, [sectionId], region);
  if (!stream) return [];
  const notes = [stream.note];
  // A row's last cell a PDF drew after section 四's heading (section 三 a number short, 四 one over): both as one.
  const three = regions['三'];
  const four = regions['四'];
  if (stream.cells.size === 0 && three && four && three.end <= four.start) {
    const both = readNumberStream(text, template, ['三', '四'], { start: three.start, end: four.end });
    if (both && both.cells.size > 0) {
      stream = both;
      notes.push(`${both.note} (sections 三 and 四 read as one)`);
    }
  }
  if (stream.cells.size === 0) return notes;
  const conflicts = fieldIds.filter((fieldId) => {
    const cell = sectionCells.get(fieldId);
    const streamed = stream.cells.get(fieldId);
    return cell !== undefined && streamed !== undefined && !cell.ambiguous && cell.value !== streamed.value;
  });
  // Cells read otherwise than the stream reads them: the stream's reading holds every rule; if the cells read
  // break a rule of the section as read, they are the ones astray (a column block laid in wrongly), and the stream
  // stands. So they are where they break one once the cells the rows left in doubt take the stream's values: the
  // rows' reading is then no whole reading of the section (otherHandling's values, drawn before its label, read
  // into the row above, whose zeros the stream lays in; the row above's doubt hid the broken column sum). If they
  // hold every rule too, the text admits two readings: those cells are held and the stream unused.
  if (conflicts.length > 0 && !breaksRule(template, fieldIds, sectionCells, stream.cells)) {
    for (const fieldId of conflicts) {
      const cell = sectionCells.get(fieldId)!;
      sectionCells.set(fieldId, { ...cell, ambiguous: true, unitInDoubt: false, notes: [...cell.notes, `ambiguous: the section's numbers in printed order read ${stream.cells.get(fieldId)!.value} here`] });
    }
    return [...notes, `number stream: ${conflicts.length} cell(s) read otherwise by the rows, which hold the rules too: not used`];
  }
  if (conflicts.length > 0) notes.push(`number stream: ${conflicts.length} cell(s) read otherwise by the rows, whose reading breaks a rule: the stream's stands`);
  for (const fieldId of fieldIds) {
    const streamed = stream.cells.get(fieldId);
    const cell = sectionCells.get(fieldId);
    if (streamed && (cell === undefined || cell.ambiguous || conflicts.includes(fieldId))) sectionCells.set(fieldId, streamed);
  }
  return notes;
}

/**
 * Some rule over the section's fields fails on the values read, the cells read in doubt or not at all taking the
 * stream's values (left out where the stream has none).
 */
function breaksRule(
  template: TemplateDefinition,
  fieldIds: readonly string[],
  sectionCells: ReadonlyMap<string, CellReading>,
  streamCells: ReadonlyMap<string, CellReading>,
): boolean {
  const inSection = new Set(fieldIds);
  const valueOf = (fieldId: string) => {
    const cell = sectionCells.get(fieldId);
    if (cell !== undefined && !cell.ambiguous) return cell.value;
    const streamed = streamCells.get(fieldId);
    return streamed === undefined ? undefined : streamed.value;
  };
  return template.rules.some((rule) => [...rule.left, ...rule.right].every((id) => inSection.has(id)) && evaluateRule(rule, valueOf).outcome === 'fail');
}
