import { readdir, readFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { GongkaiError } from '../errors/GongkaiError.ts';
import { DirectoryLock } from './DirectoryLock.ts';
import { DurableJsonAdapter, parseStoreFile } from './DurableJsonAdapter.ts';
import { DurableWriter } from './DurableWriter.ts';
import { KeyedMutex } from './KeyedMutex.ts';
import type { DocumentEntry, Store } from './Store.ts';
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
 * - `blobs/<xx>/<sha256>`: the raw bytes exactly as submitted (content-addressed).
 *
 * Every file carries schemaVersion and is zod-validated when read: a corrupt file is refused with a clear
 * message and never overwritten. Writes are atomic, fsynced and batched (DurableWriter). The directory is
 * locked against a second process.
 */
export async function createFileStore(directory: string): Promise<Store> {
  const lock = await DirectoryLock.acquire(directory);
  try {
    return await openLocked(directory, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLocked(directory: string, lock: DirectoryLock): Promise<Store> {
  const writer = new DurableWriter();
  const mutex = new KeyedMutex();
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

  const documentPath = (id: string, extension: string) => join(directory, 'documents', id.slice(0, 2), `${id}.${extension}`);
  const blobPath = (id: string) => join(directory, 'blobs', id.slice(0, 2), id);

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

  const readDocument = async (id: string): Promise<StoredDocument | undefined> => {
    const path = documentPath(id, 'json');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return parseStoreFile(path, text, storedDocumentSchema);
  };

  /**
   * The raw bytes read as UTF-8. Most reports are UTF-8 already, and then the decoded text equals this: it is
   * not written a second time (a third of the store's size).
   */
  const readBlobText = async (id: string): Promise<string | undefined> => {
    const bytes = await readFile(blobPath(id)).catch(() => undefined);
    return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
  };

  const saveMeta = (change: (data: MetaFile) => void) => {
    change(meta.data);
    return meta.write();
  };

  return {
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
        const writes: Promise<void>[] = [];
        if (next.text !== undefined && next.text !== (await readBlobText(id))) writes.push(writer.write(documentPath(id, 'txt'), next.text));
        if (next.document) {
          // Validate before writing: the store never writes what it would refuse to read back.
          const checked = storedDocumentSchema.safeParse(next.document);
          if (!checked.success) {
            throw new GongkaiError('internal', `refusing to store an invalid document ${id}: ${checked.error.issues[0]?.message ?? ''}`, { id });
          }
          writes.push(writer.write(documentPath(id, 'json'), JSON.stringify(next.document)));
        }
        await Promise.all(writes);
        const nextSummary = structuredClone(next.summary);
        await saveSummary(nextSummary);
        return { summary: nextSummary, document: next.document };
      });
    },

    async listAccounts() {
      return meta.data.accounts;
    },
    async findAccount(username) {
      return meta.data.accounts.find((account) => account.username === username);
    },
    saveAccount(account) {
      return saveMeta((data) => {
        data.accounts = [...data.accounts.filter((other) => other.username !== account.username), structuredClone(account)];
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

    async getSettings() {
      return { ...meta.data.settings };
    },
    saveSettings(settings) {
      return saveMeta((data) => {
        data.settings = { ...settings };
      });
    },
    async close() {
      await writer.settle();
      await lock.release();
    },
  };
}
