import type { CellReading } from '../ParseResult.ts';

/** What the row-based reader got from one section. */
export interface SectionOutcome {
  readonly cells: Map<string, CellReading>;
  /** Fields whose row was found but whose cells could not be placed or read (left to review or the LLM). */
  readonly unreadable: Set<string>;
  readonly notes: string[];
  /** Rows matched to the template and read. */
  matchedRows: number;
  /** The label words of rows printing values under no label of the form: values some row of the section may lack. */
  readonly unlabelledValueRows: string[];
  /** Spans (normalised text) of the drawn rows' lines whose label wrapped with no rule between them (GridRow.wrappedLabel). */
  readonly wrappedLabelLines?: readonly { readonly start: number; readonly end: number }[];
}

/** An empty outcome. */
export function emptyOutcome(): SectionOutcome {
  return { cells: new Map(), unreadable: new Set(), notes: [], matchedRows: 0, unlabelledValueRows: [] };
}

/** Adds a reading; a second, different reading of the same field makes it ambiguous. */
export function recordReading(outcome: SectionOutcome, reading: CellReading): void {
  const existing = outcome.cells.get(reading.fieldId);
  if (!existing) {
    outcome.cells.set(reading.fieldId, reading);
    return;
  }
  if (existing.value === reading.value) {
    outcome.cells.set(reading.fieldId, { ...existing, notes: [...new Set([...existing.notes, 'the same value is printed again further on'])] });
    return;
  }
  outcome.cells.set(reading.fieldId, {
    ...existing,
    ambiguous: true, unitInDoubt: false,
    notes: [...existing.notes, `another row read as the same field prints "${reading.raw}" (at ${reading.start})`],
  });
}
