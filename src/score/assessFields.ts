import type { CellReading, ParseResult } from '../parse/ParseResult.ts';
import { describeFindings } from '../record/describeFinding.ts';
import type { Evidence, FieldRecord } from '../record/ExtractionRecord.ts';
import type { FieldFinding } from '../record/FieldFinding.ts';
import type { FieldDefinition, RuleDefinition, TemplateDefinition } from '../templates/TemplateDefinition.ts';
import type { MappedText } from '../text/MappedText.ts';
import { impossibleValue, type ImpossibleValue } from '../templates/valueBounds.ts';
import { checkNarrative, type NarrativeFinding } from '../validate/checkNarrative.ts';
import { checkRules, type ProofEligibility, type RuleCheck } from '../validate/checkRules.ts';
import { committedCalibration, lookupIn, type CalibrationLookup } from './CalibrationTable.ts';
import { confidencePolicy } from './confidencePolicy.ts';
import { placementOf, readFieldSignals, type FieldSignals, type Placement } from './FieldSignals.ts';
import type { SignalInput } from './SignalInput.ts';
import { printedText, runTogetherCells } from './printedText.ts';
import { findDoubtfulBlanks } from './findDoubtfulBlanks.ts';
import { laidOutInCells } from './laidOutInCells.ts';
import { digitsExplainingFailures } from './digitsExplainingFailures.ts';
import { proofsInDoubt } from './proofsInDoubt.ts';
import { findPageNumbers, isHiddenPageNumber, isPageNumberAt, mayHoldHiddenPageNumber, type PageNumbers } from '../text/findHiddenPageNumbers.ts';
import { fieldsBesideSplitPieces } from './fieldsBesideSplitPieces.ts';
import { scoreField } from './scoreField.ts';
import { findSwappableCells } from './findSwappableCells.ts';
import { orderPlacedGroups } from './orderPlacedGroups.ts';
import { tableRowOf } from '../templates/tableRowOf.ts';
import { clearedByOneSuspect } from './clearedByOneSuspect.ts';
import { cellsReadIntoTwoRows } from './cellsReadIntoTwoRows.ts';
import { opensLine, rowsAfterEmptyRows, rowsOfBlankMarks } from './readingOrderRows.ts';
import { rowsOnChanceLines } from './rowsOnChanceLines.ts';
import { failuresExplainedByBlanks, notInDoubtForBlanks } from '../validate/failuresExplainedByBlanks.ts';
import { parserNoteFindings } from './parserNoteFindings.ts';
import { uniqueFindings } from './uniqueFindings.ts';
import { listTablesOnAdjacentLines, rowsOnAdjacentLines, sectionsOnAdjacentLines } from './rowsOnAdjacentLines.ts';
import { oneCellRowsAmongPrinted } from './oneCellRowsAmongPrinted.ts';
import { rulesSeenByField } from './rulesSeenByField.ts';

const committedLookup = lookupIn(committedCalibration);
/**
 * Placements whose cells a failure on blanks clears (never a split run or a joint placement: those were chosen by
 * the very sums that fail, and stand or fall with them).
 */
const CLEARED_ON_BLANKS_PLACEMENTS: ReadonlySet<Placement> = new Set<Placement>(['cell', 'count', 'position']);

/** What assessFields needs: the template, what was read, and the texts to quote evidence and narrative from. */
export interface AssessmentInput {
  readonly template: TemplateDefinition;
  readonly parse: ParseResult;
  /** The original decoded text (evidence offsets point here). */
  readonly decodedText: string;
  /** The normalised text the parser read (for narrative checks). */
  readonly normalised: MappedText;
  /** Measured error rates per bucket (defaults to the committed calibration.json). */
  readonly calibration?: CalibrationLookup;
}

/** The record's fields plus the rule and narrative results they were decided from. */
export interface Assessment {
  readonly fields: FieldRecord[];
  readonly rules: RuleCheck;
  readonly narrative: readonly NarrativeFinding[];
  /** Each field's signals and calibration bucket, by field id (what `npm run calibrate` measures). */
  readonly signals: ReadonlyMap<string, { readonly signals: FieldSignals; readonly bucket: string }>;
}

