import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LlmWorkItem, LlmWorkQueue } from '../extract/LlmWorkQueue.ts';
import type { Store } from '../store/Store.ts';
import type { ServiceProcessor } from './ServiceProcessor.ts';
import { LlmWorkResumer } from './LlmWorkResumer.ts';

/** A queue holding one item whose document is gone from the store: each pass drops it (or finds it not yet due). */
function fixture(retryIntervalMs: number | undefined, options: { readonly due: boolean }) {
  const item: LlmWorkItem = { key: 'doc-1', name: 'a.txt', enqueuedAt: '2026-01-01T00:00:00.000Z', attempts: 1 };
  let pending = [item];
  const passes = { count: 0 };
  const queue: LlmWorkQueue = {
    enqueue: async () => {},
    complete: async (key) => {
      pending = pending.filter((entry) => entry.key !== key);
    },
    defer: async () => undefined,
    due: async () => {
      passes.count++;
      return options.due ? pending : [];
    },
    list: async () => pending,
  };
  const store = { findDocument: async () => undefined, readBlob: async () => undefined } as unknown as Store;
  const resumer = new LlmWorkResumer({
    queue, store, processor: {} as ServiceProcessor, clock: () => new Date('2026-01-01T00:00:00Z'), concurrency: 1,
    retryIntervalMs, extracting: () => false, save: async () => {},
  });
  return { resumer, passes };
}

describe('LlmWorkResumer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs one pass at a time: a call during a pass joins it', async () => {
    const { resumer, passes } = fixture(undefined, { due: true });
    const [first, second] = [resumer.resume(), resumer.resume()];
    expect(first).toBe(second);
    expect(await first).toEqual({ processed: 0, stillPending: 0, dropped: 1, failed: 0 });
    expect(passes.count).toBe(1);
  });

  it('tries again after the interval while work is pending, and no more once stopped', async () => {
    vi.useFakeTimers();
    const { resumer, passes } = fixture(1_000, { due: false });
    await resumer.resume();
    await vi.advanceTimersByTimeAsync(1_000);
    await resumer.idle();
    expect(passes.count).toBe(2);
    resumer.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(passes.count).toBe(2);
  });

  it('never tries again by itself without an interval (submissions left for a later run)', async () => {
    vi.useFakeTimers();
    const { resumer, passes } = fixture(undefined, { due: false });
    await resumer.resume();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(passes.count).toBe(1);
  });
});
