import { open, mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { GongkaiError } from '../errors/GongkaiError.ts';

/** A document whose LLM work is not done yet. */
export interface LlmWorkItem {
  /** The service's id for the document (its store key, or its sha256). */
  readonly key: string;
  readonly name: string;
  readonly enqueuedAt: string;
  /** Processing attempts that left LLM work pending. */
  readonly attempts: number;
  readonly lastError?: string;
  /** Not to be tried again before this time (backoff after a failure). */
  readonly notBefore?: string;
}

/**
 * Pending LLM work, persisted: a document is enqueued BEFORE its LLM calls start and removed only once they
 * all ended (answered, or failed for a reason retrying cannot fix). A restart or an endpoint outage therefore
 * loses no document: what is still queued is processed again (cached answers make that free for the
 * sections that had succeeded).
 */
export interface LlmWorkQueue {
  enqueue(key: string, name: string): Promise<void>;
  /** Done: nothing left to retry. */
  complete(key: string): Promise<void>;
  /** Still pending after an attempt: backs off exponentially (30 s, 1 min, … at most 1 h). */
  defer(key: string, reason: string, now?: Date): Promise<LlmWorkItem | undefined>;
  /** Items whose backoff has passed, oldest first. */
  due(now?: Date): Promise<LlmWorkItem[]>;
  list(): Promise<LlmWorkItem[]>;
}

const itemSchema = z.object({
  key: z.string(),
  name: z.string(),
  enqueuedAt: z.string(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().optional(),
  notBefore: z.string().optional(),
});
const fileSchema = z.object({ version: z.literal(1), items: z.array(itemSchema) });

const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 3_600_000;

/** A queue kept in memory only (tests; a service without a data directory). */
export function createMemoryLlmWorkQueue(): LlmWorkQueue {
  return createQueue(async () => [], async () => undefined);
}

/**
 * A queue persisted in one JSON file (default data/llm-queue.json), rewritten atomically on every change
 * (temp file, fsync, rename). A corrupt file is refused, not overwritten.
 */
export function createFileLlmWorkQueue(path: string): LlmWorkQueue {
  return createQueue(
    async () => {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      try {
        return fileSchema.parse(JSON.parse(text)).items;
      } catch (error) {
        throw new GongkaiError('store-corrupt', `LLM work queue ${path} is unreadable; it was not modified. Move it away to start with an empty queue.`, { path }, { cause: error });
      }
    },
    async (items) => {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.tmp-${process.pid}`;
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify({ version: 1, items }, null, 1)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    },
  );
}

function createQueue(load: () => Promise<LlmWorkItem[]>, save: (items: LlmWorkItem[]) => Promise<void>): LlmWorkQueue {
  let items: Map<string, LlmWorkItem> | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  // Every operation runs after the previous one: the file is never written by two at once.
  const serial = <T>(operation: (current: Map<string, LlmWorkItem>) => Promise<T>): Promise<T> => {
    const next = chain.catch(() => undefined).then(async () => {
      items ??= new Map((await load()).map((item) => [item.key, item]));
      return operation(items);
    });
    chain = next;
    return next;
  };
  const persist = (current: Map<string, LlmWorkItem>) => save([...current.values()]);
  return {
    enqueue: (key, name) => serial(async (current) => {
      if (current.has(key)) return;
      current.set(key, { key, name, enqueuedAt: new Date().toISOString(), attempts: 0 });
      await persist(current);
    }),
    complete: (key) => serial(async (current) => {
      if (!current.delete(key)) return;
      await persist(current);
    }),
    defer: (key, reason, now = new Date()) => serial(async (current) => {
      const item = current.get(key);
      if (!item) return undefined;
      const attempts = item.attempts + 1;
      const wait = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempts - 1));
      const updated: LlmWorkItem = { ...item, attempts, lastError: reason, notBefore: new Date(now.getTime() + wait).toISOString() };
      current.set(key, updated);
      await persist(current);
      return updated;
    }),
    due: (now = new Date()) => serial(async (current) =>
      [...current.values()]
        .filter((item) => item.notBefore === undefined || Date.parse(item.notBefore) <= now.getTime())
        .sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt))),
    list: () => serial(async (current) => [...current.values()]),
  };
}
