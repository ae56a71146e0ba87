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
  /**
   * Held ambiguous only for its unit (an amount printed with no unit, 元 or 万元): where it stands is as certain as any
   * other cell's, so it leaves its section's places resolved.
   */
  readonly unitInDoubt?: boolean;
  /**
   * The value printed here is only the row line's piece of a number split over lines (held ambiguous): a rule it is in
   * cannot be checked, which does not make the rule's other cells cells of no rule.
   */
  readonly splitPiece?: boolean;
  /**
   * A piece of a glued run split one digit per cell only because the run has as many digits as the row has cells
   * ("665" for three cells): where a digit other than 0 stands before another, the two are also one number and a
   * cell of the row blank, where the text drops blanks ("013": 0 | blank | 13), which the count does not tell.
   * Measured apart.
   */
  readonly digitPerCell?: boolean;
  /**
   * (value null) The likeliest reading where none is certain: the value the reviewer is offered to approve (the
   * plainest split of a glued run that several splits, or none, fit). Never a value of its own: no rule reads it,
   * no proof rests on it, and a field proposed so always waits for a person.
   */
  readonly proposal?: number;
  /**
   * The cell stands on a line of a drawn row whose label wrapped inside its cell with no rule between the row's lines
   * (GridRow.wrappedLabel): which line's cells these are, and so where a cell a hard wrap lost went, is not certain.
   * A sum whose cells all stand so (the row's own sum: it holds whichever cell the values moved to) proves no blank 0.
   */
  readonly onWrappedLabelLine?: boolean;
  /** Anything else the reviewer should know about how this cell was read. */
  readonly notes: readonly string[];
  /** How the reading was reached, for calibrated confidence (absent: derived from `layout`). */
  readonly support?: CellSupport;
}

/**
 * The signals of how a cell was placed, recorded by the parser so that confidence can be measured per signal
 * combination (the calibration table) instead of set by hand.
 */
