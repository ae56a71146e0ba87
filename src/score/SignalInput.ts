import type { CellReading } from '../parse/ParseResult.ts';
import type { NarrativeFinding } from '../validate/checkNarrative.ts';
import type { FieldRuleFindings } from '../validate/checkRules.ts';

/** Everything known about one field when its signals are read. */
export interface SignalInput {
  readonly cell: CellReading | undefined;
  readonly rules: FieldRuleFindings | undefined;
  readonly narrative: readonly NarrativeFinding[];
  /** For a blank cell: a number-like piece that stands unread in its row (see findDoubtfulBlanks). */
  readonly unreadInRow?: string | undefined;
  /** The parser could not read the section this field belongs to with certainty (SectionReading.resolved). */
  readonly sectionUnresolved?: boolean;
  /**
   * The text is a PDF's reading order (pages separated by form feeds, cells not laid out in columns: see
   * laidOutInCells): one cell per line there follows the order the PDF draws its text, which is not always the
   * printed order of a row's cells.
   */
  readonly readingOrderText?: boolean;
  /**
   * The field is the only cell of its table row (the list form's rows: label, unit, value) and prints a value, as do
   * the rows of one cell beside it: in reading-order text its place rests on no order of a row's cells, and a value
   * drawn into another row would leave a row of them blank.
   */
  readonly oneCellRowAmongPrinted?: boolean;
  /** The field's table row has other cells: in reading-order text their order may be scrambled. */
  readonly multiCellRow?: boolean;
  /**
   * The field's row is printed one cell per line with single line breaks between its cells (rowsOnAdjacentLines):
   * exported cell by cell in the row's order, not a PDF's blocks in the order the program drew them.
   */
  readonly rowOnAdjacentLines?: boolean;
  /**
   * The field's section is exported one cell per line (sectionsOnAdjacentLines): every row of it printing two cells
   * or more stands on adjacent lines, so its empty rows and rows of one value are the table's rows as printed.
   */
  readonly sectionOnAdjacentLines?: boolean;
  /**
   * A cell read as its column's name followed by its value (CellSupport.namedByColumn) whose value opens a line: no
   * sentence naming a value ("结果维持0件，…"), but perhaps a header and some cell drawn one after the other.
   */
  readonly namedAboveValue?: boolean;
  /**
   * The cell's row comes right after a row whose label the next row's directly follows (CellSupport.emptyRow): in a
   * PDF's reading order the values after this row's label may be that row's, its label drawn first.
   */
  readonly afterEmptyRow?: boolean;
  /** The cell's row holds a blank printed as a mark ("/", "-"): a cell read as a blank mark, value null. */
  readonly rowWithBlankMarks?: boolean;
  /**
   * The cell's characters as the document printed them (before normalisation folded full-width digits): "１９2" is
   * a full-width value with a page number run into it, which the folded raw "192" no longer shows.
   */
  readonly printed?: string;
  /**
   * A page number missing from the document's sequence of page markers may be run into the cell's digits
   * (mayHoldHiddenPageNumber): "1982" for 198 on page 2. Only a rule can tell, so it counts where none confirms.
   */
  readonly hiddenPageNumber?: boolean;
  /**
   * The cell's number is itself a page number missing from the sequence, where that one must stand
   * (isHiddenPageNumber). A value chosen among a row's numbers by its rules (placement split) may be it, the
   * rule holding by chance with the page number in the value's place: the rules that chose it cannot tell, so
   * such cells are measured apart (FieldSignals.pageNumberChosen).
   */
  readonly pageNumberItself?: boolean;
  /** The value cannot stand in the field at all (templates/valueBounds.impossibleValue). */
  readonly impossible?: boolean;
  /**
   * The field's failing hard rules are explained by one other cell, and a rule that holds confirms this one
   * (assessFields.clearedByOneSuspect): no `rule-failed` blocker, measured apart (FieldSignals.failedElsewhere).
   */
  readonly failedElsewhere?: boolean;
  /**
   * Every hard rule of the field that fails does so only for blanks on its short side, which a count would fill
   * (failuresExplainedByBlanks), and the field is not one of those blanks (a printed value, a blank proven 0, or a
   * blank part on the long side, kept null), read from a cell, counted or placed by position: no `rule-failed`
   * blocker, measured apart (FieldSignals.failedOnBlanks). The blanks that explain the failures stay in review.
   */
  readonly failedOnBlanks?: boolean;
  /**
   * The value was joined from digits a narrow cell wrapped over the lines around its row's line
   * (normalise/joinStackedDigits): its evidence spans those lines.
   */
  readonly stackedDigits?: boolean;
  /**
   * The cell could trade places with another of its section, both placed by their order alone, with every hard rule
   * still holding (findSwappableCells): in reading-order text nothing confirms which of the two values is its own.
   */
  readonly swappable?: boolean;
  /** A hard rule the field is in holds a cell read as a piece of a split number (CellReading.splitPiece). */
  readonly besideSplitPiece?: boolean;
  /**
   * Another cell of the field's row, placed as this one was (not from a cell of its own), holds a value that is itself
   * the page number missing where it stands (pageNumberItself).
   */
  readonly besidePageNumber?: boolean;
  /** The field's row, counted or placed, holds a value read from a bare numbering's line (rowsOnChanceLines). */
  readonly besideChancePageLine?: boolean;
  /** The cell the value was read from was read into another row's field as well (assessFields.cellsReadIntoTwoRows). */
  readonly sharedWithAnotherRow?: boolean;
  /**
   * The field's row, counted or split off a run, holds both a value that is itself the page number missing where it
   * stands and digits run together ("03"): its count rests on two guesses, which may hold its sum together between
   * them. Seed 4550, variant 293: "0 0 0 3 0 0 03.补正后…" (a blank the layout dropped, page 3 counted in, the next
   * row's ordinal 3 read into the total) held 3 = 3, and the cells beside the page number measured clean with it
   * (0 wrong in 38,701 in the calibration, which never drew the two together). Blocked.
   */
  readonly countOnTwoGuesses?: boolean;
  /**
   * A blank proven 0 by a rule whose printed cells include one of the blank's own row held for review (seed 4616,
   * variant 838: a row read a cell to the right, "2 … 2" under commercial and total, its blank natural-person cell
   * proven 0 by the row's own sum).
   */
  readonly proofInDoubt?: boolean;
  /** No cell of the document's form read a number (assessFields.nothingRead). */
  readonly nothingRead?: boolean;
}
