/**
 * The numbers that turn signals into confidence, in one place. Calibrated on the seeds and the garbled
 * variants (`npm run eval`) so that no `auto` field is wrong there; change them only with the evaluation
 * at hand.
 */
export const confidencePolicy = {
  /** A field is `auto` at or above this confidence (and only when nothing blocks it). */
  autoThreshold: 0.9,
  /** Starting confidence by how the table was laid out where the cell was read. */
  layout: {
    /** Tab-, pipe- or whitespace-separated rows, HTML table rows: one row, its cells in order. */
    rows: 0.95,
    /**
     * Whitespace rows (pdftotext -layout) whose cells were placed under the header columns by where they stand
     * on the line, blanks being columns with no number: a little less sure than cells counted off in order, and
     * set so that a blank placed by position (0.93 − blankPenalty) stays just below auto: an empty column is
     * weaker evidence than a printed number.
     */
    alignedRows: 0.93,
    /** Cells one per line in row order (crawler CSV, PDF text of a simple table). */
    cellPerLine: 0.92,
    /** A table flattened into running text, each value between its label and the next row's ordinal. */
    flattened: 0.92,
    /** Digits run together, split by solving the table against its rules with one solution. */
    gluedDigits: 0.86,
    /** Cells one per line in column order (PDF extraction), matched back to rows by position. */
    columnOrder: 0.84,
    /** A layout this policy does not know. */
    other: 0.8,
  },
  /** Starting confidence by method when the cell was not read from a table. */
  method: { text: 0.7, llm: 0.8, inferred: 0.5 },
  /** A blank cell is read from an empty span: less to see than a printed number. */
  blankPenalty: 0.04,
  /** Each OCR letter-for-digit repair (O→0, l→1), at most `maxRepairPenalties` counted. */
  ocrRepairPenalty: 0.015,
  /** Any other repair (unit conversion, stray characters dropped). */
  otherRepairPenalty: 0.01,
  maxRepairPenalties: 3,
  /** Confidence kept from an imperfect label match: factor = floor + (1 - floor) × labelScore. */
  labelFloor: 0.55,
  /** Label scores at or above this count as exact. */
  exactLabel: 0.99,
  /** More than one reading of the table satisfies every rule and this cell differs between them. */
  ambiguousCap: 0.35,
  /** A blank cell whose row holds a number-like piece no cell read (an unrepaired "I" for 1, say). */
  doubtfulBlankCap: 0.3,
  /** Digits are printed but no value was read from them (an unsolved glued run, say). */
  unreadValueCap: 0.3,
  /** A cell placed by position in a section the parser could not resolve. */
  unresolvedPositionalCap: 0.8,
  /** A hard rule fails on this field. */
  failedRuleCap: 0.25,
  /** A blank the rules propose as 0 (waits for a reviewer to confirm). */
  proposedZeroCap: 0.5,
  /**
   * Share of the remaining doubt left after a hard rule confirms the field: 1 - (1 - c) × factor.
   * Non-trivial: some value in the rule is not 0. Trivial: 0 = 0 + 0 (a misread zero passes too).
   */
  confirmedNonTrivially: 0.25,
  confirmedTrivially: 0.6,
  /** Confirmation by a rule that holds only once blanks are proposed as 0. */
  heldWithProposals: 0.8,
  /** Digits split by solving against the rules: the rules cannot confirm what they chose. */
  gluedConfirmationFloor: 0.6,
  /** Each failed soft rule (warning), at most two counted. */
  softRulePenalty: 0.08,
  /** The narrative states the same number. */
  narrativeAgreement: 0.6,
  /** The narrative states another number. */
  narrativeDisagreementPenalty: 0.2,
} as const;

/** How a parser's layout name is scored. */
export type LayoutClass = keyof typeof confidencePolicy.layout;

/**
 * Classifies the free-form layout name a parser gives a cell (tab-row, pipe-row, html, flattened,
 * glued-digits, column-order, …).
 */
export function classifyLayout(layout: string): LayoutClass {
  const name = layout.toLowerCase();
  if (/glue|digit-run|solve|split/u.test(name)) return 'gluedDigits';
  if (/aligned/u.test(name)) return 'alignedRows';
  if (/column/u.test(name)) return 'columnOrder';
  if (/flat|running|inline/u.test(name)) return 'flattened';
  if (/per-line|cell-line|one-per-line|lines?$/u.test(name)) return 'cellPerLine';
  if (/tab|pipe|html|row|space|grid|csv|markdown/u.test(name)) return 'rows';
  return 'other';
}

/**
 * Issue sentences (as assessFields writes them) that keep a field in `review` whatever its confidence: a failed
 * or unholdable hard rule, an ambiguous reading, a blank proposed as 0, a field not found, digits read without a
 * value, a blank next to an unread value. Later stages (the LLM merge, the review service) test issues with it.
 */
export const blockingIssuePattern = /^(?:rule:|ambiguous|proposed 0|not found|no value read|read as blank, but)/u;