/**
 * Turns what the parser read into the record's fields: one per field id of the template, in template order,
 * with rules checked (hard failures → review with the rule written out; blanks proposed as 0 where only that
 * makes a sum hold), the narrative compared with the table, and confidence/status from real signals.
 */
export function assessFields(input: AssessmentInput): FieldRecord[] {
  return assessDocument(input).fields;
}

/** assessFields, also returning the rule check and narrative findings (for the evaluation and the LLM merge). */
export function assessDocument(input: AssessmentInput): Assessment {
  const { template, parse } = input;
  // The rules, their proofs and the narrative ask for the same cells' values many times over.
  const values = new Map<string, number | null | undefined>();
  const valueOf = (fieldId: string): number | null | undefined => {
    const known = values.get(fieldId);
    if (known !== undefined || values.has(fieldId)) return known;
    const value = ruleValue(parse.cells.get(fieldId));
    values.set(fieldId, value);
    return value;
  };
  const doubtfulBlanks = findDoubtfulBlanks(input.decodedText, parse.cells, { wrappedCells: laidOutInCells(input.decodedText) });
  // A section held unresolved only for an amount's unit has its places certain: its cells are not in doubt for that.
  const unresolved = new Set(parse.sections.filter((section) => !section.resolved && section.placesResolved !== true)
    .flatMap((section) => section.fieldIds));
  const rules = checkRules(template.rules, valueOf, proofEligibility(parse, doubtfulBlanks, unresolved));
  const narrative = checkNarrative({
    templateId: template.id,
    text: input.normalised,
    valueOf,
    tableSpans: parse.sections.map((section) => ({ start: section.start, end: section.end })),
  });
  const narrativeByField = new Map<string, NarrativeFinding[]>();
  for (const finding of narrative) {
    for (const fieldId of finding.fieldIds) {
      const list = narrativeByField.get(fieldId) ?? [];
      list.push(finding);
      narrativeByField.set(fieldId, list);
    }
  }
  const calibration = input.calibration ?? committedLookup;
  // Pages separated by form feeds: text a PDF-to-text tool wrote (pdftotext, pdfminer), whose reading order may
  // put a row's cells in another order than printed; unless the tool laid the cells out in columns (pdftotext
  // -layout) or the text shows its cells otherwise (tabs, pipes).
  const readingOrderText = input.decodedText.includes('\f') && !laidOutInCells(input.decodedText);
  const signals = new Map<string, { signals: FieldSignals; bucket: string }>();
  const rowOf = tableRowOf(template);
  const amongPrinted = oneCellRowsAmongPrinted(template, parse);
  const afterEmptyRows = readingOrderText ? rowsAfterEmptyRows(template, parse) : new Set<string>();
  const rowsWithBlankMarks = readingOrderText ? rowsOfBlankMarks(parse, rowOf) : new Set<string>();
  const onAdjacentLines = readingOrderText ? rowsOnAdjacentLines(template, parse, input.decodedText) : new Set<string>();
  const sectionOnAdjacentLines = readingOrderText
    ? new Set([...sectionsOnAdjacentLines(template, parse, input.decodedText), ...listTablesOnAdjacentLines(template, parse, input.decodedText)])
    : new Set<string>();
  const rowSizes = new Map<string, number>();
  for (const row of rowOf.values()) rowSizes.set(row, (rowSizes.get(row) ?? 0) + 1);
  // In reading-order text a row's cells placed by their order alone (one per line, or column by column) may have
  // been drawn out of order; those a swap would leave every rule holding are not confirmed by the rules.
  const swappable = readingOrderText ? findSwappableCells({ rules: template.rules, groups: orderPlacedGroups(parse, rowOf), valueOf }) : new Set<string>();
  const runTogetherFields = runTogetherCells(parse, input.decodedText);
  // Stray short numbers the parser found, and digits whose cutting from a value makes a failing sum hold: page numbers
  // run into the table, perhaps, and the pages beside them too.
  const pageNumbers = findPageNumbers(input.decodedText, [
    ...(parse.strayNumbers ?? []),
    ...digitsExplainingFailures(rules.failedHardRules, valueOf, parse.cells, input.decodedText),
  ]);
  const besideSplitPiece = fieldsBesideSplitPieces(template.rules, parse.cells.values());
  // Rows holding a value that is itself the page number missing where it stands, counted or split off a run; and of
  // those, the rows also holding digits run together ("03"): their count rests on two guesses.
  const pageNumberRows = new Set<string>();
  const pageNumberCells = new Set<string>();
  for (const [fieldId, cell] of parse.cells) {
    if (cell.value !== null && placementOf(cell) !== 'cell' && isPageNumberAt(input.decodedText, cell.start, cell.end, pageNumbers)) {
      if (isHiddenPageNumber(input.decodedText, cell.start, cell.end, pageNumbers.lines ?? [])) pageNumberCells.add(fieldId);
      const row = rowOf.get(fieldId);
      if (row !== undefined) pageNumberRows.add(row);
    }
  }
  const chanceLineRows = rowsOnChanceLines(parse, rowOf, pageNumbers.chance ?? []);
  const sharedAcrossRows = cellsReadIntoTwoRows(template, parse, rowOf);
  const pageNumberAndRunTogetherRows = new Set([...runTogetherFields].map((fieldId) => rowOf.get(fieldId)).filter((row) => row !== undefined && pageNumberRows.has(row)));
  const seenRules = rulesSeenByField(template.fields.map((field) => field.id), rules, parse, input.decodedText, { runTogether: runTogetherFields, pageNumberCells });
  const clearedCells = clearedByOneSuspect(rules, (fieldId, suspect) => {
    const findings = seenRules.get(fieldId);
    if (findings === undefined || findings.confirmedBy.length === 0) return false;
    // The suspect's own row stays for a person: its failing sum is the row's to settle, and a row counted off or split
    // from a run stands or falls whole ("2 0 0 0 0 0 0": a page number counted in shifts every cell, and only the first
    // breaks a column). Other rows' cells are cleared when read from a cell of their own or from a run of their own;
    // never one placed by position or jointly, which stands or falls with its whole section.
    const cell = parse.cells.get(fieldId);
    if (!cell || rowOf.get(fieldId) === rowOf.get(suspect)) return false;
    // A blank suspect is a value gone missing, and a row beside it may hold it: a total row whose label a break split
    // ("（ 七\t1139…" / "） 总 计") left blank, its values read as the row above's (seed 7 labels-split: 3.其他 read
    // 1139 | 48 | … | 1191, its own row sum holding); nothing tells the rows that failing sum reaches apart.
    if (parse.cells.get(suspect)?.value == null) return false;
    const placement = placementOf(cell);
    return placement === 'cell' || placement === 'count' || placement === 'split';
  });
  // A cell whose failing sums a blank on their short side explains (a row's parts printed, its total left blank: the
  // sum checks nothing until the total is known) is not in doubt for them: cleared, and measured apart (`…/failed-on-
  // blanks`, with its placement: a row counted off or placed by position may have lost the value that stands blank,
  // which the measure sees). So is a blank part beside the printed ones (printed blank, nothing unread beside it): it
  // is kept as printed, null, its sum proving nothing either way. The blanks that explain the failures stay in review.
  const acceptedBlank = (fieldId: string): boolean => {
    const cell = parse.cells.get(fieldId);
    return cell !== undefined && !cell.ambiguous && isPrintedBlank(cell) && !doubtfulBlanks.has(fieldId) && !unresolved.has(fieldId);
  };
  const explainedByBlanks = failuresExplainedByBlanks(rules.failedHardRules, valueOf, acceptedBlank);
  const clearedOnBlanks = (fieldId: string): boolean => {
    const cell = parse.cells.get(fieldId);
    const findings = seenRules.get(fieldId);
    return cell !== undefined && (cell.value !== null || findings?.provenZeroBy != null || acceptedBlank(fieldId)) && !cell.ambiguous
      && CLEARED_ON_BLANKS_PLACEMENTS.has(placementOf(cell)) && findings !== undefined
      && notInDoubtForBlanks(fieldId, findings.failedHard, explainedByBlanks);
  };
  // No cell of the form read a number: every blank of such a reading is a value it may have missed.
  const nothingRead = ![...parse.cells.values()].some((cell) => cell.value !== null);
  const inputs = new Map<string, { field: FieldDefinition; signalInput: SignalInput; impossible: ImpossibleValue | null }>();
  const context = { calibration, templateFields: template.fields, templateRules: template.rules };
  const fields = template.fields.map((field) => {
    const cell = parse.cells.get(field.id);
    const facts = cellFacts(field, cell, input.decodedText, pageNumbers);
    // One literal with every signal: spreading the document's signals into the cell's, 200 fields a report, took a
    // tenth of the whole extraction's time.
    const signalInput: SignalInput = {
      cell,
      rules: seenRules.get(field.id),
      printed: facts.printed,
      hiddenPageNumber: facts.hiddenPageNumber,
      pageNumberItself: facts.pageNumberItself,
      impossible: facts.impossible !== null,
      stackedDigits: facts.stackedDigits,
      failedElsewhere: clearedCells.has(field.id),
      failedOnBlanks: !clearedCells.has(field.id) && clearedOnBlanks(field.id),
      narrative: narrativeByField.get(field.id) ?? [],
      unreadInRow: doubtfulBlanks.get(field.id),
      sectionUnresolved: unresolved.has(field.id),
      readingOrderText,
      oneCellRowAmongPrinted: amongPrinted.has(field.id),
      multiCellRow: (rowSizes.get(rowOf.get(field.id) ?? '') ?? 0) >= 2,
      rowOnAdjacentLines: onAdjacentLines.has(field.id),
      sectionOnAdjacentLines: sectionOnAdjacentLines.has(field.id),
      namedAboveValue: cell?.support?.namedByColumn === true && opensLine(input.decodedText, cell.start),
      afterEmptyRow: afterEmptyRows.has(field.id),
      rowWithBlankMarks: rowsWithBlankMarks.has(rowOf.get(field.id) ?? field.id),
      swappable: swappable.has(field.id),
      besideSplitPiece: besideSplitPiece.has(field.id),
      besidePageNumber: pageNumberRows.has(rowOf.get(field.id) ?? ''),
      besideChancePageLine: chanceLineRows.has(rowOf.get(field.id) ?? ''),
      sharedWithAnotherRow: sharedAcrossRows.has(field.id),
      countOnTwoGuesses: pageNumberAndRunTogetherRows.has(rowOf.get(field.id) ?? ''),
      nothingRead,
    };
    inputs.set(field.id, { field, signalInput, impossible: facts.impossible });
    const assessed = assessField(field, signalInput, facts.impossible, context, input.decodedText);
    signals.set(field.id, { signals: assessed.signals, bucket: assessed.bucket });
    return assessed.record;
  });
  // A blank whose proof rests on a cell of its row held for review is not proven (assessed again with the flag, and
  // the held cell named for the reviewer).
  for (const [fieldId, { proof, heldField }] of proofsInDoubt(fields, (id) => inputs.get(id)?.signalInput.rules?.provenZeroBy, rowOf)) {
    const entry = inputs.get(fieldId)!;
    const rulesSeen = entry.signalInput.rules;
    // The proof's own finding gives way to the doubt (the value stays the 0 the rule gives, for a person to confirm).
    const withDoubt = rulesSeen && {
      ...rulesSeen,
      findings: [...rulesSeen.findings.filter((finding) => finding.kind !== 'proven-zero'), { kind: 'proof-in-doubt' as const, ruleId: proof.id, heldField }],
    };
    const assessed = assessField(entry.field, { ...entry.signalInput, rules: withDoubt, proofInDoubt: true }, entry.impossible, context, input.decodedText);
    signals.set(fieldId, { signals: assessed.signals, bucket: assessed.bucket });
    fields[fields.findIndex((record) => record.id === fieldId)] = assessed.record;
  }
  return { fields, rules, narrative, signals };
}

