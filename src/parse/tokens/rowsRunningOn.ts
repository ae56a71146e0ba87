import type { Anchor } from './chooseAnchors.ts';
import type { RowReadings } from './placeRowValues.ts';
import type { Token } from './Token.ts';
import { TOKEN_LAYOUTS } from './tokenLayouts.ts';

/**
 * How many anchored rows have their first number run on from the label on its line ("一、本年新收…0500005"): rows the
 * solver may not place itself (a glued run, split by the glued-digit reader) that still show the section printed row
 * after row, a table's text stripped of its tags, blank cells as spaces (a scraper's text content). Not numbers merely
 * between two labels: a PDF's column order prints blocks of them so.
 */
export function rowsRunningOn(tokens: readonly Token[], anchors: readonly Anchor[]): number {
  return anchors.filter((anchor) => {
    const label = tokens[anchor.tokenIndex]!;
    const first = tokens[anchor.tokenIndex + 1];
    return first?.kind === 'value' && !first.ordinalTail && first.start === label.end && first.line === label.line;
  }).length;
}

/** The token layout a placed row was read in: its cells, its lines, a run split, or values on its label's line or flattened. */
export function layoutOf(placed: RowReadings, run: readonly Token[], anchor: Token, next: Token | undefined): string {
  if (placed.subset) return TOKEN_LAYOUTS.split;
  if (placed.celled) return TOKEN_LAYOUTS.cells;
  if (placed.lineCells) return TOKEN_LAYOUTS.lines;
  const lines = new Set(run.filter((token) => token.kind === 'value').map((token) => token.line));
  const ownLine = lines.size === 1 && lines.has(anchor.line) && (next === undefined || next.line !== anchor.line);
  return ownLine ? TOKEN_LAYOUTS.space : TOKEN_LAYOUTS.flattened;
}
