import type { TableDefinition, TemplateDefinition } from '../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { CellReading, ParseResult } from '../ParseResult.ts';
import { buildLabelSkeleton } from './buildLabelSkeleton.ts';
import { buildListSections, type RowSpan } from './buildListSections.ts';
import { compileListRows } from './compileListRows.ts';
import { findRowAnchors, type RowAnchor } from './findRowAnchors.ts';
import { readColumnBlocks } from './readColumnBlocks.ts';
import { VALUES_AFTER_TABLE_LAYOUT, readValuesAfterTable } from './readValuesAfterTable.ts';
import { doubtBlanksBeforeStrayNumbers } from './doubtBlanksBeforeStrayNumbers.ts';
import { doubtSpacedAmongGlued } from './doubtSpacedAmongGlued.ts';
import { doubtSharedLabelAnchors } from './doubtSharedLabelAnchors.ts';
import { readRowCell, type RowChoice } from './readRowCell.ts';
import { resolveRowChoices } from './resolveRowChoices.ts';
import { tokeniseListCells } from './tokeniseListCells.ts';

/**
 * Reads a list table (统计指标 / 单位 / 统计数: one value per labelled row) in any layout it is found in: tab
 * rows, pipe rows, rows separated by spaces, one cell per line, or the whole table flattened into running text.
 * Rows are found by their labels, in the table's order and by meaning (OCR noise, spaces, page debris and line
 * wraps inside labels do not matter); the value of a row is what its value column (or, flattened, what lies
 * between its unit and the next row) holds. Nothing is guessed: a value that cannot be located with certainty
 * is left out (the field goes to review) or marked ambiguous. Offsets point into the original decoded text.
 */
