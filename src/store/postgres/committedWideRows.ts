import { createHash } from 'node:crypto';
import type { Sql } from 'postgres';
import type { TemplateId } from '../../record/ExtractionRecord.ts';
import type { CommittedWideRow } from '../Store.ts';

/** Rows fetched per query: large enough that the round trips do not count, small enough to keep memory flat. */
const BATCH_ROWS = 500;

/** A document's `export_row` (migration 003), with the record's fields when its field order is not the asked one. */
interface ExportRow {
  readonly submitted_at: string;
  readonly id: string;
  readonly row: {
    readonly document: string;
    readonly sha256: string;
    readonly agency: string | null;
    readonly year: number | null;
    readonly template: TemplateId;
    readonly fieldsKey: string;
    readonly values: readonly (number | null)[];
  };
  readonly fields: readonly { readonly id: string; readonly value: number | null }[] | null;
}

/**
 * The committed documents of a template as wide rows (values in the order of `fieldIds`), in queue order,
 * BATCH_ROWS at a time: each batch is the next entries of the (state, template, queue order) index after the
 * last row sent (keyset), so a batch costs the same at the end of 100,000 documents as at the start, memory
 * holds one batch, and no transaction stays open while a slow client downloads. Each row is the document's
 * `export_row` (values of about 1 KB), not its record (10–80 KB); a record whose fields are not in the asked
 * order (the md5 of its field ids differs) sends its fields instead, matched by id here.
 *
 * Like the file store's export, it is not a snapshot: a document committed while the export runs is in it when
 * it sorts after the rows already sent.
 */
export async function* committedWideRows(sql: Sql, template: TemplateId, fieldIds: readonly string[]): AsyncGenerator<CommittedWideRow> {
  const fieldsKey = createHash('md5').update(fieldIds.join('\n')).digest('hex');
  let after: { readonly submittedAt: string; readonly id: string } | undefined;
  for (;;) {
    const rows: readonly ExportRow[] = await sql<ExportRow[]>`
      SELECT submitted_at, id, export_row AS row,
             CASE WHEN export_row ->> 'fieldsKey' = ${fieldsKey} THEN NULL ELSE document -> 'record' -> 'fields' END AS fields
      FROM documents
      WHERE state = 'committed' AND template = ${template} AND export_row IS NOT NULL
        ${after === undefined ? sql`` : sql`AND (submitted_at COLLATE "C", id COLLATE "C") > (${after.submittedAt}::text COLLATE "C", ${after.id}::text COLLATE "C")`}
      ORDER BY submitted_at COLLATE "C", id COLLATE "C"
      LIMIT ${BATCH_ROWS}`;
    for (const { row, fields } of rows) {
      const values = fields === null ? row.values : alignedValues(fields, fieldIds);
      yield { document: row.document, sha256: row.sha256, agency: row.agency, year: row.year, template: row.template, values };
    }
    const last = rows.at(-1);
    if (rows.length < BATCH_ROWS || last === undefined) return;
    after = { submittedAt: last.submitted_at, id: last.id };
  }
}

/** The values of `fields` in the order of `fieldIds` (null where a field is absent; the last of a repeated id wins, as in a Map). */
function alignedValues(fields: readonly { readonly id: string; readonly value: number | null }[], fieldIds: readonly string[]): (number | null)[] {
  const byId = new Map(fields.map((field) => [field.id, field.value ?? null]));
  return fieldIds.map((id) => byId.get(id) ?? null);
}
