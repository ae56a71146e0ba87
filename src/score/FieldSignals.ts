import type { CellReading, CellSupport } from '../parse/ParseResult.ts';
import { classifyLayout, confidencePolicy, type LayoutClass } from './confidencePolicy.ts';
import { pagedReadingOrder } from './pagedReadingOrder.ts';
import { runTogether } from './runTogether.ts';
import type { SignalInput } from './SignalInput.ts';

/**
 * What keeps a field in review whatever its bucket measured: not found, digits printed but no value read, a blank
 * next to an unread number-like piece, an ambiguous reading, a failed hard rule, a blank only proposed as 0, a
 * narrative that states another number, a cell counted off in an unresolved section of PDF reading-order text with no
 * rule or only 0 = 0 + 0 to check it, a cell of PDF reading-order text placed one per line by its order alone with no
 * rule to check it, a cell of PDF reading-order text placed by order alone that could trade places with another of its
 * section with every rule still holding, a value counted or split off a run that is itself a page number missing
 * where it stands, and the other cells counted off with it where the row also holds digits run together; a blank
 * proven 0 on a cell of its row held for review, and a blank of a document whose tables read no number at all. (A
 * cell placed by position in a section the parser could not resolve is not blocked: that is a signal,
 * FieldSignals.sectionUnresolved, measured per layout.)
 */
export type Blocker =
  | 'not-found'
  | 'value-not-read'
  | 'impossible-value'
  | 'doubtful-blank'
  | 'ambiguous'
  | 'rule-failed'
  | 'proposed-zero'
  | 'narrative-disagrees'
  | 'reading-order'
  | 'page-number'
  | 'proof-in-doubt'
  | 'nothing-read';

/** How the value was tied to its cell: CellSupport.placement, or `other` for a layout no parser names. */
export type Placement = CellSupport['placement'] | 'other';

/** What the hard rules say of the field, strongest first. */
export type RuleSupport = 'confirmed' | 'confirmed-trivially' | 'held-with-proposals' | 'none';

/**
 * Every signal recorded for one field: how it was read and what confirms it. The calibration measures the error
 * rate per combination (bucketKey); scoring reads confidence from that measurement.
 */
