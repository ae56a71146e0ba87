/**
 * Background work with bounded concurrency: document ids wait in order and at most `concurrency` are being
 * extracted at once. A failing job never stops the queue (the job records its own failure).
 */
export class ExtractionQueue {
  private readonly waiting: string[] = [];
  private readonly queued = new Set<string>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly work: (id: string) => Promise<void>,
    private readonly concurrency: number,
  ) {}

  /** Adds a document to the queue (a document already waiting or running is not added twice). */
  enqueue(id: string): void {
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.waiting.push(id);
    this.pump();
  }

  /** True while the document waits or is being extracted. */
  has(id: string): boolean {
    return this.queued.has(id);
  }

  /** Documents waiting or being extracted. */
  get pending(): number {
    return this.queued.size;
  }

  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.queued.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      this.running++;
      void this.work(id)
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          this.queued.delete(id);
          this.pump();
          if (this.queued.size === 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            for (const resolve of waiters) resolve();
          }
        });
    }
  }
}
