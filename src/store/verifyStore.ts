import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { indexShardSchema, storedDocumentSchema, type DocumentSummary } from './storeSchemas.ts';

/** What verifyStore found. */
export interface StoreVerification {
  readonly documents: number;
  readonly documentFiles: number;
  /** Every inconsistency, one sentence each (empty: the store is consistent). */
  readonly problems: readonly string[];
}

const HEX_ID = /^[0-9a-f]{64}$/;
/** States whose index entry was computed from the document file (so their versions must agree). */
const STATES_FROM_DOCUMENT = new Set(['review', 'committed', 'rejected']);

/**
 * Checks a closed store directory from its files alone (the soak and fuzz tests run it after every crash):
 * every index entry has its raw bytes; an entry made from its document file has that file, at the same version,
 * rejected exactly when the entry says so; no entry is older than its file; no document file or blob lacks an
 * entry; no temp file and no write-ahead record is left (opening the store removes them). Files are read and
 * schema-checked one at a time.
 */
export async function verifyStore(directory: string): Promise<StoreVerification> {
  const problems: string[] = [];
  const summaries = new Map<string, DocumentSummary>();
  const list = (folder: string) => readdir(folder).catch(() => [] as string[]);
  const noteTemporaries = (folder: string, files: readonly string[]) => {
    for (const file of files) if (file.includes('.tmp-')) problems.push(`temp file left: ${join(folder, file)}`);
  };

  noteTemporaries('.', await list(directory));
  const indexFiles = await list(join(directory, 'index'));
  noteTemporaries('index', indexFiles);
  for (const file of indexFiles.filter((name) => /^[0-9a-f]{2}\.json$/.test(name))) {
    const parsed = indexShardSchema.safeParse(JSON.parse(await readFile(join(directory, 'index', file), 'utf8')));
    if (!parsed.success) {
      problems.push(`index/${file} does not match the schema`);
      continue;
    }
    for (const summary of parsed.data.documents) {
      if (summary.id.slice(0, 2) !== file.slice(0, 2)) problems.push(`index/${file} holds ${summary.id} of another shard`);
      if (summaries.has(summary.id)) problems.push(`index entry ${summary.id} appears twice`);
      summaries.set(summary.id, summary);
    }
  }

  const journal = (await list(join(directory, 'journal'))).filter((file) => file.endsWith('.json'));
  for (const file of journal) problems.push(`write-ahead record left: journal/${file}`);

  let documentFiles = 0;
  const documented = new Set<string>();
  for (const shard of await list(join(directory, 'documents'))) {
    const files = await list(join(directory, 'documents', shard));
    noteTemporaries(`documents/${shard}`, files);
    for (const file of files.filter((name) => name.endsWith('.json') && !name.includes('.tmp-'))) {
      documentFiles++;
      const id = file.slice(0, -'.json'.length);
      documented.add(id);
      const summary = summaries.get(id);
      if (!summary) {
        problems.push(`documents/${shard}/${file} has no index entry`);
        continue;
      }
      const parsed = storedDocumentSchema.safeParse(JSON.parse(await readFile(join(directory, 'documents', shard, file), 'utf8')));
      if (!parsed.success) {
        problems.push(`documents/${shard}/${file} does not match the schema`);
        continue;
      }
      const document = parsed.data;
      if (document.id !== id) problems.push(`documents/${shard}/${file} names another id (${document.id})`);
      if (summary.version < document.version) problems.push(`index entry of ${id} (version ${summary.version}) is behind its document file (version ${document.version})`);
      if (STATES_FROM_DOCUMENT.has(summary.state)) {
        if (summary.version !== document.version) problems.push(`index entry of ${id} is version ${summary.version}, its document file ${document.version}`);
        if ((summary.state === 'rejected') !== (document.rejected !== null)) problems.push(`index entry of ${id} says ${summary.state}, its document file ${document.rejected ? 'rejected' : 'not rejected'}`);
      }
    }
  }
  for (const summary of summaries.values()) {
    if (STATES_FROM_DOCUMENT.has(summary.state) && !documented.has(summary.id)) problems.push(`index entry of ${summary.id} is ${summary.state} but has no document file`);
  }

  const blobs = new Set<string>();
  for (const shard of await list(join(directory, 'blobs'))) {
    const files = await list(join(directory, 'blobs', shard));
    noteTemporaries(`blobs/${shard}`, files);
    for (const file of files.filter((name) => HEX_ID.test(name))) {
      blobs.add(file);
      if (!summaries.has(file)) problems.push(`blob ${file} has no index entry`);
    }
  }
  for (const id of summaries.keys()) if (!blobs.has(id)) problems.push(`index entry ${id} has no raw bytes`);
  return { documents: summaries.size, documentFiles, problems };
}
