import type { Sql } from 'postgres';
import { enqueueExtraction } from '../../worker/jobQueue.ts';
import { committedWideRows } from './committedWideRows.ts';
import { countDocuments } from './countDocuments.ts';
import { queryDocuments } from './queryDocuments.ts';
import { GongkaiError } from '../../errors/GongkaiError.ts';
import { KeyedMutex } from '../KeyedMutex.ts';
import type { DocumentEntry, DocumentStore } from '../Store.ts';
import { storedDocumentSchema, type Decision, type DocumentSummary, type StoredDocument } from '../storeSchemas.ts';

/** Times an update is tried again on a fresh read when another process wrote the document in between. */
const MAX_ATTEMPTS = 50;

interface DocumentRow {
  readonly summary: DocumentSummary;
  readonly document: Omit<StoredDocument, 'decisions'> | null;
  readonly revision: string;
  readonly decisions: Decision[] | null;
}

/**
 * Documents, decisions and audit trail in PostgreSQL, shared by every server and worker on the database.
 *
 * An update reads the row, runs `update` on it, and writes with `UPDATE … WHERE version = $n AND revision = $r`:
 * when another process wrote in between, 0 rows change, nothing is written, and `update` runs again on the
 * fresh row, where a decision made on the old version fails with the same GongkaiError('conflict') as in the
 * file store (409). So two servers never lose an update. In one process, updates of a document also wait for
 * each other (no pointless retries). Decisions are appended to `audit` (the database refuses to change or
 * delete its rows); the document row holds the record without them. A document that becomes `queued` gets its
 * extraction job (worker/jobQueue) in the same transaction.
 */
export function createPostgresDocumentStore(sql: Sql): DocumentStore {
  const mutex = new KeyedMutex();

  const readRow = async (id: string): Promise<DocumentRow | undefined> => {
    const [row] = await sql<DocumentRow[]>`
      SELECT summary, document, revision::text AS revision,
             (SELECT jsonb_agg(decision ORDER BY position) FROM audit WHERE document_id = ${id}) AS decisions
      FROM documents WHERE id = ${id}`;
    return row;
  };
  const documentOf = (row: DocumentRow): StoredDocument | undefined =>
    row.document ? { ...row.document, decisions: row.decisions ?? [] } as StoredDocument : undefined;

  const tryUpdate = async (id: string, update: Parameters<DocumentStore['updateDocument']>[1]): Promise<DocumentEntry | 'changed'> => {
    const row = await readRow(id);
    if (!row) throw new GongkaiError('not-found', `no document ${id}`, { id });
    const current = documentOf(row);
    const next = await update({ summary: row.summary, document: current });
    const previousDecisions = current?.decisions ?? [];
    let appended: readonly Decision[] = [];
    let body: Omit<StoredDocument, 'decisions'> | null = row.document;
    if (next.document) {
      // Validate before writing: the store never writes what it would refuse to read back.
      const checked = storedDocumentSchema.safeParse(next.document);
      if (!checked.success) {
        throw new GongkaiError('internal', `refusing to store an invalid document ${id}: ${checked.error.issues[0]?.message ?? ''}`, { id });
      }
      const decisions = next.document.decisions;
      const kept = previousDecisions.every((decision, index) => decisions[index]?.id === decision.id);
      if (!kept || decisions.length < previousDecisions.length) {
        throw new GongkaiError('internal', `refusing to rewrite the audit trail of ${id}: it is append-only`, { id });
      }
      appended = decisions.slice(previousDecisions.length);
      const { decisions: _decisions, ...rest } = next.document;
      body = rest;
    }
    return sql.begin(async (transaction) => {
      const changed = await transaction`
        UPDATE documents
        SET summary = ${sql.json(next.summary as never)},
            document = ${body === null ? null : sql.json(body as never)},
            text = COALESCE(${next.text ?? null}::text, text),
            revision = revision + 1
        WHERE id = ${id} AND version = ${row.summary.version} AND revision = ${row.revision}::bigint`;
      if (changed.count === 0) return 'changed' as const;
      // Queued again (a failed document retried): its extraction job, in the same transaction.
      if (next.summary.state === 'queued' && row.summary.state !== 'queued') await enqueueExtraction(transaction, id);
      if (appended.length > 0) {
        const start = previousDecisions.length;
        const rows = appended.map((decision, index) => ({ document_id: id, position: start + index, decision }));
        await transaction`
          INSERT INTO audit (document_id, position, decision)
          SELECT document_id, position, decision
          FROM jsonb_to_recordset(${sql.json(rows as never)}) AS t(document_id text, position integer, decision jsonb)`;
      }
      return { summary: structuredClone(next.summary), document: next.document ? structuredClone(next.document) : undefined };
    });
  };

  return {
    async listDocuments() {
      const rows = await sql<{ summary: DocumentSummary }[]>`SELECT summary FROM documents`;
      return rows.map((row) => row.summary);
    },
    async findDocument(id) {
      const [row] = await sql<{ summary: DocumentSummary }[]>`SELECT summary FROM documents WHERE id = ${id}`;
      return row?.summary;
    },
    async createDocument(summary, bytes) {
      return sql.begin(async (transaction) => {
        const inserted = await transaction<{ summary: DocumentSummary }[]>`
          INSERT INTO documents (id, summary) VALUES (${summary.id}, ${sql.json(summary as never)})
          ON CONFLICT (id) DO NOTHING RETURNING summary`;
        if (inserted.length === 0) {
          const [existing] = await transaction<{ summary: DocumentSummary }[]>`SELECT summary FROM documents WHERE id = ${summary.id}`;
          return { created: false, summary: existing!.summary };
        }
        await transaction`INSERT INTO blobs (id, bytes) VALUES (${summary.id}, ${Buffer.from(bytes)}) ON CONFLICT (id) DO NOTHING`;
        if (summary.state === 'queued') await enqueueExtraction(transaction, summary.id);
        return { created: true, summary: inserted[0]!.summary };
      });
    },
    async readDocument(id) {
      const row = await readRow(id);
      return row ? documentOf(row) : undefined;
    },
    async readText(id) {
      const [row] = await sql<{ text: string | null }[]>`SELECT text FROM documents WHERE id = ${id}`;
      return row?.text ?? undefined;
    },
    async readBlob(id) {
      const [row] = await sql<{ bytes: Buffer }[]>`SELECT bytes FROM blobs WHERE id = ${id}`;
      return row ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : undefined;
    },
    updateDocument(id, update) {
      return mutex.run(id, async () => {
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
          const result = await tryUpdate(id, update);
          if (result !== 'changed') return result;
        }
        throw new GongkaiError('conflict', `the document ${id} kept changing while it was being updated; try again`, { id });
      });
    },
    queryDocuments: (filter) => queryDocuments(sql, filter),
    countDocuments: () => countDocuments(sql),
    committedWideRows: (template, fieldIds) => committedWideRows(sql, template, fieldIds),
    async quarantinedDocuments() {
      // Rows are JSONB the database parsed: there is no unreadable file to quarantine.
      return [];
    },
  };
}