export interface FieldSignals {
  readonly method: CellReading['method'] | 'missing';
  readonly layoutClass: LayoutClass | 'missing';
  readonly placement: Placement;
  /** Distinct readings of the cell's section the parser found (1 when the parser does not say). */
  readonly readings: number;
  /** The row label was found in the text (true when the parser does not say). */
  readonly anchored: boolean;
  readonly rules: RuleSupport;
  /** Soft rules (warnings) that fail on the field. */
  readonly softRulesFailed: number;
  readonly exactLabel: boolean;
  /** Repairs made to read the cell (OCR letters, units, stray characters). */
  readonly repairs: number;
  /**
   * A printed number, a printed blank, a blank proven 0 by a printed total, one proven 0 only on premises read
   * with a doubt (FieldRuleFindings.provenZeroDoubtful), or a blank of a row that prints no value (CellSupport.emptyRow)
   * proven 0 that way, or a cell of a row placed jointly that is a printed 0 or a blank (CellSupport.zeroOrBlank).
   */
  readonly value: 'printed' | 'blank' | 'proven-zero' | 'proven-zero-doubtful' | 'proven-zero-empty-row' | 'proven-zero-unnamed' | 'zero-or-blank';
  readonly narrative: 'agrees' | 'disagrees' | 'none';
  /**
   * The cell was placed by position (aligned columns, column order, digits split), or counted off in a PDF's paged
   * reading order, in a section the parser could not resolve (a field of it unread or ambiguous): its place stands
   * or falls with the section's reading.
   */
  readonly sectionUnresolved: boolean;
  /**
   * Counted one cell per line or in wrapped rows of a PDF's paged reading order (SignalInput.readingOrderText): real
   * programs draw a row's cells out of order there, which simulated text never does, so it is measured apart.
   */
  readonly pagedReadingOrder?: boolean;
  /** The cell's row had its blanks read from gaps (CellSupport.gapBlanks). */
  readonly gapBlanks?: boolean;
  /** The cell was taken back from where a PDF drew it apart (CellSupport.displaced). */
  readonly displaced?: boolean;
  /** The cell's row fits only with a page marker read back as cells (CellSupport.markerRead). */
  readonly markerRead?: boolean;
  /** The cell was placed by the best-fitting reading of a block no reading fits whole (CellSupport.bestFit). */
  readonly bestFit?: boolean;
  /** The cell was placed in a column-order block whose blank columns printed nothing (CellSupport.blankColumns). */
  readonly blankColumns?: boolean;
  /** The cell was placed in a column-order block with many blank cells left out (CellSupport.columnBlanks). */
  readonly columnBlanks?: boolean;
  /** The cell was placed among values printed after a list table, its blank rows chosen by the rules (CellSupport.blankRowsPlaced). */
  readonly blankRowsPlaced?: boolean;
  /** The cell was laid among the values printed after a block of small tables' labels (CellSupport.tableBlocks). */
  readonly tableBlocks?: boolean;
  /** A value chosen by the rules that is itself a hidden page number where it stands (SignalInput.pageNumberItself). */
  readonly pageNumberChosen?: boolean;
  /**
   * A hard rule the field is in fails, and one other cell explains every failure (SignalInput.failedElsewhere): the
   * field is confirmed by a rule that holds, and measured apart from fields whose rules all hold.
   */
  readonly failedElsewhere?: boolean;
  /**
   * A hard rule the field is in fails only for blanks on its short side (a row's total left blank beside its printed
   * parts: SignalInput.failedOnBlanks): measured apart.
   */
  readonly failedOnBlanks?: boolean;
  /**
   * The row's values are its share of a run cut again with the rows beside it (CellSupport.shareOfRun), and no rule
   * that reaches a cell read otherwise confirms it.
   */
  readonly shareOfRun?: boolean;
  /** A number joined from the lines a narrow cell wrapped it over (SignalInput.stackedDigits): measured apart. */
  readonly stackedDigits?: boolean;
  /** Counted off before rows not anchored (CellSupport.beforeSkipped): measured apart. */
  readonly beforeSkipped?: boolean;
  /** Read past a page number printed bare among glued cells (CellSupport.pageDigitsCut): measured apart. */
  readonly pageDigitsCut?: boolean;
  /** A row's value taken from the start of the next line, where a wrap moved it (CellSupport.wrapMoved): measured apart. */
  readonly wrapMoved?: boolean;
  /**
   * A value whose digits run together ("03") where a page number is missing, confirmed by a rule: the page's digit
   * may be what makes the rule hold (a report's own inconsistency by that much). Measured apart.
   */
  readonly pageInRunTogether?: boolean;
  /** (paged reading order) Placed jointly in a row that printed at most a third of its cells (CellSupport.fewPrinted). */
  readonly fewPrinted?: boolean;
  /** Split from a glued run whose split rests on more than its digits' order (CellSupport.splitInDoubt): measured apart. */
  readonly splitInDoubt?: boolean;
  /**
   * No rule confirms the field, and one of its hard rules went unchecked because a cell of it is a piece of a number
   * split over lines (SignalInput.besideSplitPiece): measured apart, since that rule might have failed on it.
   */
  readonly besideSplitPiece?: boolean;
  /**
   * A cell of the row, counted or split off as this one was, is itself the page number missing where it stands
   * (SignalInput.besidePageNumber): the row's count may hold a page number for a blank the layout dropped, every cell
   * after it shifted with the row's sum still holding ("0 0 0 3 0 0 03.补正后…": page 3 counted in, the next row's
   * ordinal 3 read as the total, seed 4550 variant 293). Measured apart.
   */
  readonly besidePageNumber?: boolean;
  /** Split one digit per cell from a run that is also a number of its own (CellReading.digitPerCell), no rule to check it. */
  readonly digitPerCell?: boolean;
  readonly blockers: readonly Blocker[];
}

