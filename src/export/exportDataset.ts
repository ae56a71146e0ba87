import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { GongkaiError } from '../errors/GongkaiError.ts';
import { templateIdSchema, type TemplateId } from '../record/ExtractionRecord.ts';
import type { Store } from '../store/Store.ts';
import { templates } from '../templates/registry.ts';
import { csvLine, type Cell } from './csvCell.ts';
import { columnsOf, committedDocuments, dictionaryRows, headerRows, longRows, wideRow, wideRowOf, fieldColumnIds, type DatasetColumn, type DatasetShape, type HeaderStyle } from './datasetRows.ts';
import { panelCells, panelDictionaryRows, panelObject, panelRowsOf, type PanelOptions } from './panelRows.ts';

/** Query of GET /api/export. */
export const exportRequestSchema = z.object({
  // XLSX by default: it holds every template (a sheet each), so a bare link gives a usable workbook.
  format: z.enum(['csv', 'xlsx', 'jsonl']).default('xlsx'),
  shape: z.enum(['wide', 'long', 'dictionary', 'panel', 'panel-dictionary']).default('wide'),
  template: templateIdSchema.exclude(['unknown']).optional(),
  /** Default: Chinese labels in CSV (what a person opens), labels above ids in XLSX. */
  header: z.enum(['label', 'id', 'both']).optional(),
});
/** Query of GET /api/export. */
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** A dataset download: a byte stream and how to label it. */
export interface DatasetExport {
  readonly stream: ReadableStream<Uint8Array>;
  readonly contentType: string;
  readonly fileName: string;
}

const UTF8_BOM = '\uFEFF';
/** Text gathered before a chunk is handed to the stream (fewer, larger writes). */
const CHUNK_CHARACTERS = 64 * 1024;

/**
 * The dataset of committed values as a stream: CSV (UTF-8 with BOM, CRLF, formula-neutralised text), JSONL,
 * or XLSX (exceljs streaming writer: one sheet per template plus a dictionary sheet). A wide CSV is one table
 * of one template: the forms have different fields, and one file mixing them is no table anyone wants.
 * Documents are read one at a time, so memory stays flat however large the store.
 */
export function exportDataset(store: Store, request: ExportRequest, now: Date, panel: PanelOptions = { identities: [] }): DatasetExport {
  const stamp = now.toISOString().slice(0, 10);
  const base = `gongkai-${request.shape}${request.template ? `-${request.template}` : ''}-${stamp}`;
  if (request.format === 'csv' && request.shape === 'wide' && request.template === undefined) {
    throw new GongkaiError(
      'bad-request',
      `a wide CSV is one table per template: add template=${templates.map((definition) => definition.id).join(' | ')} (XLSX holds every template, one sheet each)`,
      { templates: templates.map((definition) => definition.id) },
    );
  }
  if (request.format === 'xlsx') {
    return {
      stream: xlsxStream(store, request.shape, request.template, request.header ?? 'both', panel),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `${base}.xlsx`,
    };
  }
  const lines = request.format === 'csv' ? csvLines(store, request.shape, request.template, request.header ?? 'label', panel) : jsonLines(store, request.shape, request.template, panel);
  return {
    stream: textStream(lines),
    contentType: request.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    fileName: `${base}.${request.format}`,
  };
}

async function* rowsOf(store: Store, shape: DatasetShape, template: TemplateId | undefined, panel: PanelOptions): AsyncGenerator<Cell[]> {
  if (shape === 'dictionary') {
    yield* dictionaryRows(template);
    return;
  }
  if (shape === 'panel-dictionary') {
    yield* panelDictionaryRows(template);
    return;
  }
  if (shape === 'panel') {
    for await (const { rows, confirmed } of panelRowsOf(store, template, panel)) for (const row of rows) yield panelCells(row, confirmed);
    return;
  }
  const columns = columnsOf(shape, template);
  if (shape === 'wide' && template !== undefined && store.committedWideRows) {
    // A database store streams the rows' values from a cursor (no record read, memory flat).
    for await (const row of store.committedWideRows(template, fieldColumnIds(columns))) yield wideRowOf(row);
    return;
  }
  for await (const document of committedDocuments(store, template)) {
    if (shape === 'wide') yield wideRow(document, columns);
    else yield* longRows(document);
  }
}

async function* csvLines(store: Store, shape: DatasetShape, template: TemplateId | undefined, header: HeaderStyle, panel: PanelOptions): AsyncGenerator<string> {
  yield UTF8_BOM + headerRows(columnsOf(shape, template), header).map(csvLine).join('');
  for await (const row of rowsOf(store, shape, template, panel)) yield csvLine(row);
}

