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
    const taken = rowsCovered(queue, stretch.numbers.length);
    if (taken > 0) {
      blocks.push({ rows: queue.slice(0, taken), numbers: stretch.numbers });
      queue = queue.slice(taken);
      return;
    }
    // A label an OCR or a wrap mangled past every pattern leaves its row out of the queue, one row's cells short.
    // The form's rows between two rows found are printed between them: with them, the numbers may fit exactly.
    const completed = withRowsBetween(queue, specs, printsSubRows);
    const takenCompleted = completed.length > queue.length ? rowsCovered(completed, stretch.numbers.length) : 0;
    if (takenCompleted > 0) {
      notes.push(`rows ${completed.filter((row) => !queue.includes(row)).map((row) => row.spec.key).join(', ')} placed between the rows found around them: their labels were not found, the numbers fit only with them`);
      blocks.push({ rows: completed.slice(0, takenCompleted), numbers: stretch.numbers });
      const lastTaken = completed[takenCompleted - 1]!;
      queue = queue.filter((row) => specs.indexOf(row.spec) > specs.indexOf(lastTaken.spec));
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

/** How many rows from the queue's start the numbers cover exactly, cell for cell; 0 when they cover none exactly. */
function rowsCovered(queue: readonly MatchedRow[], numbers: number): number {
  let cells = 0;
  let taken = 0;
  while (taken < queue.length && cells < numbers) cells += queue[taken++]!.spec.fieldIds.length;
  return cells === numbers ? taken : 0;
}

/**
 * The queue with the form's rows that lie between two of its rows added, in form order (label score 0: placed by
 * the form alone). The virtual (六)其他处理 row stands in for its three sub-rows only where none of them is printed.
 */
function withRowsBetween(queue: readonly MatchedRow[], specs: readonly GridRowSpec[], printsSubRows: boolean): MatchedRow[] {
  if (queue.length < 2) return [...queue];
  const indexes = queue.map((row) => specs.indexOf(row.spec));
  if (indexes.some((index, position) => index < 0 || (position > 0 && index <= indexes[position - 1]!))) return [...queue];
  const virtualPrinted = queue.some((row) => row.spec.virtual);
  const completed: MatchedRow[] = [];
  for (let index = indexes[0]!; index <= indexes[indexes.length - 1]!; index++) {
    const found = queue.find((row) => row.spec === specs[index]);
    if (found) {
      completed.push(found);
      continue;
    }
    const spec = specs[index]!;
    if (spec.virtual ? printsSubRows || !virtualPrinted : virtualPrinted && isOtherSubRow(spec.key)) continue;
    completed.push({ spec, labelScore: 0 });
  }
  return completed;
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