/**
 * Which cells may take part in proving a blank 0 (rules.md): printed cells read cleanly (one reading, the exact
 * label, no repair, in a section the parser resolved), and blanks that are really blanks (nothing printed, no
 * unread number-like piece in their row, in a resolved section). A blank that is really an unread value (a 0 a
 * hard wrap moved, a cell the parser could not place) must not be proven 0 from a doubtful reading.
 */
function proofEligibility(
  parse: ParseResult,
  doubtfulBlanks: ReadonlyMap<string, string>,
  unresolved: ReadonlySet<string>,
): ProofEligibility {
  const clean = (cell: CellReading | undefined): cell is CellReading => cell !== undefined && !cell.ambiguous
    && cell.labelScore >= confidencePolicy.exactLabel && !unresolved.has(cell.fieldId);
  // A row whose label wrapped over lines a hard wrap broke again may have its values a cell to the left or right: its
  // own sum holds either way, so it proves nothing (the column sums, through other rows, still may).
  const ruleProves = (rule: RuleDefinition): boolean => ![...rule.left, ...rule.right]
    .every((fieldId) => parse.cells.get(fieldId)?.onWrappedLabelLine === true);
  return {
    ruleProves,
    printed: (fieldId) => {
      const cell = parse.cells.get(fieldId);
      return clean(cell) && cell.value !== null && cell.repairs.length === 0;
    },
    blank: (fieldId) => {
      const cell = parse.cells.get(fieldId);
      return clean(cell) && isPrintedBlank(cell) && !doubtfulBlanks.has(fieldId);
    },
    absentRows: {
      absent: (fieldId) => !parse.cells.has(fieldId),
      printed: (fieldId) => {
        const cell = parse.cells.get(fieldId);
        return cell !== undefined && !cell.ambiguous && cell.value !== null && cell.repairs.length === 0;
      },
      exactLabel: (fieldId) => (parse.cells.get(fieldId)?.labelScore ?? 0) >= confidencePolicy.exactLabel,
    },
    // Read unambiguously, whatever the label match, repairs or section state: a proof on these is measured apart.
    doubtful: {
      ruleProves,
      printed: (fieldId) => {
        const cell = parse.cells.get(fieldId);
        return cell !== undefined && !cell.ambiguous && cell.value !== null;
      },
      blank: (fieldId) => {
        const cell = parse.cells.get(fieldId);
        return cell !== undefined && (isPrintedBlank(cell) || isEmptyRowBlank(cell)) && !doubtfulBlanks.has(fieldId);
      },
    },
  };
}

