import { Worker } from 'node:worker_threads';
import { GongkaiError } from '../../errors/GongkaiError.ts';
import type { DocumentInput, ExtractionResult } from '../extractDocument.ts';
import { fromThreadExtraction, type ExtractionAnswer, type ExtractionTask } from './extractionTask.ts';

/** How the pool runs: threads, and the bounds nothing a document does may exceed. */
export interface ExtractionThreadPoolOptions {
  /** Threads (documents extracted at once). */
  readonly size: number;
  /** A document's extraction is stopped (its thread terminated) after this long. */
  readonly timeoutMs?: number;
  /** A new thread that has not loaded the pipeline after this long is stopped (its document fails). */
  readonly startupTimeoutMs?: number;
  /** Heap of each thread, in MiB (a document that needs more fails; the thread is replaced). */
  readonly maxHeapMb?: number;
  /** The thread's entry file (tests give one that crashes on purpose). */
  readonly threadFile?: URL;
}

interface Job {
  readonly task: ExtractionTask;
  readonly resolve: (extraction: ExtractionResult) => void;
  readonly reject: (error: GongkaiError) => void;
}

/** One thread and the job it runs. */
interface Slot {
  readonly worker: Worker;
  /** True once the thread has loaded the pipeline (its first message). */
  ready: boolean;
  current: { job: Job; timer: NodeJS.Timeout } | undefined;
}

const defaultThreadFile = new URL('./extractionThread.mjs', import.meta.url);
/** Far above any real report (the largest seed extracts in well under a second); only a runaway document hits it. */
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_HEAP_MB = 2048;
/** Loading the pipeline (tsx compiles it on a first run) takes a second or two; a minute means it is stuck. */
const DEFAULT_STARTUP_TIMEOUT_MS = 60_000;

/**
 * A small pool of worker threads that run the deterministic extraction, so the main thread (the server's
 * requests) is never blocked by a large document. Documents wait in order; each thread takes one at a time and
 * keeps the pipeline loaded between documents. A thread that throws, dies (heap limit) or overruns the time
 * limit fails only its document, with a GongkaiError saying why, and is replaced for the next one.
 * Idle threads never keep the process alive.
 */
export class ExtractionThreadPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly startupTimeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly threadFile: URL;

  constructor(private readonly options: ExtractionThreadPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new GongkaiError('bad-request', `an extraction pool needs at least one thread (got ${options.size})`, { size: options.size });
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.startupTimeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_HEAP_MB;
    this.threadFile = options.threadFile ?? defaultThreadFile;
  }

  /** Threads in the pool. */
  get size(): number {
    return this.options.size;
  }

  /**
   * Extracts one document (its PDF or .docx text already prepared) on a thread: the same ExtractionResult as
   * extractDocument on this thread. Rejects with the pipeline's own
   * GongkaiError (an undecodable document, …) or with 'internal' when the thread crashed or ran out of time.
   */
  extract(input: DocumentInput): Promise<ExtractionResult> {
    if (this.closed) return Promise.reject(new GongkaiError('unavailable', 'the extraction threads are stopped (the server is shutting down)'));
    return new Promise((resolve, reject) => {
      // postMessage copies the bytes (nothing is transferred): the caller's buffer stays theirs.
      const task: ExtractionTask = { id: this.nextId++, name: input.name, bytes: input.bytes, ...(input.prepared ? { prepared: input.prepared } : {}) };
      this.waiting.push({ task, resolve, reject });
      this.startNext();
    });
  }

  /** Terminates every thread; waiting and running documents fail with 'unavailable'. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new GongkaiError('unavailable', 'the extraction threads were stopped (the server is shutting down)');
    for (const job of this.waiting.splice(0)) job.reject(stopped);
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      if (slot.current) {
        clearTimeout(slot.current.timer);
        slot.current.job.reject(stopped);
        slot.current = undefined;
      }
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private startNext(): void {
    while (this.waiting.length > 0) {
      const slot = this.slots.find((candidate) => !candidate.current) ?? (this.slots.length < this.options.size ? this.startThread() : undefined);
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.current = { job, timer: slot.ready ? this.documentTimer(slot) : this.startupTimer(slot) };
      slot.worker.ref();
      slot.worker.postMessage(job.task);
    }
  }

  private documentTimer(slot: Slot): NodeJS.Timeout {
    return setTimeout(() => {
      this.failSlot(slot, `the extraction took longer than ${formatSeconds(this.timeoutMs)} and was stopped`, 'timeout');
    }, this.timeoutMs);
  }

  private startupTimer(slot: Slot): NodeJS.Timeout {
    return setTimeout(() => {
      this.failSlot(slot, `the extraction thread did not start within ${formatSeconds(this.startupTimeoutMs)}`, 'timeout');
    }, this.startupTimeoutMs);
  }

  private startThread(): Slot {
    const worker = new Worker(this.threadFile, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    const slot: Slot = { worker, ready: false, current: undefined };
    worker.on('message', (answer: ExtractionAnswer | { readonly ready: true }) => {
      const current = slot.current;
      if ('ready' in answer) {
        slot.ready = true;
        // The document waiting on this thread gets its whole time limit from now.
        if (current) {
          clearTimeout(current.timer);
          current.timer = this.documentTimer(slot);
        }
        return;
      }
      if (!current || current.job.task.id !== answer.id) return;
      clearTimeout(current.timer);
      slot.current = undefined;
      worker.unref();
      if ('extraction' in answer) settleWithExtraction(current.job, answer.extraction);
      else current.job.reject(new GongkaiError(answer.failure.code ?? 'internal', answer.failure.message, { ...answer.failure.context }));
      this.startNext();
    });
    worker.on('error', (error) => this.failSlot(slot, `the extraction thread failed (${error.message})`, 'crash'));
    worker.on('exit', (code) => this.failSlot(slot, `the extraction thread stopped unexpectedly (exit ${code})`, 'crash'));
    // An idle thread never keeps the process alive; a running job refs it (after the listeners: adding a
    // message listener refs the thread again).
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** Fails the slot's document (if any), terminates and forgets the thread; the next job starts a new one. */
  private failSlot(slot: Slot, reason: string, kind: 'timeout' | 'crash'): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const current = slot.current;
    slot.current = undefined;
    void slot.worker.terminate();
    if (current) {
      clearTimeout(current.timer);
      current.job.reject(new GongkaiError('internal', `${reason}; the document keeps its bytes and can be retried`, { reason: kind, document: current.job.task.name }));
    }
    if (!this.closed) this.startNext();
  }
}

function settleWithExtraction(job: Job, extraction: Extract<ExtractionAnswer, { extraction: unknown }>['extraction']): void {
  try {
    job.resolve(fromThreadExtraction(extraction));
  } catch (error) {
    job.reject(error instanceof GongkaiError ? error : new GongkaiError('internal', String(error)));
  }
}

const sharedPools = new Map<number, ExtractionThreadPool>();

/**
 * The process's pool of `size` threads, started on first use: every app and server worker in the process shares
 * it (threads hold the loaded pipeline, so one pool per process, not per app).
 */
export function sharedExtractionThreadPool(size: number): ExtractionThreadPool {
  let pool = sharedPools.get(size);
  if (!pool) {
    pool = new ExtractionThreadPool({ size });
    sharedPools.set(size, pool);
  }
  return pool;
}

function formatSeconds(milliseconds: number): string {
  return milliseconds >= 1000 ? `${Math.round(milliseconds / 1000)} s` : `${milliseconds} ms`;
}
