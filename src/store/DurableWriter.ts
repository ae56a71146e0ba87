import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

interface Batch {
  readonly entries: Map<string, string | Uint8Array>;
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

/** Files written at once within one batch (bounded so a large batch does not exhaust file descriptors). */
const PARALLEL_FILES = 32;

/**
 * Durable, batched file writes (group commit). Each write goes to a temp file that is fsynced, renamed over the
 * target, and the directory is fsynced, so a crash leaves the old or the new file, never a torn one. Writes
 * that arrive while a batch is being flushed share the next batch: many concurrent requests, one write per
 * file and one fsync per directory. A write's promise resolves only once its batch is durable.
 */
export class DurableWriter {
  private next: Batch | undefined;
  private flushing: Promise<void> | undefined;
  private readonly knownDirectories = new Set<string>();
  private temporaryCounter = 0;
  private flushedBatches = 0;

  /** Number of batches flushed so far (each costs one write per file and one fsync per directory). */
  get batchesFlushed(): number {
    return this.flushedBatches;
  }

  /** Writes `content` to `path` durably. A later write to the same path in the same batch replaces it. */
  write(path: string, content: string | Uint8Array): Promise<void> {
    const batch = (this.next ??= createBatch());
    batch.entries.set(path, content);
    this.scheduleFlush();
    return batch.done;
  }

  /** Resolves once everything written so far is durable. */
  async settle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      // One macrotask of grace lets writes issued by concurrent requests in this tick join the batch.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.next) {
        const batch = this.next;
        this.next = undefined;
        try {
          await this.flushBatch(batch);
          this.flushedBatches++;
          batch.resolve();
        } catch (error) {
          batch.reject(error);
        }
      }
      this.flushing = undefined;
    })();
  }

  private async flushBatch(batch: Batch): Promise<void> {
    const entries = [...batch.entries];
    const temporaries = new Map<string, string>();
    try {
      for (let start = 0; start < entries.length; start += PARALLEL_FILES) {
        await Promise.all(entries.slice(start, start + PARALLEL_FILES).map(async ([path, content]) => {
          const temporary = `${path}.tmp-${process.pid}-${++this.temporaryCounter}`;
          await this.ensureDirectory(dirname(path));
          temporaries.set(path, temporary);
          const handle = await open(temporary, 'w', 0o600);
          try {
            await handle.writeFile(content);
            await handle.sync();
          } finally {
            await handle.close();
          }
        }));
      }
      for (const [path] of entries) {
        await rename(temporaries.get(path)!, path);
        temporaries.delete(path);
      }
      const directories = new Set(entries.map(([path]) => dirname(path)));
      await Promise.all([...directories].map(syncDirectory));
    } finally {
      await Promise.all([...temporaries.values()].map((temporary) => unlink(temporary).catch(() => undefined)));
    }
  }

  private async ensureDirectory(directory: string): Promise<void> {
    if (this.knownDirectories.has(directory)) return;
    await mkdir(directory, { recursive: true });
    this.knownDirectories.add(directory);
  }
}

function createBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((doneResolve, doneReject) => {
    resolve = doneResolve;
    reject = doneReject;
  });
  // A batch nobody awaits (impossible through write(), but cheap to guard) must not crash the process.
  done.catch(() => undefined);
  return { entries: new Map(), done, resolve, reject };
}

/** fsync of the directory makes the rename itself durable. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
