import type { GridRowSpec } from '../glued/gridRowSpecs.ts';
import type { LineToken } from './lineTokens.ts';

/** A row whose label was found in a block of label text, and how well. */
export interface MatchedRow {
  readonly spec: GridRowSpec;
  readonly labelScore: number;
}

/** Rows and the run of numbers printed for them (k rows × their cells, in some order to be found). */
export interface RowBlock {
  readonly rows: readonly MatchedRow[];
  readonly numbers: readonly LineToken[];
}

/** The blocks of a section, and what could not be matched. */
export interface RowBlocks {
  readonly blocks: readonly RowBlock[];
  readonly notes: readonly string[];
  /** Rows whose label was found but whose numbers could not be told apart from other rows'. */
  readonly unmatchedRows: readonly string[];
}

/**
 * Groups the line tokens of a section the way PDF extraction prints a table: a stretch of label text (row
 * labels, wrapped, with column headings and vertical labels mixed in) followed by a run of numbers (page footers
 * skipped). Rows are matched in each stretch by their strong label patterns (anywhere in the stretch, in the
 * form's order), queued, and each run of numbers takes the queued rows whose cells it exactly covers.
 * The virtual (六)其他处理 row is left out when the document prints its three sub-rows.
 */
export function rowBlocks(tokens: readonly LineToken[], specs: readonly GridRowSpec[]): RowBlocks {
  const stretches: { label: string; numbers: LineToken[] }[] = [];
  let label = '';
  let numbers: LineToken[] = [];
  for (const token of tokens) {
    if (token.kind === 'footer') continue;
    if (token.kind === 'number') {
      numbers.push(token);
      continue;
    }
    if (numbers.length > 0) {
      stretches.push({ label, numbers });
      label = '';
      numbers = [];
    }
    label += token.text;
  }
  if (numbers.length > 0) stretches.push({ label, numbers });

  const matched = stretches.map((stretch) => matchRows(stretch.label, specs));
  const printsSubRows = matched.some((rows) => rows.some((row) => isOtherSubRow(row.spec.key)));
  const notes: string[] = [];
  const unmatchedRows: string[] = [];
  const blocks: RowBlock[] = [];
  let queue: MatchedRow[] = [];
  stretches.forEach((stretch, index) => {
    queue.push(...matched[index]!.filter((row) => !(row.spec.virtual && printsSubRows)));
    let cells = 0;
    let taken = 0;
    while (taken < queue.length && cells < stretch.numbers.length) cells += queue[taken++]!.spec.fieldIds.length;
    if (cells === stretch.numbers.length && taken > 0) {
      blocks.push({ rows: queue.slice(0, taken), numbers: stretch.numbers });
      queue = queue.slice(taken);
      return;
    }
    if (queue.length > 0) {
      notes.push(`${stretch.numbers.length} numbers after the labels of ${queue.map((row) => row.spec.key).join(', ')} do not fill their cells exactly`);
      unmatchedRows.push(...queue.map((row) => row.spec.key));
    }
    queue = [];
  });
  unmatchedRows.push(...queue.map((row) => row.spec.key));
  return { blocks, notes, unmatchedRows };
}

function isOtherSubRow(key: string): boolean {
  return key === 'otherOverdueAmendment' || key === 'otherOverdueFee' || key === 'otherHandling';
}

/** Rows whose strong label patterns occur in the label text: earliest and longest matches first, no overlaps. */
function matchRows(label: string, specs: readonly GridRowSpec[]): MatchedRow[] {
  const found: { spec: GridRowSpec; order: number; start: number; end: number; score: number }[] = [];
  specs.forEach((spec, order) => {
    for (const pattern of spec.patterns) {
      if (!pattern.strong) continue;
      for (let at = label.indexOf(pattern.text); at >= 0; at = label.indexOf(pattern.text, at + 1)) {
        found.push({ spec, order, start: at, end: at + pattern.text.length, score: pattern.score });
      }
    }
  });
  found.sort((left, right) => left.start - right.start || right.end - left.end);
  const taken: typeof found = [];
  const rowsTaken = new Set<string>();
  for (const match of found) {
    if (rowsTaken.has(match.spec.key)) continue;
    if (taken.some((other) => match.start < other.end && other.start < match.end)) continue;
    taken.push(match);
    rowsTaken.add(match.spec.key);
  }
  return taken.sort((left, right) => left.order - right.order).map((match) => ({ spec: match.spec, labelScore: match.score }));
}