async function* jsonLines(store: Store, shape: DatasetShape, template: TemplateId | undefined, panel: PanelOptions): AsyncGenerator<string> {
  if (shape === 'panel') {
    // Structured: the provenance keeps every source field (value, raw, status, method), which a flat line cannot.
    for await (const { rows, confirmed } of panelRowsOf(store, template, panel)) {
      for (const row of rows) yield `${JSON.stringify(panelObject(row, confirmed))}\n`;
    }
    return;
  }
  if (shape === 'wide') {
    for await (const document of committedDocuments(store, template)) {
      const { record } = document;
      yield `${JSON.stringify({
        document: record.document,
        sha256: record.sha256,
        agency: record.meta.agency,
        year: record.meta.year,
        template: record.template,
        values: Object.fromEntries(record.fields.map((field) => [field.id, field.value])),
      })}\n`;
    }
    return;
  }
  const ids = columnsOf(shape, template).map((entry) => entry.id);
  for await (const row of rowsOf(store, shape, template, panel)) {
    yield `${JSON.stringify(Object.fromEntries(ids.map((id, index) => [id, row[index] ?? null])))}\n`;
  }
}

/** Pulls lines only as fast as the client reads, in chunks of about 64K characters. */
function textStream(lines: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = '';
      while (chunk.length < CHUNK_CHARACTERS) {
        const next = await lines.next();
        if (next.done) {
          if (chunk !== '') controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}

/** Display width of a text in a spreadsheet: CJK characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u1100-\uffff]/u.test(character) ? 2 : 1;
  return width;
}

/** A column width that shows its header without swallowing the sheet: numbers narrow, text wider, capped. */
function columnWidth(entry: DatasetColumn, header: HeaderStyle): number {
  const shown = header === 'id' ? [entry.id] : header === 'label' ? [entry.label] : [entry.label, entry.id];
  const wanted = Math.max(...shown.map(displayWidth)) + 2;
  const [least, most] = entry.kind === 'number' ? [8, 24] : entry.id === 'sha256' ? [12, 16] : [10, 40];
  return Math.min(Math.max(wanted, least), most);
}

/** Adds a sheet with its header row(s) bold and frozen, the first column frozen, widths set. */
function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly DatasetColumn[], header: HeaderStyle) {
  const rows = headerRows(columns, header);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: rows.length }] });
  sheet.columns = columns.map((entry) => ({ key: entry.id, width: columnWidth(entry, header) }));
  for (const cells of rows) {
    const row = sheet.addRow(cells);
    row.font = { bold: true };
    row.commit();
  }
  return sheet;
}

/**
 * XLSX: one sheet per template (or the one asked for) plus the dictionary. Cells keep their type: numbers are
 * numbers, text is a string cell written as is (an XLSX string cell is never run as a formula, so no
 * apostrophe), empty stays empty.
 */
function xlsxStream(store: Store, shape: DatasetShape, template: TemplateId | undefined, header: HeaderStyle, panel: PanelOptions): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const write = async () => {
    if (shape === 'panel' || shape === 'panel-dictionary') {
      // The panel mixes forms by design (harmonised indicators): one sheet, then the indicators' dictionary.
      if (shape === 'panel') {
        const sheet = addSheet(workbook, 'panel', columnsOf('panel'), header);
        for await (const row of rowsOf(store, 'panel', template, panel)) {
          sheet.addRow(row).commit();
          if (output.writableNeedDrain) await new Promise((resolve) => output.once('drain', resolve));
        }
        sheet.commit();
      }
      const dictionary = addSheet(workbook, 'indicators', columnsOf('panel-dictionary'), header);
      for (const row of panelDictionaryRows(template)) dictionary.addRow(row).commit();
      dictionary.commit();
      await workbook.commit();
      return;
    }
    if (shape !== 'dictionary') {
      const chosen = template ? templates.filter((definition) => definition.id === template) : templates;
      for (const definition of chosen) {
        const sheet = addSheet(workbook, definition.id, columnsOf(shape, definition.id), header);
        for await (const row of rowsOf(store, shape, definition.id, panel)) {
          sheet.addRow(row).commit();
          // Respect the reader: wait while the compressed output is not being consumed.
          if (output.writableNeedDrain) await new Promise((resolve) => output.once('drain', resolve));
        }
        sheet.commit();
      }
    }
    const dictionary = addSheet(workbook, 'dictionary', columnsOf('dictionary'), header);
    for (const row of dictionaryRows(template)) dictionary.addRow(row).commit();
    dictionary.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
