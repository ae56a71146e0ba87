/**
 * One cell as a parser read it, before rules and scoring. Offsets point into the ORIGINAL decoded text
 * (the parser maps them back through MappedText.toOriginal).
 */
export interface CellReading {
  readonly fieldId: string;
  /** The cell as printed in the decoded text: "", "/", "—", "O", "251000元", "+5". */
  readonly raw: string;
  /** The value in the field's unit, or null for a blank / "/" / "—" cell. */
  readonly value: number | null;
  /** Span in the original decoded text; a blank cell is an empty span where the cell stands. */
  readonly start: number;
  readonly end: number;
  readonly method: 'table' | 'text' | 'inferred' | 'llm';
  /** How the table was laid out where this cell was read: tab-row, pipe-row, html, flattened, glued-digits, column-order, … */
  readonly layout: string;
  /** 0..1: how well the printed row/column labels matched the template (1 = exact after normalisation). */
  readonly labelScore: number;
  /** Repairs made to read the cell ("OCR O→0", "元→万元"), as sentences for the reviewer. */
  readonly repairs: readonly string[];
  /** True when more than one reading of the table satisfies every rule and this cell differs between them. */
  readonly ambiguous: boolean;
  /** Anything else the reviewer should know about how this cell was read. */
  readonly notes: readonly string[];
}

/**
 * A section of the form (a table, or part of one) as found in the document. `resolved` is false when the
 * parser could not read its fields with certainty: those sections, and only those, are worth sending to an
 * LLM.
 */
export interface SectionReading {
  /** e.g. "gov-2019/三". */
  readonly id: string;
  readonly heading: string;
  /** Span in the original decoded text. */
  readonly start: number;
  readonly end: number;
  readonly fieldIds: readonly string[];
  readonly resolved: boolean;
}

/** What the deterministic parser read from one document. */
export interface ParseResult {
  /** fieldId → reading; a field the parser did not find has no entry. */
  readonly cells: ReadonlyMap<string, CellReading>;
  readonly sections: readonly SectionReading[];
  /** Document-level observations (layout found, tables missing). */
  readonly notes: readonly string[];
}
