/** One line of a text region. */
export interface TextLine {
  /** Span of the line's content (without its line break) in the text. */
  readonly start: number;
  readonly end: number;
  /** Line breaks between the end of the previous non-blank line and this line (0 for the first line). */
  readonly breaksBefore: number;
}

/**
 * Splits text[start, end) into lines at \r\n, \r and \n (each counting as one break). Returns only lines with
 * something other than whitespace on them, each with the number of line breaks since the previous such line,
 * so a run of empty lines (a blank cell in one-cell-per-line text) stays visible as a longer run.
 */
export function splitLines(text: string, start: number, end: number): TextLine[] {
  const lines: TextLine[] = [];
  let lineStart = start;
  let breaks = 0;
  const flush = (lineEnd: number): void => {
    if (hasContent(text, lineStart, lineEnd)) {
      lines.push({ start: lineStart, end: lineEnd, breaksBefore: lines.length === 0 ? 0 : breaks });
      breaks = 0;
    }
  };
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === 13 || code === 10) {
      flush(index);
      breaks++;
      index += code === 13 && index + 1 < end && text.charCodeAt(index + 1) === 10 ? 2 : 1;
      lineStart = index;
    } else {
      index++;
    }
  }
  flush(end);
  return lines;
}

function hasContent(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (!isSpace(text.charCodeAt(index))) return true;
  return false;
}

/** Spaces a cell is trimmed of: ASCII whitespace, no-break space, ideographic space. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0 || code === 0x3000;
}

/** The span of text[start, end) without leading and trailing spaces (an empty span at `start` if all space). */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return from === to ? { start, end: start } : { start: from, end: to };
}
