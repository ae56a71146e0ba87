import type { MappedText } from '../../text/MappedText.ts';
import type { GridCell } from './GridRow.ts';
import { isValueText } from './isValueText.ts';
import { splitLines } from './splitLines.ts';

/** The cells of a one-cell-per-line run of values, blank cells counted from its runs of empty lines. */
export type CountedStream =
  | { readonly kind: 'counted'; readonly cells: readonly GridCell[] }
  /** The runs of empty lines cannot be counted with certainty: the values only, in reading order. */
  | { readonly kind: 'uncertain'; readonly values: readonly GridCell[]; readonly reason: string };

/**
 * Reads view.text[valuesStart, valuesEnd) — values printed one per line, a blank cell leaving only an empty
 * line — into cells, counting the blanks between two values from the run of line breaks between them. The
 * break between two cells is the commonest run of the region from `regionStart` (its header lines are printed
 * one per line too): a run that is not a whole number of such breaks cannot be counted. The line endings of
 * the original text must be all of one kind: mixed endings (a CR beside a LF, "\n\r" or "\r\r\n") render to
 * runs whose length says nothing certain about blank cells. Blanks before the first value and after the last
 * cannot be counted at all (the run after the header is a row gap of unknown length): the caller decides from
 * the number of cells counted.
 */
export function countCellStream(view: MappedText, regionStart: number, valuesStart: number, valuesEnd: number, original?: string): CountedStream {
  const lines = splitLines(view.text, valuesStart, valuesEnd);
  const values: GridCell[] = lines.map((line) => trimmedCell(view.text, line.start, line.end));
  const uncertain = (reason: string): CountedStream => ({ kind: 'uncertain', values, reason });
  if (values.some((cell) => !isValueText(cell.text))) return uncertain('a line among the values is not a value');
  const cellBreaks = commonestRun(splitLines(view.text, regionStart, valuesEnd).map((line) => line.breaksBefore).slice(1));
  if (cellBreaks === undefined) return uncertain('no run of line breaks between cells is established');
  if (original !== undefined && !uniformLineEndings(view, valuesStart, valuesEnd, original)) {
    return uncertain('the line endings among the values are mixed (CR and LF): runs of empty lines cannot be counted');
  }
  const cells: GridCell[] = [];
  for (let index = 0; index < lines.length; index++) {
    const run = lines[index]!.breaksBefore;
    if (index > 0) {
      if (run % cellBreaks !== 0) return uncertain(`a run of ${run} line breaks is not a whole number of cells (${cellBreaks} break(s) each)`);
      const at = lines[index - 1]!.end;
      for (let blank = 1; blank < run / cellBreaks; blank++) cells.push({ text: '', start: at, end: at });
    }
    cells.push(values[index]!);
  }
  return { kind: 'counted', cells };
}

function trimmedCell(text: string, start: number, end: number): GridCell {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  return { text: text.slice(from, to), start: from, end: to };
}

function commonestRun(runs: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const run of runs) if (run > 0) counts.set(run, (counts.get(run) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [run, count] of counts) if (count > bestCount || (count === bestCount && best !== undefined && run < best)) [best, bestCount] = [run, count];
  return best;
}

/** Whether every line break of view.text[start, end) came from the same ending in the original ("\n", "\r\n" or "\r"). */
function uniformLineEndings(view: MappedText, start: number, end: number, original: string): boolean {
  const kinds = new Set<string>();
  for (let index = start; index < end; index++) {
    if (view.text[index] !== '\n') continue;
    const span = view.toOriginal(index, index + 1);
    kinds.add(original.slice(span.start, span.end));
  }
  // Breaks the normaliser inserted (no source text) or joined would make the count unknowable too.
  return kinds.size <= 1 && ![...kinds].some((kind) => kind !== '\n' && kind !== '\r\n' && kind !== '\r');
}