interface FieldContext {
  readonly calibration: CalibrationLookup;
  readonly templateFields: readonly FieldDefinition[];
  readonly templateRules: readonly RuleDefinition[];
}

/** What a field's cell shows of itself, beyond what the parser told: read once, for its signals and its findings. */
interface CellFacts {
  readonly printed: string | undefined;
  readonly stackedDigits: boolean;
  readonly hiddenPageNumber: boolean;
  readonly pageNumberItself: boolean;
  /** Why the value cannot be (a count with a fraction, …), or null. */
  readonly impossible: ImpossibleValue | null;
}

function cellFacts(field: FieldDefinition, cell: CellReading | undefined, decodedText: string, pageNumbers: PageNumbers): CellFacts {
  const printed = cell ? printedText(cell, decodedText) : undefined;
  const valued = cell !== undefined && cell.value !== null;
  return {
    printed,
    stackedDigits: valued && cell.end > cell.start && printed === undefined,
    hiddenPageNumber: valued && mayHoldHiddenPageNumber(decodedText, cell.start, cell.end, pageNumbers.hidden),
    pageNumberItself: valued && isPageNumberAt(decodedText, cell.start, cell.end, pageNumbers),
    impossible: valued ? impossibleValue(field.id, field.unit, cell.value!) : null,
  };
}