export interface CellSupport {
  /** Distinct readings of the cell's section (or row) the parser found consistent with the layout and the rules; 1 = unique. */
  readonly readings: number;
  /** The cell's row label was found in the text (an anchor), not inferred from row order alone. */
  readonly anchored: boolean;
  /**
   * How the value was tied to its cell: `cell` by explicit cell boundaries (HTML, tab, pipe), `count` by counting
   * number tokens between row anchors, `position` by display column or line position, `split` by splitting a
   * glued digit run against the rules, `joint` by laying a row that prints fewer values than cells (its blanks
   * left no trace) into its cells against the section's rules (row, flow and outcome sums).
   */
  readonly placement: 'cell' | 'count' | 'position' | 'split' | 'joint';
  /**
   * (placement `joint`) The readings the section's rules leave put a printed 0 in this cell or nothing: value 0,
   * raw "", method inferred.
   */
  readonly zeroOrBlank?: boolean;
  /**
   * (placement `joint`) The row printed at most a third of its cells ("0 0 0 0 0" for the 15 cells of section 四): in a
   * PDF's reading order its other cells were as likely drawn elsewhere as left blank (the printed calibration set:
   * 53 wrong in 3,870 such cells, none in 3,653 of rows printing more). Measured apart.
   */
  readonly fewPrinted?: boolean;
  /**
   * The row printed fewer values than cells and its blanks were read from runs of spaces or blank lines, with no
   * cell boundaries (a row gap or a wrapped line reads the same way): measured apart.
   */
  readonly gapBlanks?: boolean;
  /**
   * Every cell of the row stood on a line of its own, each blank an empty line, exactly as many lines as cells and none
   * around a page break: a page number counted in would have left a line too many (rowsOnChanceLines).
   */
  readonly lineCells?: boolean;
  /**
   * The row's label is followed directly by the next row's label: the row prints no value at all. Its cells are
   * blanks in doubt (values wrapped elsewhere would look the same), held ambiguous; a column total that its printed
   * parts reach can still prove them 0 (see ProofEligibility.doubtful).
   */
  readonly emptyRow?: boolean;
  /**
   * (emptyRow) The one number printed between the row's label and the next row's, which no reading of the row
   * admits (a lone nonzero in a row whose total is the sum of its parts): taken for page furniture.
   */
  readonly strayNumber?: string;
  /**
   * The cell was drawn apart by a PDF's reading order and taken back: the last cell of the first row of a group
   * under a row-spanning label, from a run of such cells among header words; or a group of section 四 printed after
   * the sections that follow, under its own header. Measured apart.
   */
  readonly displaced?: boolean;
  /** Every cell of the row was named by its column's label, each value printed right after its name ("自然人705件，商业企业3件"). */
  readonly namedByColumn?: boolean;
  /**
   * (namedByColumn) A cell the row's sentence leaves out while naming its others ("自然人18件，总计18件"): a blank in doubt,
   * held ambiguous; a printed total its printed parts reach can still prove it 0 (measured apart).
   */
  readonly unnamed?: boolean;
  /**
   * The row fits its cells only with a "- 1 -" the tokeniser took for page furniture read back as a blank mark, a
   * value and a blank mark ("5 - 1 - - - 6"): measured apart.
   */
  readonly markerRead?: boolean;
  /**
   * Placed by the one reading of a column-order block that holds every row sum but one or two (printed totals that
   * do not add up), every other reading failing many more: measured apart.
   */
  readonly bestFit?: boolean;
  /**
   * Placed in a column-order block whose blank columns printed nothing, the printed columns chosen by the rules
   * (tokens/readColumnOrder): measured apart.
   */
  readonly blankColumns?: boolean;
  /**
   * Placed in a column-order block whose blank cells the PDF left out, many of them: each column's rows laid by its
   * own sums and the totals column's row sums (placeColumnBlanks). Measured apart: a reading of the whole grid.
   */
  readonly columnBlanks?: boolean;
  /**
   * Placed among a list form's values printed after the table with fewer values than rows, the blank rows chosen by
   * the rules (list/placeBlanksByRules): every reading that holds them gives this row the same value. Measured apart.
   */
  readonly blankRowsPlaced?: boolean;
  /** Placed among the values printed after a block of small tables' labels (section 二 in a PDF's text boxes). */
  readonly tableBlocks?: boolean;
  /**
   * The row's values were cut from a run shared with the rows beside it (tokens/pairedRowRuns), each row's share
   * chosen because it holds that row's own rules, and the last run reaches past rows not anchored, whose values may
   * stand in it: those rules do not confirm the share again (assessFields), measured apart.
   */
  readonly shareOfRun?: boolean;
  /**
   * Counted off after a row label that rows of the form not anchored follow (their labels lost to a scan, or not
   * printed): the values may be one of theirs, this row printed blank, which an exact count does not tell. Measured
   * apart.
   */
  readonly beforeSkipped?: boolean;
  /**
   * Read by the glued-table solver past a page number printed bare among the glued cells ("90000 209": page 2), which
   * the text as printed could not be read with: measured apart.
   */
  readonly pageDigitsCut?: boolean;
  /**
   * A row read blank whose value is the number a line wrap moved to the start of the next line, before the next row
   * ("… 条 / 29 2.政府网站…"), taken because the table's sum rules hold with it and not with the blank (list form).
   */
  readonly wrapMoved?: boolean;
  /**
   * Split from a glued run whose split rests on more than its digits' order (a thousands comma, a decimal point, an
   * OCR letter in or before it), or in a section whose column rules no split holds: measured apart.
   */
  readonly splitInDoubt?: boolean;
  /**
   * Read from a run a space sets apart from its label where the section's other runs run on from theirs (section 二
   * glued): something may have been put in before it, a page number run into the value. Held with splitInDoubt.
   */
  readonly setApart?: boolean;
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
  /**
   * Unresolved only by amounts whose unit is in doubt: every cell of the section read and placed for certain. Worth an
   * LLM's reading of the unit still; no reason to doubt where the section's other values stand.
   */
  readonly placesResolved?: boolean;
}

/** What the deterministic parser read from one document. */
export interface ParseResult {
  /** fieldId → reading; a field the parser did not find has no entry. */
  readonly cells: ReadonlyMap<string, CellReading>;
  readonly sections: readonly SectionReading[];
  /** Document-level observations (layout found, tables missing). */
  readonly notes: readonly string[];
  /**
   * Short numbers (one or two digits) printed where a row has room for one value beside another number ("政府网站公开政府
   * 信息数2条333"): page numbers run into the table, perhaps. Spans of the decoded text. A page number printed there
   * says the next pages' numbers may be run into values after it (score/assessFields, text/findHiddenPageNumbers).
   */
  readonly strayNumbers?: readonly { readonly start: number; readonly end: number }[];
}
