/**
 * Reads the first chunk before the response starts (a failure there throws: a proper error response), then
 * passes the rest through. A later failure calls `onLateFailure`, which returns true when it has cut the
 * connection itself (the stream is then just closed); otherwise the stream errors.
 */
export async function guardStream(stream: ReadableStream<Uint8Array>, onLateFailure: (error: unknown) => boolean): Promise<ReadableStream<Uint8Array>> {
  const reader = stream.getReader();
  const first = await reader.read();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.value) controller.enqueue(first.value);
      if (first.done) controller.close();
    },
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        if (onLateFailure(error)) controller.close();
        else controller.error(error);
      }
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });
}
