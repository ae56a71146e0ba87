import { createHash } from 'node:crypto';
import { access, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { GongkaiError } from '../errors/GongkaiError.ts';
import { DirectoryLock } from './DirectoryLock.ts';
import { DurableJsonAdapter, parseStoreFile } from './DurableJsonAdapter.ts';
import { DurableWriter } from './DurableWriter.ts';
import { KeyedMutex } from './KeyedMutex.ts';
import { recoverStore, type RecoveryReport } from './recoverStore.ts';
import { composeStore } from './composeStore.ts';
import type { AccountStore, DocumentEntry, DocumentStore, QuarantinedDocument, SettingsStore, Store } from './Store.ts';
import {
  indexShardSchema,
  metaFileSchema,
  STORE_SCHEMA_VERSION,
  storedDocumentSchema,
  type DocumentSummary,
  type IndexShard,
  type MetaFile,
  type StoredDocument,
} from './storeSchemas.ts';

/**
 * Opens (creating if needed) the file store in `directory`:
 *
 * - `gongkai.json`: accounts, sessions, tokens, settings (one small lowdb file);
 * - `index/<xx>.json`: the document index, sharded by the first two hex digits of the id, so a write costs the
 *   same with 100 or 100,000 documents;
 * - `documents/<xx>/<id>.json` and `.txt`: each document's record, processing info and audit trail, and the
 *   decoded text its evidence points into (no `.txt` when that text is exactly the raw bytes read as UTF-8);
 * - `blobs/<xx>/<sha256>`: the raw bytes exactly as submitted (content-addressed);
 * - `journal/<id>.json`: the index entry a document update is about to write, with the hash of the document
 *   file written in the same batch (a write-ahead record, see recoverStore).
 *
 * Every file carries schemaVersion and is zod-validated when read: a corrupt index, meta or journal file stops
 * the opening with a message naming it; a corrupt document file is refused when read and quarantined (listed by
 * quarantinedDocuments()); nothing corrupt is ever overwritten. Writes are atomic, fsynced and batched
 * (DurableWriter). The directory is locked against a second process. Opening repairs what a crash can leave
 * (recoverStore): an index entry behind its document, temp files, blobs of submissions never acknowledged.
 */
export async function createFileStore(directory: string, options: FileStoreOptions = {}): Promise<Store> {
  const lock = await DirectoryLock.acquire(directory);
  try {
    return await openLocked(directory, lock, options);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** How the file store is opened (tests inject a writer that fails on demand). */
export interface FileStoreOptions {
  readonly writer?: DurableWriter;
  /** Told what opening repaired (operator log). */
  readonly log?: (line: string) => void;
}

/** Key of the meta file's writes in the mutex (not a hex id, so no document shares it). */
const META_KEY = 'meta';

async function openLocked(directory: string, lock: DirectoryLock, options: FileStoreOptions): Promise<Store> {
  const writer = options.writer ?? new DurableWriter();
  const mutex = new KeyedMutex();
  const quarantine = new Map<string, QuarantinedDocument>();
  const meta = new Low<MetaFile>(new DurableJsonAdapter(join(directory, 'gongkai.json'), metaFileSchema, writer, 2), {
    schemaVersion: STORE_SCHEMA_VERSION,
    accounts: [],
    sessions: [],
    tokens: [],
    settings: { publicDownloads: false },
  });
  await meta.read();

  const shards = new Map<string, Low<IndexShard>>();
  const summaries = new Map<string, DocumentSummary>();
  const indexDirectory = join(directory, 'index');
  const shardOf = (id: string) => {
    const key = id.slice(0, 2);
    let shard = shards.get(key);
    if (!shard) {
      shard = new Low<IndexShard>(new DurableJsonAdapter(join(indexDirectory, `${key}.json`), indexShardSchema, writer), {
        schemaVersion: STORE_SCHEMA_VERSION,
        documents: [],
      });
      shards.set(key, shard);
    }
    return shard;
  };
  const loaded: DocumentSummary[] = [];
  for (const file of (await readdir(indexDirectory).catch(() => [] as string[])).sort()) {
    const match = /^([0-9a-f]{2})\.json$/.exec(file);
    if (!match) continue;
    const shard = shardOf(match[1]!);
    await shard.read();
    loaded.push(...shard.data.documents);
  }
  loaded.sort((a, b) => (a.submittedAt === b.submittedAt ? a.id.localeCompare(b.id) : a.submittedAt.localeCompare(b.submittedAt)));
  for (const summary of loaded) summaries.set(summary.id, summary);

  const documentFile = (id: string, extension: string) => join('documents', id.slice(0, 2), `${id}.${extension}`);
  const documentPath = (id: string, extension: string) => join(directory, documentFile(id, extension));
  const blobPath = (id: string) => join(directory, 'blobs', id.slice(0, 2), id);
  const journalPath = (id: string) => join(directory, 'journal', `${id}.json`);

  const saveSummary = async (summary: DocumentSummary): Promise<void> => {
    const shard = shardOf(summary.id);
    const previous = summaries.get(summary.id);
    const documents = shard.data.documents;
    const position = documents.findIndex((entry) => entry.id === summary.id);
    if (position >= 0) documents[position] = summary;
    else documents.push(summary);
    summaries.set(summary.id, summary);
    try {
      await shard.write();
    } catch (error) {
      // Keep memory equal to disk: undo, and let the caller report the failure.
      if (previous) {
        summaries.set(summary.id, previous);
        if (position >= 0) documents[position] = previous;
      } else {
        summaries.delete(summary.id);
        const added = documents.findIndex((entry) => entry.id === summary.id);
        if (added >= 0) documents.splice(added, 1);
      }
      throw error;
    }
  };

  const readDocumentFile = async (id: string): Promise<string | undefined> => {
    try {
      return await readFile(documentPath(id, 'json'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };

  const readDocument = async (id: string): Promise<StoredDocument | undefined> => {
    const text = await readDocumentFile(id);
    if (text === undefined) return undefined;
    // Named relative to the data directory: the message reaches reviewers, who need not see the server's paths.
    const file = documentFile(id, 'json');
    try {
      const document = parseStoreFile(file, text, storedDocumentSchema);
      quarantine.delete(id);
      return document;
    } catch (error) {
      if (error instanceof GongkaiError && error.code === 'store-corrupt') {
        quarantine.set(id, { id, file, problem: error.message });
      }
      throw error;
    }
  };

  /**
   * The raw bytes read as UTF-8. Most reports are UTF-8 already, and then the decoded text equals this: it is
   * not written a second time (a third of the store's size).
   */
  const readBlobText = async (id: string): Promise<string | undefined> => {
    const bytes = await readFile(blobPath(id)).catch(() => undefined);
    return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
  };

  /**
   * Changes accounts, sessions, tokens or settings: on a copy, written durably, and only then made current, so
   * a failed write (disk full, read-only) leaves memory as it was: a revoked token or an ended session never
   * works again after a restart that memory said was gone, nor the other way round. One change at a time (the
   * file is small; security changes are rare next to document writes).
   */
  const saveMeta = <T>(change: (data: MetaFile) => T): Promise<T> =>
    mutex.run(META_KEY, async () => {
      const next = structuredClone(meta.data);
      const result = change(next);
      // If the write throws, meta.data was never touched.
      await meta.adapter.write(next);
      meta.data = next;
      return result;
    });

  const recovery = await recoverStore({ directory, summaries, readDocumentFile, saveSummary });
  reportRecovery(recovery, options.log);

  // Three parts over one directory lock: documents (index shards, document files, blobs, journal); accounts,
  // sessions and tokens, and settings (both in gongkai.json, changed through saveMeta).
  const documents: DocumentStore = {
    async listDocuments() {
      return [...summaries.values()];
    },
    async findDocument(id) {
      return summaries.get(id);
    },
    createDocument(summary, bytes) {
      return mutex.run(summary.id, async () => {
        const existing = summaries.get(summary.id);
        if (existing) return { created: false, summary: existing };
        const path = blobPath(summary.id);
        const present = await access(path).then(() => true, () => false);
        // A blob without an index entry is left over from an interrupted submission: same bytes, reuse it.
        if (!present) await writer.write(path, bytes);
        const copy = structuredClone(summary);
        await saveSummary(copy);
        return { created: true, summary: copy };
      });
    },
    readDocument,
    async quarantinedDocuments() {
      return [...quarantine.values()];
    },
    async readText(id) {
      const text = await readFile(documentPath(id, 'txt'), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (text !== undefined) return text;
      // No text file: the decoded text is the raw bytes read as UTF-8 (checked when it was stored).
      return (await access(documentPath(id, 'json')).then(() => true, () => false)) ? readBlobText(id) : undefined;
    },
    async readBlob(id) {
      if (!/^[0-9a-f]{64}$/.test(id)) return undefined;
      return readFile(blobPath(id)).then(
        (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw error;
        },
      );
    },
    updateDocument(id, update) {
      return mutex.run(id, async (): Promise<DocumentEntry> => {
        const summary = summaries.get(id);
        if (!summary) throw new GongkaiError('not-found', `no document ${id}`, { id });
        const next = await update({ summary, document: await readDocument(id) });
        const nextSummary = structuredClone(next.summary);
        const writes: Promise<void>[] = [];
        let journaled = false;
        if (next.document) {
          // Validate before writing: the store never writes what it would refuse to read back.
          const checked = storedDocumentSchema.safeParse(next.document);
          if (!checked.success) {
            throw new GongkaiError('internal', `refusing to store an invalid document ${id}: ${checked.error.issues[0]?.message ?? ''}`, { id });
          }
          const body = JSON.stringify(next.document);
          // The write-ahead record goes first in the batch (renamed first): if the document file is renamed and
          // the process dies before the index shard is written, opening the store finds the record and repairs
          // the index entry (recoverStore).
          const journal = { schemaVersion: STORE_SCHEMA_VERSION, documentSha256: createHash('sha256').update(body).digest('hex'), summary: nextSummary };
          writes.push(writer.write(journalPath(id), JSON.stringify(journal)));
          journaled = true;
          if (next.text !== undefined && next.text !== (await readBlobText(id))) writes.push(writer.write(documentPath(id, 'txt'), next.text));
          writes.push(writer.write(documentPath(id, 'json'), body));
        } else if (next.text !== undefined && next.text !== (await readBlobText(id))) {
          writes.push(writer.write(documentPath(id, 'txt'), next.text));
        }
        await Promise.all(writes);
        await saveSummary(nextSummary);
        // Once the index entry is durable the record is spent; a record left by a crash here is harmless (the
        // index is already as new), so no fsync is needed for its removal.
        if (journaled) await unlink(journalPath(id)).catch(() => undefined);
        if (next.document) quarantine.delete(id);
        return { summary: nextSummary, document: next.document };
      });
    },
  };

  const accounts: AccountStore = {
    async listAccounts() {
      return meta.data.accounts;
    },
    async findAccount(username) {
      return meta.data.accounts.find((account) => account.username === username);
    },
    saveAccount(account, effects = {}) {
      return saveMeta((data) => {
        data.accounts = [...data.accounts.filter((other) => other.username !== account.username), structuredClone(account)];
        if (effects.endSessions) data.sessions = data.sessions.filter((session) => session.username !== account.username);
        if (effects.revokeTokens) data.tokens = data.tokens.filter((token) => token.username !== account.username);
        if (effects.newSession) data.sessions.push(structuredClone(effects.newSession));
      });
    },
    createAccount(account) {
      return saveMeta((data) => {
        if (data.accounts.some((other) => other.username === account.username)) return false;
        data.accounts = [...data.accounts, structuredClone(account)];
        return true;
      });
    },

    async findSession(idHash) {
      return meta.data.sessions.find((session) => session.idHash === idHash);
    },
    saveSession(session, now) {
      return saveMeta((data) => {
        data.sessions = [
          ...data.sessions.filter((other) => other.idHash !== session.idHash && Date.parse(other.expiresAt) > now.getTime()),
          structuredClone(session),
        ];
      });
    },
    deleteSession(idHash) {
      return saveMeta((data) => {
        data.sessions = data.sessions.filter((session) => session.idHash !== idHash);
      });
    },
    deleteSessionsOf(username) {
      return saveMeta((data) => {
        data.sessions = data.sessions.filter((session) => session.username !== username);
      });
    },

    async listTokens() {
      return meta.data.tokens;
    },
    async findTokenByHash(tokenHash) {
      return meta.data.tokens.find((token) => token.tokenHash === tokenHash);
    },
    saveToken(token) {
      return saveMeta((data) => {
        data.tokens = [...data.tokens.filter((other) => other.id !== token.id), structuredClone(token)];
      });
    },
    deleteToken(id) {
      return saveMeta((data) => {
        data.tokens = data.tokens.filter((token) => token.id !== id);
      });
    },
    deleteTokensOf(username) {
      return saveMeta((data) => {
        const count = data.tokens.filter((token) => token.username === username).length;
        data.tokens = data.tokens.filter((token) => token.username !== username);
        return count;
      });
    },
  };

  const settings: SettingsStore = {
    async getSettings() {
      return { ...meta.data.settings };
    },
    saveSettings(next) {
      return saveMeta((data) => {
        data.settings = { ...next };
      });
    },
  };

  return composeStore({
    documents,
    accounts,
    settings,
    async close() {
      await writer.settle();
      await lock.release();
    },
  });
}

function reportRecovery(report: RecoveryReport, log: ((line: string) => void) | undefined): void {
  const parts: string[] = [];
  if (report.repairedEntries.length > 0) parts.push(`${report.repairedEntries.length} index entr${report.repairedEntries.length === 1 ? 'y' : 'ies'} brought up to the document file (${report.repairedEntries.map((id) => id.slice(0, 12)).join(', ')})`);
  if (report.temporaryFiles > 0) parts.push(`${report.temporaryFiles} temp file(s) of interrupted writes removed`);
  if (report.orphanBlobs > 0) parts.push(`${report.orphanBlobs} blob(s) of unacknowledged submissions removed`);
  if (parts.length > 0) log?.(`store recovered after an unclean stop: ${parts.join('; ')}`);
}
