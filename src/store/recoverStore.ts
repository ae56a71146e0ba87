import { createHash } from 'node:crypto';
import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { parseStoreFile } from './DurableJsonAdapter.ts';
import { journalEntrySchema, type DocumentSummary } from './storeSchemas.ts';

/** What opening the store repaired after an unclean stop. */
export interface RecoveryReport {
  /** Documents whose index entry was behind their document file and was brought up to it. */
  readonly repairedEntries: readonly string[];
  /** Write-ahead records removed (repaired or stale). */
  readonly journalRecords: number;
  /** Temp files of interrupted atomic writes removed. */
  readonly temporaryFiles: number;
  /** Raw-bytes files of submissions that were never acknowledged (no index entry) removed. */
  readonly orphanBlobs: number;
}

/** What recovery reads and writes through the opened (locked) store. */
export interface RecoveryAccess {
  readonly directory: string;
  readonly summaries: ReadonlyMap<string, DocumentSummary>;
  readDocumentFile(id: string): Promise<string | undefined>;
  saveSummary(summary: DocumentSummary): Promise<void>;
}

/** Temp files DurableWriter names `<target>.tmp-<pid>-<n>`. */
const TEMPORARY = /\.tmp-\d+-\d+$/;
const HEX_ID = /^[0-9a-f]{64}$/;

/**
 * Repairs what a crash (kill -9, power loss) can leave in a store, before anything else uses it:
 *
 * 1. A document update writes the document file and then, in a later batch, its index shard. A crash between
 *    the two leaves the index entry one version behind the document (a rejected document still listed as
 *    committed, say). The update's write-ahead record (journal/<id>.json, renamed before the document file in the
 *    same batch) names the new entry and the hash of the new document file: when the document file on disk is
 *    that one and the index entry is older, the entry is written. A record whose document file never landed is
 *    stale (the update was never acknowledged) and is dropped.
 * 2. Temp files of interrupted atomic writes are removed.
 * 3. Blobs without an index entry are removed: a submission is acknowledged only once its entry is durable, so
 *    such bytes belong to a submission nobody was told succeeded.
 *
 * A corrupt record stops the opening (GongkaiError 'store-corrupt' naming it), like any corrupt store file.
 */
export async function recoverStore(access: RecoveryAccess): Promise<RecoveryReport> {
  const { directory, summaries } = access;
  const repairedEntries: string[] = [];
  let journalRecords = 0;
  let temporaryFiles = 0;
  let orphanBlobs = 0;

  const journalDirectory = join(directory, 'journal');
  for (const file of (await listFiles(journalDirectory)).sort()) {
    const id = file.slice(0, -'.json'.length);
    if (!file.endsWith('.json') || !HEX_ID.test(id)) continue;
    const path = join(journalDirectory, file);
    const record = parseStoreFile(path, await readFile(path, 'utf8'), journalEntrySchema);
    const indexed = summaries.get(id);
    const documentText = await access.readDocumentFile(id);
    const landed = documentText !== undefined && createHash('sha256').update(documentText).digest('hex') === record.documentSha256;
    if (landed && indexed && indexed.version < record.summary.version) {
      await access.saveSummary(record.summary);
      repairedEntries.push(id);
    }
    await unlink(path);
    journalRecords++;
  }

  const removeTemporaries = async (folder: string) => {
    for (const file of await listFiles(folder)) {
      if (!TEMPORARY.test(file)) continue;
      await unlink(join(folder, file)).catch(() => undefined);
      temporaryFiles++;
    }
  };
  await removeTemporaries(directory);
  await removeTemporaries(journalDirectory);
  await removeTemporaries(join(directory, 'index'));
  for (const shard of await listFiles(join(directory, 'documents'))) await removeTemporaries(join(directory, 'documents', shard));

  const blobDirectory = join(directory, 'blobs');
  for (const shard of await listFiles(blobDirectory)) {
    const folder = join(blobDirectory, shard);
    await removeTemporaries(folder);
    for (const file of await listFiles(folder)) {
      if (!HEX_ID.test(file) || summaries.has(file)) continue;
      await unlink(join(folder, file)).catch(() => undefined);
      orphanBlobs++;
    }
  }
  return { repairedEntries, journalRecords, temporaryFiles, orphanBlobs };
}

async function listFiles(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => [] as string[]);
}
