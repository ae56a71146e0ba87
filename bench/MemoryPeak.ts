/** The highest memory use seen by the samples taken so far (process.memoryUsage). */
export class MemoryPeak {
  rss = 0;
  heapUsed = 0;

  /** Takes one sample. */
  sample(): void {
    const usage = process.memoryUsage();
    this.rss = Math.max(this.rss, usage.rss);
    this.heapUsed = Math.max(this.heapUsed, usage.heapUsed);
  }
}

/** Bytes as megabytes for a benchmark line: "225.0 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
