/**
 * A text derived from an original text, where every character remembers the span of the original it came
 * from. Decoding HTML, normalising full-width forms or cutting page footers all produce a MappedText, so a
 * value found anywhere down the line can be pointed at in the original decoded document.
 */
export class MappedText {
  /** The derived text. */
  readonly text: string;
  /** For each character of `text`, the start of its source span in the original. */
  readonly originStart: Int32Array;
  /** For each character of `text`, the end (exclusive) of its source span in the original. */
  readonly originEnd: Int32Array;
  /** Length of the original text. */
  readonly originalLength: number;

  constructor(text: string, originStart: Int32Array, originEnd: Int32Array, originalLength: number) {
    if (originStart.length !== text.length || originEnd.length !== text.length) {
      throw new RangeError('MappedText: offset arrays must have one entry per character');
    }
    this.text = text;
    this.originStart = originStart;
    this.originEnd = originEnd;
    this.originalLength = originalLength;
  }

  /** A text mapped one-to-one onto itself. */
  static identity(text: string): MappedText {
    const starts = new Int32Array(text.length);
    const ends = new Int32Array(text.length);
    for (let index = 0; index < text.length; index++) {
      starts[index] = index;
      ends[index] = index + 1;
    }
    return new MappedText(text, starts, ends, text.length);
  }

  /** Maps a span [start, end) of this text to the span of the original it came from. */
  toOriginal(start: number, end: number): { start: number; end: number } {
    const length = this.text.length;
    const clampedStart = Math.max(0, Math.min(start, length));
    const clampedEnd = Math.max(clampedStart, Math.min(end, length));
    if (clampedEnd === clampedStart) {
      const position = clampedStart < length ? this.originStart[clampedStart]! : this.endOfOriginal();
      return { start: position, end: position };
    }
    return { start: this.originStart[clampedStart]!, end: this.originEnd[clampedEnd - 1]! };
  }

  private endOfOriginal(): number {
    return this.text.length > 0 ? this.originEnd[this.text.length - 1]! : 0;
  }
}

/**
 * Builds a MappedText from pieces of a source MappedText: copied spans keep their mapping, replacements map
 * to the span they replace, insertions map to an empty span at their position.
 */
export class MappedTextBuilder {
  private readonly source: MappedText;
  private readonly parts: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;

  constructor(source: MappedText) {
    this.source = source;
    const capacity = Math.max(16, source.text.length + 16);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Copies source[start, end) unchanged. */
  copy(start: number, end: number): this {
    if (end <= start) return this;
    this.reserve(end - start);
    this.parts.push(this.source.text.slice(start, end));
    // Block copies of the offsets (native), not an element-by-element loop: copies are most of a normalisation.
    this.starts.set(this.source.originStart.subarray(start, end), this.length);
    this.ends.set(this.source.originEnd.subarray(start, end), this.length);
    this.length += end - start;
    return this;
  }

  /** Writes `text` in place of source[start, end); every written character maps to that whole span. */
  replace(start: number, end: number, text: string): this {
    if (text.length === 0) return this;
    const span = this.source.toOriginal(start, end);
    this.reserve(text.length);
    this.parts.push(text);
    for (let index = 0; index < text.length; index++) {
      this.starts[this.length] = span.start;
      this.ends[this.length] = span.end;
      this.length++;
    }
    return this;
  }

  /** Writes `text` that has no source (a cell separator, a line break), anchored at source position `at`. */
  insert(at: number, text: string): this {
    return this.replace(at, at, text);
  }

  /** Number of characters written so far. */
  get size(): number {
    return this.length;
  }

  /** The finished text. */
  build(): MappedText {
    return new MappedText(
      this.parts.join(''),
      this.starts.slice(0, this.length),
      this.ends.slice(0, this.length),
      this.source.originalLength,
    );
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.starts.length) return;
    const capacity = Math.max(needed, this.starts.length * 2);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    starts.set(this.starts.subarray(0, this.length));
    ends.set(this.ends.subarray(0, this.length));
    this.starts = starts;
    this.ends = ends;
  }
}