export function parseListTable(text: MappedText, template: TemplateDefinition, table: TableDefinition): ParseResult {
  const source = text.text;
  const patterns = compileListRows(table);
  const listCells = tokeniseListCells(source);
  const skeleton = buildLabelSkeleton(source, listCells);
  const anchors = findRowAnchors(source, listCells, skeleton, patterns);
  const fieldCount = patterns.filter((pattern) => pattern.fieldId).length;
  const cells = new Map<string, CellReading>();
  const spans = new Map<number, RowSpan>();
  const notes: string[] = [];
  if (anchors.size === 0) {
    notes.push(`list table ${table.id}: no table found (fewer than a handful of its row labels in order)`);
    return { cells, sections: buildListSections(template.id, patterns, spans, cells, text), notes };
  }

  const ordered = [...anchors.values()].sort((left, right) => left.anchorStart - right.anchorStart);
  const missing: string[] = [];
  const unread: string[] = [];
  const layouts = new Map<string, number>();
  const choiceRows = new Map<string, readonly RowChoice[]>();
  const movedRows = new Map<string, RowChoice>();
  const spacedTails: string[] = [];
  const gluedTails: string[] = [];
  for (let position = 0; position < ordered.length; position++) {
    const anchor = ordered[position]!;
    const next: RowAnchor | undefined = ordered[position + 1];
    const limit = next ? next.anchorStart : source.length;
    if (!anchor.pattern.fieldId) {
      spans.set(anchor.pattern.index, { start: anchor.anchorStart, end: anchor.matchEnd });
      continue;
    }
    const reading = readRowCell({
      mapped: text,
      cells: listCells,
      skeleton,
      anchor,
      limit,
      nextOrdinal: next ? source.slice(next.anchorStart, next.matchStart).trim() : '',
      fieldUnit: fieldUnitOf(template, anchor.pattern.fieldId) || (anchor.pattern.unit ?? ''),
    });
    spans.set(anchor.pattern.index, { start: anchor.anchorStart, end: reading.end });
    if (reading.cell && reading.choices) choiceRows.set(reading.cell.fieldId, reading.choices);
    if (reading.cell && reading.moved) movedRows.set(reading.cell.fieldId, reading.moved);
    if (reading.cell && reading.tailSpaced !== undefined) (reading.tailSpaced ? spacedTails : gluedTails).push(reading.cell.fieldId);
    if (reading.cell) {
      cells.set(reading.cell.fieldId, reading.cell);
      layouts.set(reading.cell.layout, (layouts.get(reading.cell.layout) ?? 0) + 1);
    } else {
      unread.push(`${anchor.pattern.fieldId} (${reading.problem})`);
    }
  }
  for (const pattern of patterns) if (pattern.fieldId && !anchors.has(pattern.index)) missing.push(pattern.fieldId);
  // Rows the row reader could not read may be printed block by block (labels, then units, then values).
  const unreadRows = new Set(ordered.filter((anchor) => anchor.pattern.fieldId && !cells.has(anchor.pattern.fieldId)).map((anchor) => anchor.pattern.index));
  if (unreadRows.size >= 2) {
    const blockReadings = readColumnBlocks(text, listCells, ordered, unreadRows, (anchor) => fieldUnitOf(template, anchor.pattern.fieldId!) || (anchor.pattern.unit ?? ''));
    for (const reading of blockReadings) {
      cells.set(reading.cell.fieldId, reading.cell);
      layouts.set(reading.cell.layout, (layouts.get(reading.cell.layout) ?? 0) + 1);
      const span = spans.get(reading.anchor.pattern.index);
      if (span) spans.set(reading.anchor.pattern.index, { start: span.start, end: Math.max(span.end, reading.end) });
      const index = unread.findIndex((entry) => entry.startsWith(`${reading.cell.fieldId} (`));
      if (index !== -1) unread.splice(index, 1);
    }
  }

  // A table printed labels first and its values after the last row, in row order.
  const afterTable = readValuesAfterTable(text, listCells, ordered, cells, patterns, (pattern) => fieldUnitOf(template, pattern.fieldId!) || (pattern.unit ?? ''), template.rules);
  for (const reading of afterTable) {
    const fieldId = reading.pattern.fieldId!;
    const index = unread.findIndex((entry) => entry.startsWith(`${fieldId} (`));
    if (index !== -1) unread.splice(index, 1);
    if (reading.cell) cells.set(fieldId, reading.cell);
    else {
      cells.delete(fieldId);
      unread.push(`${fieldId} (${reading.problem})`);
    }
  }
  if (afterTable.length > 0) {
    layouts.clear();
    layouts.set(VALUES_AFTER_TABLE_LAYOUT, afterTable.length);
    // The last row found spans the values after it (a blank row's reading ends where the value before it does).
    const lastRow = afterTable[afterTable.length - 1]!;
    const valuesEnd = Math.max(...afterTable.map((reading) => reading.end));
    const span = spans.get(lastRow.pattern.index);
    if (span) spans.set(lastRow.pattern.index, { start: span.start, end: Math.max(span.end, valuesEnd) });
  }

  // Rows with two numbers where one value belongs: the form's sum rules choose, when they can.
  const strayNumbers: { start: number; end: number }[] = [];
  for (const [fieldId, choices] of choiceRows) {
    for (const choice of choices) if (/^\D*\d{1,2}\D*$/u.test(choice.raw)) strayNumbers.push({ start: choice.start, end: choice.end });
    const resolved = resolveRowChoices(cells.get(fieldId)!, choices, template.rules, cells);
    if (resolved) cells.set(fieldId, resolved);
  }

  // A blank row with a number a wrap may have moved to the next line: the sum rules take it when they hold with it
  // and fail with the blank as 0; otherwise the blank stays in doubt.
  for (const [fieldId, moved] of movedRows) {
    const cell = cells.get(fieldId)!;
    if (cell.value !== null) continue;
    const resolved = resolveRowChoices(cell, [{ value: 0, raw: '', start: cell.start, end: cell.start }, moved], template.rules, cells);
    if (!resolved || resolved.raw !== moved.raw || resolved.start !== moved.start) continue;
    cells.set(fieldId, {
      ...resolved,
      notes: [...resolved.notes, `"${moved.raw}" at the start of the next line taken as this row's value, moved there by a line wrap`],
      support: { ...resolved.support!, wrapMoved: true },
    });
  }

  doubtSpacedAmongGlued(cells, spacedTails, gluedTails);
  doubtBlanksBeforeStrayNumbers(listCells, ordered, spans, cells);
  doubtSharedLabelAnchors(listCells, patterns, anchors, cells);

  const first = ordered[0]!;
  const tableEnd = Math.max(...[...spans.values()].map((span) => span.end));
  const region = text.toOriginal(first.anchorStart, tableEnd);
  const layoutSummary = [...layouts.entries()].map(([layout, count]) => `${layout} ×${count}`).join(', ');
  notes.push(`list table ${table.id}: ${cells.size}/${fieldCount} fields read (${layoutSummary}); table at ${region.start}–${region.end}`);
  if (missing.length > 0) notes.push(`list table ${table.id}: rows not found: ${missing.join(', ')}`);
  if (unread.length > 0) notes.push(`list table ${table.id}: rows found but not read: ${unread.join('; ')}`);
  return { cells, sections: buildListSections(template.id, patterns, spans, cells, text), notes, ...(strayNumbers.length > 0 ? { strayNumbers } : {}) };
}

function fieldUnitOf(template: TemplateDefinition, fieldId: string): string {
  // Looked up per row: the template's units are indexed once (not searched field by field for every row).
  let units = unitsCache.get(template);
  if (!units) {
    units = new Map();
    // The first field of an id wins, as find() did.
    for (const field of template.fields) if (!units.has(field.id)) units.set(field.id, field.unit);
    unitsCache.set(template, units);
  }
  return units.get(fieldId) ?? '';
}

const unitsCache = new WeakMap<TemplateDefinition, Map<string, string>>();