/** Reads the signals of one field. */
/** A type with its fields writable: signals built flag by flag. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function readFieldSignals(input: SignalInput): FieldSignals {
  const { cell, rules, narrative } = input;
  if (!cell) {
    return {
      method: 'missing', layoutClass: 'missing', placement: 'other', readings: 0, anchored: false, rules: 'none',
      softRulesFailed: 0, exactLabel: false, repairs: 0, value: 'blank', narrative: 'none', sectionUnresolved: false,
      blockers: ['not-found'],
    };
  }
  const layoutClass = classifyLayout(cell.layout);
  const placement = placementOf(cell);
  const blockers: Blocker[] = [];
  if (cell.value === null && /[0-9０-９]/u.test(cell.raw)) blockers.push('value-not-read');
  if (input.impossible === true) blockers.push('impossible-value');
  if (input.unreadInRow !== undefined) blockers.push('doubtful-blank');
  // A blank of a document whose tables read no number at all: a reading that placed nothing is no evidence that a
  // cell is empty (seed 7919, variant 29156: a table printed column by column read one label a line, all 41 of its
  // values, every cell of the form, committed blank).
  if (input.nothingRead === true && cell.value === null) blockers.push('nothing-read');
  // A blank of a row that prints no value is held in doubt only until a printed total proves it 0.
  // So is a cell a row written as a sentence leaves out (CellSupport.unnamed), measured apart.
  const unnamedProven = cell.support?.unnamed === true && rules?.provenZeroBy != null;
  const emptyRowProven = (cell.support?.emptyRow === true || unnamedProven) && rules?.provenZeroBy != null;
  if (cell.ambiguous && !emptyRowProven) blockers.push('ambiguous');
  // One printed cell read into two rows: at most one of them is right, and nothing here tells which.
  else if (input.sharedWithAnotherRow === true) blockers.push('ambiguous');
  const failedElsewhere = input.failedElsewhere === true && rules !== undefined && rules.failedHard.length > 0;
  const failedOnBlanks = !failedElsewhere && input.failedOnBlanks === true && rules !== undefined && rules.failedHard.length > 0;
  if (rules && rules.failedHard.length > 0 && !failedElsewhere && !failedOnBlanks) blockers.push('rule-failed');
  if (rules?.proposedZeroBy) blockers.push('proposed-zero');
  // A proof resting on a cell of the blank's own row that is itself held for review proves nothing (rules.md asks for
  // printed parts read with certainty): measured apart, it came to 2 wrong in 6,192 fields, one a found wrong auto.
  if (input.proofInDoubt === true) blockers.push('proof-in-doubt');
  // Cells placed by position (column order, glued digits) stand or fall with the whole section's reading. How often
  // they fall differs by layout (a column-order reading of an unresolved section errs often, digits split in one-line
  // text with their row's rules holding do not): a signal measured per layout class, not a blocker for all.
  // So do cells counted off between anchors in a PDF's paged reading order: there a section left unresolved is one
  // whose cells the program drew elsewhere, and a row counted among them may be short of a value drawn away.
  const sectionUnresolved = input.sectionUnresolved === true
    && (placement === 'position' || placement === 'split' || layoutClass === 'columnOrder'
      || (placement === 'count' && input.readingOrderText === true));
  const disagrees = narrative.some((finding) => !finding.agrees);
  if (disagrees) blockers.push('narrative-disagrees');
  let ruleSupport: RuleSupport = 'none';
  if (rules && rules.confirmedBy.length > 0) ruleSupport = rules.confirmedNonTrivially ? 'confirmed' : 'confirmed-trivially';
  else if (rules && rules.heldWithProposals.length > 0) ruleSupport = 'held-with-proposals';
  // Counted off in a section of PDF reading-order text the parser could not resolve, with no rule to check it or only
  // 0 = 0 + 0: fresh sets of real prints err there again and again (a row's blanks dropped and the next row's zeros
  // counted into it, a rule-less amount taken from another row), in clusters its bucket's measure does not see
  // (7 wrong in three fresh sets of 150 after the calibration had measured 6 in 15,036). Also cells printed one per line
  // that only 0 = 0 + 0 confirms: released once and measured, 3 wrong in 7,436 of the printed calibration set (a
  // printed 0 shifted into a cell the report left blank) though none in 5,253 of four later fresh sets; kept blocked.
  // (Not in a section exported cell by cell, every row of several printed cells on adjacent lines: no PDF's blocks.)
  if (sectionUnresolved && placement === 'count' && input.readingOrderText === true && input.sectionOnAdjacentLines !== true
    && (ruleSupport === 'none' || ruleSupport === 'confirmed-trivially')) blockers.push('reading-order');
  // Printed by the same programs as the calibration's PDF prints, reading-order text scrambles rule-less rows in ways
  // those prints did not show ("2648 430 0" for 2648 | 0 | 430; a row's blank taken for the page break's longer run
  // of empty lines at its end, "0 / 5" read 0 | 5 | blank for 0 | blank | 5): their order alone is not evidence enough.
  // (A row of one cell has no order to scramble: in 65 real prints of the list form none of 1,455 such cells was
  // wrong; measured like any other instead. But a PDF may draw a row's value after the next row's label, leaving its
  // own row blank: 3 wrong in 150 fresh prints, each beside a blank. Only a printed value between printed rows.)
  // So do rows of several cells read as running text there (cells a line apart between blank lines): a table whose first column the
  // program drew before the others ("规章 22 行政规范性文件 34 本年废止件数 现行有效件数 235 55 … 189" for 22 | _ | 235
  // and 34 | 55 | 189) reads as rows of counted values, 34 | 235 | 55, with no rule to tell (2 wrong in 497 such cells
  // of a fresh set of 120 prints, seed 52525, in a bucket the calibration measured clean).
  // (A row printed one cell per line with single line breaks between its cells is no PDF's blocks: a text exported
  // cell by cell, its cells in the row's order. Every fresh print's row stands an empty line apart, cell from cell.)
  else if (input.readingOrderText && ((layoutClass === 'cellPerLine' && input.rowOnAdjacentLines !== true && input.sectionOnAdjacentLines !== true)
    || (layoutClass === 'flattened' && placement === 'count' && input.multiCellRow === true))
    && ruleSupport === 'none' && input.oneCellRowAmongPrinted !== true) blockers.push('reading-order');
  // There a program draws cells as blocks of their own and orders the blocks by its own analysis, not always left to
  // right ("38 120 35 46 239" printed 38 | 46 | 120 | 35 | 239, one section in about 340 fresh prints), and a sum
  // holds whatever the order of its parts: a cell placed by order alone that a swap would leave every rule holding
  // is not confirmed by them. The calibration's simulated reading order never swaps cells, so no measure can hold it.
  else if (input.readingOrderText && input.swappable === true && ruleSupport !== 'none') blockers.push('reading-order');
  // A column's name followed by a number reads as a sentence naming the cell's value ("结果维持0件，…"); in a PDF's reading
  // order a name with the number opening the next line is only the order a program drew a header and some cell in: a
  // section cut by the next heading drawn into it ("结果维持 / 0 / 结果纠正 / 其他结果 / 0 / 五、存在的主要问题…") read 行政诉讼's
  // 结果维持 and 其他结果 as 0, printed 2 and 2 (a fresh print, seed 4909 document 64; 3 wrong of the 7 such cells in
  // about 1,300 prints). (A sentence's page breaks make reading-order text of it too: its values follow their names.)
  else if (input.readingOrderText && input.namedAboveValue === true) blockers.push('reading-order');
  // A row right after one whose label the next row's directly follows: a PDF may draw two rows' labels one after the
  // other and then the first row's values, which are then read as the second's ("1.本机关不掌握… / 2.没有现成信息… / 0 /
  // 3 / 0 / 0 / 0 / 0 / 3": a fresh print, seed 4913 document 295; the row sum holds in either row).
  else if (input.readingOrderText && input.afterEmptyRow === true && placement === 'count') blockers.push('reading-order');
  // A 0 counted among blanks printed as marks, confirmed only as 0 = 0 + 0: a PDF may draw a row's marks and its 0s in
  // another order ("/ … / 0 / / 0 / / 0" for 四's three groups of four blanks and a total 0 each: a fresh print, seed
  // 4913 document 160, committed 0 in two blank cells), and no sum tells a 0 from a blank.
  else if (input.readingOrderText && input.rowWithBlankMarks === true && placement === 'count' && cell.value === 0 && ruleSupport === 'confirmed-trivially') blockers.push('reading-order');
  // A value that is itself the page number missing where it stands, counted or split off a run: measured apart
  // (`…/page-number`), its buckets came to 88 wrong in 22,668 fields, one of them in the one bucket the measure let be
  // auto once 128,000 variants were counted (1 in 5,751) — the very case measuring them apart was to hold (seed 2424,
  // variant 220: "申请答复数 3 件" in a row printed blank, the page number 3 committed). Held for a person instead.
  if ((input.pageNumberItself === true || input.countOnTwoGuesses === true) && placement !== 'cell') blockers.push('page-number');
  // A row holding a line of a bare numbering chance could make as well: a page number may be counted in, or stand in a
  // blank cell's place ("六、举报投诉数量 / 件 / (blank) / 13": page 13 committed). Only a rule tells the two apart, and
  // not one that holds as 0 = 0 + 0 or proves a blank 0 from such zeros: a counted page number shifts a row's zeros
  // into its blank cells as well (四 printed _ _ _ _ _ 0 … 0 then page 8, counted _ _ 0 0 0 | 0 … | 0 0 _ 8 _:
  // measureIndependentBreaks seed 263, bare-pages, three 0s and two proven 0s committed in 行政复议's blank cells).
  else if (input.besideChancePageLine === true && placement !== 'cell'
    && (ruleSupport === 'none' || ruleSupport === 'held-with-proposals' || ruleSupport === 'confirmed-trivially' || rules?.provenZeroBy != null)) blockers.push('page-number');
  // The optional flags are set one by one, not spread from object literals: this runs for every field of every report.
  const signals: Mutable<FieldSignals> = {
    method: cell.method,
    layoutClass,
    placement,
    readings: Math.max(cell.support?.readings ?? 1, runTogether(cell.raw) || (input.printed !== undefined && runTogether(input.printed))
      || (input.hiddenPageNumber === true && (ruleSupport === 'none' || ruleSupport === 'held-with-proposals')) ? 2 : 1),
    anchored: cell.support?.anchored ?? true,
    rules: ruleSupport,
    softRulesFailed: rules?.failedSoft.length ?? 0,
    exactLabel: cell.labelScore >= confidencePolicy.exactLabel,
    repairs: cell.repairs.length,
    value: unnamedProven ? 'proven-zero-unnamed' : emptyRowProven ? 'proven-zero-empty-row' : cell.support?.zeroOrBlank ? 'zero-or-blank' : rules?.provenZeroBy ? (rules.provenZeroDoubtful ? 'proven-zero-doubtful' : 'proven-zero') : cell.value === null ? 'blank' : 'printed',
    narrative: disagrees ? 'disagrees' : narrative.length > 0 ? 'agrees' : 'none',
    sectionUnresolved,
    blockers,
  };
  if (pagedReadingOrder(input, layoutClass, cell.value)) signals.pagedReadingOrder = true;
  // A cell a short row's joint placement took as 0 or blank has no evidence of its own; in a PDF's reading order the
  // row's missing values may stand anywhere in the section, and only a rule reaching a printed total vouches for it.
  // Without one and with a doubt on the reading (an inexact label, several readings), two fresh sets of 300 prints
  // (seeds 4909 and 4910) showed 6 wrong in some 700 (a 1 drawn among another row's values, the row of five zeros
  // committed 0 | 0; a 总计 row's 26 left out of it, committed 0); the printed calibration set had measured 0 in 392,
  // too few to tell. Held.
  if (signals.pagedReadingOrder === true && signals.value === 'zero-or-blank' && ruleSupport !== 'confirmed'
    && !readsClean(signals)) blockers.push('reading-order');
  // So is a row counted off one value a line in a section left unresolved there, its label matched inexactly: the
  // first row of a group, its label read with the group's heading drawn among it ("（四）无 1.本机 / 法提供 关不掌握 / …"),
  // where the program also draws the last values of the row before. Seven such numbers make a row of seven whose sum
  // holds by chance in a table of 0s and 1s (0 1 0 1 1 0 3 for 1 | 1 | _ | _ | _ | 1 | 3, the 0s the row before's:
  // a fresh print, seed 4912 document 266); so did 部分公开's values read for 1.属于国家秘密 (seed 4911, document 86).
  // 5 wrong in some 2,600 such cells of seven print sets, all in the latest.
  else if (input.readingOrderText === true && sectionUnresolved && placement === 'count' && layoutClass === 'cellPerLine' && !signals.exactLabel) blockers.push('reading-order');
  if (cell.support?.gapBlanks) signals.gapBlanks = true;
  if (cell.support?.displaced) signals.displaced = true;
  if (cell.support?.markerRead) signals.markerRead = true;
  if (cell.support?.bestFit) signals.bestFit = true;
  if (cell.support?.blankColumns) signals.blankColumns = true;
  if (cell.support?.columnBlanks) signals.columnBlanks = true;
  if (cell.support?.blankRowsPlaced) signals.blankRowsPlaced = true;
  if (cell.support?.tableBlocks) signals.tableBlocks = true;
  if (input.pageNumberItself === true && placement !== 'cell') signals.pageNumberChosen = true;
  if (failedElsewhere) signals.failedElsewhere = true;
  if (failedOnBlanks) signals.failedOnBlanks = true;
  // A share a rule reaching cells read otherwise confirms is pooled with its kind (measured: none of 4,000 such
  // cells wrong); one nothing else confirms is measured apart.
  if (cell.support?.shareOfRun && (ruleSupport === 'none' || ruleSupport === 'held-with-proposals')) signals.shareOfRun = true;
  if (input.stackedDigits === true) signals.stackedDigits = true;
  if (cell.support?.beforeSkipped) signals.beforeSkipped = true;
  if (cell.support?.pageDigitsCut) signals.pageDigitsCut = true;
  if (cell.support?.wrapMoved) signals.wrapMoved = true;
  if (cell.support?.fewPrinted === true && signals.pagedReadingOrder === true) signals.fewPrinted = true;
  // Seed 4613, variant 8: "网络申请数件034.信函…" (0, then page 3, then the next row's ordinal 4.) read 03, confirmed by a
  // row sum that was the report's own inconsistency by 3. A rule confirms no value a missing page number may be in
  // when its digits show two pieces run together.
  if (input.hiddenPageNumber === true && ruleSupport !== 'none' && ruleSupport !== 'held-with-proposals'
    && (runTogether(cell.raw) || (input.printed !== undefined && runTogether(input.printed)))) signals.pageInRunTogether = true;
  // A rule that confirms the split confirms what its digits alone do not (seeds 31415, 112358, 86420, 777: wrong
  // values in five variants of 5,000, all split with no rule to check them: "31315,443" read 315,443 for 15,443;
  // "o.5万元" read 5; "020" read 0 | 20, page 2 printed between two zeros; a row of a section whose column rules no
  // split held read 11 | 100 for 111 | 0).
  if (cell.support?.splitInDoubt === true && ruleSupport === 'none') signals.splitInDoubt = true;
  // Seed 8080, variant 769: a row total held as a piece of a split number left the row rule unchecked, which had
  // failed on the row's misread cells and held them; counted as cells of no rule they went out auto.
  if (input.besideSplitPiece === true && ruleSupport === 'none') signals.besideSplitPiece = true;
  if (input.besidePageNumber === true && placement !== 'cell' && input.pageNumberItself !== true) signals.besidePageNumber = true;
  // Seed 7919 (the calibration): "665" printed after 行政规范性文件 in one-line text, split 6 | 6 | 5 for 665 and two
  // blanks; every wrong field of `split/clean/none/printed` in 6,000 variants was such a split.
  if (cell.digitPerCell === true && ruleSupport === 'none') signals.digitPerCell = true;
  return signals;
}

/** A reading with nothing to doubt of itself: exact label, no repair, one reading, anchored, no failed soft rule (bucketKey's `clean`). */
export function readsClean(signals: Pick<FieldSignals, 'exactLabel' | 'repairs' | 'readings' | 'anchored' | 'softRulesFailed'>): boolean {
  return signals.exactLabel && signals.repairs === 0 && signals.readings <= 1 && signals.anchored && signals.softRulesFailed === 0;
}

/** How the cell's value was tied to its cell: as its parser recorded it, else as its layout does. */
export function placementOf(cell: CellReading): Placement {
  return cell.support?.placement ?? placementOfLayout(classifyLayout(cell.layout));
}

/** How a layout ties values to cells, for cells whose parser does not record CellSupport. */
function placementOfLayout(layoutClass: LayoutClass): Placement {
  switch (layoutClass) {
    case 'rows':
      return 'cell';
    case 'alignedRows':
    case 'columnOrder':
    case 'numberStream':
      return 'position';
    case 'cellPerLine':
    case 'flattened':
      return 'count';
    case 'gluedDigits':
    case 'extraValues':
      return 'split';
    case 'other':
      return 'other';
  }
}
