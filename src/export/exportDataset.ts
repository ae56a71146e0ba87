import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { templateIdSchema, type TemplateId } from '../record/ExtractionRecord.ts';
import type { Store } from '../store/Store.ts';
import { templates } from '../templates/registry.ts';
import { csvLine, type Cell } from './csvCell.ts';
import { committedDocuments, dictionaryRows, headerOf, longRows, wideFieldIds, wideRow, type DatasetShape } from './datasetRows.ts';
import { neutraliseFormula } from './neutraliseFormula.ts';

/** Query of GET /api/export. */
export const exportRequestSchema = z.object({
  format: z.enum(['csv', 'xlsx', 'jsonl']).default('csv'),
  shape: z.enum(['wide', 'long', 'dictionary']).default('wide'),
  template: templateIdSchema.exclude(['unknown']).optional(),
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
 * or XLSX (exceljs streaming writer: one sheet per template plus a dictionary sheet). Documents are read one at
 * a time, so memory stays flat however large the store.
 */
export function exportDataset(store: Store, request: ExportRequest, now: Date): DatasetExport {
  const stamp = now.toISOString().slice(0, 10);
  const base = `gongkai-${request.shape}${request.template ? `-${request.template}` : ''}-${stamp}`;
  if (request.format === 'xlsx') {
    return {
      stream: xlsxStream(store, request.shape, request.template),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `${base}.xlsx`,
    };
  }
  const lines = request.format === 'csv' ? csvLines(store, request.shape, request.template) : jsonLines(store, request.shape, request.template);
  return {
    stream: textStream(lines),
    contentType: request.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    fileName: `${base}.${request.format}`,
  };
}

async function* rowsOf(store: Store, shape: DatasetShape, template: TemplateId | undefined): AsyncGenerator<Cell[]> {
  if (shape === 'dictionary') {
    yield* dictionaryRows(template);
    return;
  }
  const fieldIds = wideFieldIds(template);
  for await (const document of committedDocuments(store, template)) {
    if (shape === 'wide') yield wideRow(document, fieldIds);
    else yield* longRows(document);
  }
}

async function* csvLines(store: Store, shape: DatasetShape, template: TemplateId | undefined): AsyncGenerator<string> {
  yield UTF8_BOM + csvLine(headerOf(shape, template));
  for await (const row of rowsOf(store, shape, template)) yield csvLine(row);
}

async function* jsonLines(store: Store, shape: DatasetShape, template: TemplateId | undefined): AsyncGenerator<string> {
  if (shape === 'wide') {
    const fieldIds = wideFieldIds(template);
    for await (const document of committedDocuments(store, template)) {
      const { record } = document;
      const values = new Map(record.fields.map((field) => [field.id, field.value]));
      const ownIds = fieldIds.filter((id) => values.has(id));
      yield `${JSON.stringify({
        document: record.document,
        sha256: record.sha256,
        agency: record.meta.agency,
        year: record.meta.year,
        template: record.template,
        values: Object.fromEntries(ownIds.map((id) => [id, values.get(id) ?? null])),
      })}\n`;
    }
    return;
  }
  const header = headerOf(shape, template);
  for await (const row of rowsOf(store, shape, template)) {
    yield `${JSON.stringify(Object.fromEntries(header.map((column, index) => [column, row[index] ?? null])))}\n`;
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

/** XLSX cells: numbers numeric, text neutralised, null empty. */
function xlsxCells(row: readonly Cell[]): (string | number | null)[] {
  return row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell));
}

function xlsxStream(store: Store, shape: DatasetShape, template: TemplateId | undefined): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const write = async () => {
    if (shape !== 'dictionary') {
      const chosen = template ? templates.filter((definition) => definition.id === template) : templates;
      for (const definition of chosen) {
        const sheet = workbook.addWorksheet(definition.id);
        sheet.addRow(headerOf(shape, definition.id)).commit();
        for await (const row of rowsOf(store, shape, definition.id)) {
          sheet.addRow(xlsxCells(row)).commit();
          // Respect the reader: wait while the compressed output is not being consumed.
          if (output.writableNeedDrain) await new Promise((resolve) => output.once('drain', resolve));
        }
        sheet.commit();
      }
    }
    const dictionary = workbook.addWorksheet('dictionary');
    dictionary.addRow(headerOf('dictionary')).commit();
    for (const row of dictionaryRows(template)) dictionary.addRow(xlsxCells(row)).commit();
    dictionary.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