interface AssessedField {
  readonly record: FieldRecord;
  readonly signals: FieldSignals;
  readonly bucket: string;
}

function assessField(field: FieldDefinition, input: SignalInput, impossible: ImpossibleValue | null, context: FieldContext, decodedText: string): AssessedField {
  const { cell, narrative, unreadInRow } = input;
  const findings = input.rules;
  const signals = readFieldSignals(input);
  const score = scoreField(signals, context.calibration);
  const found: FieldFinding[] = [];
  if (!cell) found.push({ kind: 'not-found' });
  else {
    found.push(...cell.repairs.map((text): FieldFinding => ({ kind: 'repair', text })));
    const parserFindings = parserNoteFindings(cell);
    found.push(...parserFindings.filter((finding) => finding.kind === 'note' || (finding.kind === 'ambiguous' && finding.explanation !== undefined)));
    if (cell.value === null && !cell.ambiguous && !isPrintedBlank(cell)) found.push({ kind: 'value-not-read', raw: cell.raw });
    if (impossible !== null && cell.value !== null) found.push({ kind: 'impossible-value', value: cell.value, problem: impossible });
    if (unreadInRow !== undefined) found.push({ kind: 'doubtful-blank', piece: unreadInRow });
    // Said where the signals decided it, not decided again.
    if (signals.blockers.includes('nothing-read')) found.push({ kind: 'nothing-read' });
    found.push(...parserFindings.filter((finding) => finding.kind === 'printed-inconsistency' || (finding.kind === 'ambiguous' && finding.explanation === undefined)));
  }
  if (cell?.value === null && cell.proposal !== undefined) found.push({ kind: 'likeliest-reading', value: cell.proposal });
  if (findings) found.push(...findings.findings);
  for (const finding of narrative) {
    if (!finding.agrees) found.push({ kind: 'narrative-disagrees', claimId: finding.claimId, quote: finding.quote, stated: finding.stated, tableValue: finding.tableValue });
  }
  const unique = uniqueFindings(found);
  // A blank proven 0 by a printed total (rules.md): value 0, method inferred, raw kept as printed.
  // A row the document does not print, proven 0 the same way: value 0, method inferred, kept in review by its finding.
  const proven = findings?.provenZeroBy != null || findings?.absentZeroBy != null;
  const record: FieldRecord = {
    id: field.id,
    // A cell read with no certain value offers the likeliest one to the reviewer (never auto: it is unread or ambiguous).
    value: proven ? 0 : cell?.value ?? cell?.proposal ?? null,
    raw: cell?.raw ?? '',
    unit: field.unit,
    method: proven ? 'inferred' : cell?.method ?? 'table',
    confidence: score.confidence,
    status: score.auto && cell?.proposal === undefined ? 'auto' : 'review',
    evidence: cell ? evidenceOf(cell, decodedText) : null,
    issues: describeFindings(unique, { language: 'en', rules: context.templateRules, fields: context.templateFields }),
    findings: unique,
  };
  return { record, signals, bucket: score.bucket };
}

