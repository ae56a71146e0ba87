import { describe, expect, it } from 'vitest';
import { guardStream } from './guardStream.ts';

function failingAfter(chunks: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) throw new Error('store file documents/ab/x.json is not valid JSON');
      sent++;
      controller.enqueue(new TextEncoder().encode(`chunk ${sent}\n`));
    },
  });
}

describe('guardStream', () => {
  it('throws before the response starts when the first chunk fails (an ordinary error response)', async () => {
    await expect(guardStream(failingAfter(0), () => false)).rejects.toThrow(/not valid JSON/);
  });

  it('makes a later failure a failed transfer, never a short body that ends normally', async () => {
    const failures: unknown[] = [];
    const guarded = await guardStream(failingAfter(3), (error) => {
      failures.push(error);
      return false;
    });
    await expect(new Response(guarded).text()).rejects.toThrow(/not valid JSON/);
    expect(failures).toHaveLength(1);
  });

  it('closes the stream when the failure handler has cut the connection itself', async () => {
    const guarded = await guardStream(failingAfter(2), () => true);
    expect(await new Response(guarded).text()).toBe('chunk 1\nchunk 2\n');
  });
});
