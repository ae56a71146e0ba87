/** Runs tasks with at most N of them in flight; the others wait in arrival order. */
export type ConcurrencyLimit = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A limit of `concurrency` tasks in flight. One limit is shared by every document of a batch, so a batch
 * ingest never has more than `concurrency` LLM calls open against the endpoint.
 */
export function createConcurrencyLimit(concurrency: number): ConcurrencyLimit {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('createConcurrencyLimit: concurrency must be a positive integer');
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finished task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/** Maps `items` through `task` with at most `concurrency` in flight; results keep the order of `items`. */
export async function mapWithConcurrency<T, R>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const limit = createConcurrencyLimit(concurrency);
  return Promise.all(items.map((item, index) => limit(() => task(item, index))));
}