/**
 * A cell's value as the rules see it: a number; null only for a cell printed blank; undefined for a cell not
 * read, or read without a value (an ambiguous glued run, digits no reading fits), which is never a blank.
 */
export function ruleValue(cell: CellReading | undefined): number | null | undefined {
  if (!cell) return undefined;
  if (cell.value !== null) return cell.value;
  return isPrintedBlank(cell) || isEmptyRowBlank(cell) ? null : undefined;
}

/**
 * A cell of a row that prints no value at all (CellSupport.emptyRow), or that a row written as a sentence leaves out
 * (CellSupport.unnamed): blank as printed, but held in doubt, so it counts as a blank in the rules and may only be
 * proven 0 on the doubtful premises.
 */
export function isEmptyRowBlank(cell: CellReading): boolean {
  return cell.value === null && (cell.support?.emptyRow === true || cell.support?.unnamed === true) && !/[0-9０-９]/u.test(cell.raw);
}

/** True when the cell holds no value because nothing (or only "/", "—") is printed there. */
export function isPrintedBlank(cell: CellReading): boolean {
  return cell.value === null && !cell.ambiguous && !/[0-9０-９]/u.test(cell.raw);
}

function evidenceOf(cell: CellReading, decodedText: string): Evidence {
  const start = Math.max(0, Math.min(cell.start, decodedText.length));
  const end = Math.max(start, Math.min(cell.end, decodedText.length));
  return { start, end, text: decodedText.slice(start, end) };
}
