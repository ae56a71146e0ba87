/** Where the bar is drawn (stderr); `isTTY` decides between a redrawn line and occasional plain lines. */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * A progress bar for long runs on stderr: one redrawn line on a terminal (at most 10 redraws a second), a plain
 * line every 10% otherwise (logs, CI). `note()` prints a line above the bar without breaking it.
 */
export class ProgressBar {
  private lastDraw = 0;
  private lastDecile = -1;
  private lastPrinted = -1;
  private readonly started = Date.now();
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly label: string,
    private readonly total: number,
  ) {}

  /** Shows `done` of the total, with a short status after the numbers. */
  update(done: number, status = '', force = false): void {
    const now = Date.now();
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const remaining = rate > 0 ? (this.total - done) / rate : 0;
    const fraction = this.total === 0 ? 1 : done / this.total;
    const text = `${this.label} ${done}/${this.total} ${(fraction * 100).toFixed(1)}% ${rate.toFixed(1)}/s${done < this.total && rate > 0 ? ` eta ${formatDuration(remaining)}` : ''}${status ? `  ${status}` : ''}`;
    if (this.stream.isTTY) {
      if (!force && now - this.lastDraw < 100 && done < this.total) return;
      this.lastDraw = now;
      const width = 24;
      const filled = Math.round(fraction * width);
      this.stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
      this.drawn = true;
      return;
    }
    const decile = Math.floor(fraction * 10);
    if ((decile !== this.lastDecile || force) && done !== this.lastPrinted) {
      this.lastDecile = decile;
      this.lastPrinted = done;
      this.stream.write(`${text}\n`);
    }
  }

  /** Prints a line (an error, say) above the bar. */
  note(line: string): void {
    this.stream.write(this.stream.isTTY && this.drawn ? `\r\x1b[2K${line}\n` : `${line}\n`);
  }

  /** Ends the bar's line. */
  finish(): void {
    if (this.stream.isTTY && this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}
