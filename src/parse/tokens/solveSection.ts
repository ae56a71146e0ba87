import { mayHaveSpacerAfterLabel } from './mayHaveSpacerAfterLabel.ts';
import { doubtRowsBesideGarbled } from './doubtRowsBesideGarbled.ts';
import { doubtedCell } from '../doubtedCell.ts';
import type { TableDefinition, TemplateDefinition } from '../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../text/MappedText.ts';
import { readValue } from './readValue.ts';
import type { CellReading, CellSupport } from '../ParseResult.ts';
import { chooseAnchors, lastRunEnd, type Anchor } from './chooseAnchors.ts';
import { splitNamedValues } from './splitNamedValues.ts';
import { readPlacedCell } from './readPlacedCell.ts';
import { placeRowValues, type RowReadings } from './placeRowValues.ts';
import { gluedShortRowReadings } from './shortRowReadings.ts';
import { strayNumber } from './strayNumber.ts';
import { valuesAfterTable } from './valuesAfterTable.ts';
import { readBackPageMarkers } from './readBackPageMarkers.ts';
import { jointRowOf, MAX_JOINT_READINGS, readJointCell, solveJointly, withoutOrdinalTail, zerosApart, type PlacedRow, type ShortRow } from './placeShortRows.ts';
import { readTokenCell } from './readTokenCell.ts';
import { sectionSkeleton, type SkeletonRow } from './sectionSkeleton.ts';
import { blankLineCellsOf, blankLineRow, withLineCells } from './blankLineRow.ts';
import type { Token, ValueToken } from './Token.ts';
import { proposalsFor, type RowToPropose } from './proposeUnplacedRow.ts';
import { lineCountsOf, readWithNumbersJoined, readWithWrappedCellBefore, valuesInBlocks } from './joinWrappedNumbers.ts';
import { alignFrames } from './alignFrames.ts';
import { withoutPageBreakCells } from './withoutPageBreakCells.ts';
import { otherTabReadings } from './wrapBrokenRuns.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';
import { pairedRowRuns } from './pairedRowRuns.ts';
import { displacedLastCells } from './displacedLastCells.ts';
import { readBlockCell, readBlockOrder } from './readColumnOrder.ts';
import { readTableBlocks } from './readTableBlocks.ts';
import { DisplayColumns } from '../grid/displayColumn.ts';
import { valuesStackedOverLines } from './valuesStackedOverLines.ts';
import { overSeveralLines, textAmongValues } from './countAstray.ts';
import { labelBeganBefore, skippedRowPrinted, surplusBesideRows, valuesOfAnotherRow } from './runOfAnotherRow.ts';
import { inferredRowsNote, inferSkippedAnchors } from './inferSkippedAnchors.ts';
import { TOKEN_LAYOUTS } from './tokenLayouts.ts';
import { layoutOf, rowsRunningOn } from './rowsRunningOn.ts';
import { tabsAloneBeside } from './tabsAloneBeside.ts';
import { numbersDropped } from './numbersDropped.ts';
import { placedValues } from './placedValues.ts';

/** Rows placed from their own runs that show a section is printed row after row (not in column order). */
const MIN_ROWS_READ_IN_ORDER = 3;

/** The values of an anchored row the solver could not place (fewer values than cells), in reading order. */
export interface UnplacedRow {
  readonly fieldIds: readonly string[];
  readonly values: readonly (number | null)[];
  /** The values as printed (a glued digit run another reader split stands for several cells). */
  readonly raws: readonly string[];
  /** False when the run was cut at prose (the last row of a region): more of the row's values may follow. */
  readonly complete: boolean;
}

/** What the token solver read in one section. */
export interface TokenSolution {
  readonly cells: ReadonlyMap<string, CellReading>;
  /** Rows anchored in row order whose values did not fit their cells: another reader's cells must keep their order. */
  readonly unplaced: readonly UnplacedRow[];
  /**
   * For unplaced rows of section 三, their values in the likeliest columns (proposeUnplacedRow): ambiguous cells with
   * a proposal, for the fields no reader reads.
   */
  readonly proposals?: ReadonlyMap<string, CellReading>;
  /**
   * Field ids of rows anchored right before the next row of the form, nothing printed between the labels, however few
   * rows were read in order: values a glued-digit reader gave such a row were printed after the next row's label.
   */
  readonly printedNothing: ReadonlySet<string>;
  /** Short numbers a row's one reading left out as too many for its cells (numbersDropped), in decoded text. */
  readonly droppedNumbers?: readonly { readonly start: number; readonly end: number }[];
  readonly notes: readonly string[];
}

/**
 * Reads one section of a grid form from any layout: the region is reduced to tokens, label anchors are
 * chosen against the section's skeleton (rows in printed order), and each anchored row's run of tokens is
 * placed into its cells by count, by cell boundaries, or by the row's rules. A cell every kept reading agrees
 * on is read (support.readings = how many readings); a cell the readings disagree on is ambiguous with value
 * null. Rows without an anchor, and rows whose run fits no reading, are not read.
 */
export function solveSection(
  view: MappedText,
  template: TemplateDefinition,
  tables: readonly TableDefinition[],
  region: { readonly start: number; readonly end: number },
  units: ReadonlyMap<string, string>,
  page: DisplayColumns = new DisplayColumns(view),
): TokenSolution {
  const pageMarkers: ValueToken[] = [];
  const skeleton = sectionSkeleton(template, tables);
  const printed = splitNamedValues(tokeniseRegion(view.text, region.start, region.end, pageMarkers), skeleton);
  const chosen = chooseAnchors(printed, skeleton, tables);
  const unitOf = (fieldId: string) => units.get(fieldId) ?? '';
  const cells = new Map<string, CellReading>();
  const block = chosen.length > 0 ? readBlockOrder(printed, chosen, skeleton, template.rules, unitOf, lastRunEnd(printed, tables)) : undefined;
  if (block) {
    const labelScore = Math.min(...chosen.map((anchor) => anchor.labelScore));
    for (const [fieldId, cell] of block.cells) {
      const reading = readBlockCell(view, cell, fieldId, unitOf(fieldId), labelScore, block, TOKEN_LAYOUTS.columnOrder);
      if (reading) cells.set(fieldId, reading);
    }
    const missing = block.missing > 0 ? ` (${block.missing} blank cell(s) left out, placed by the rules: ${block.readings} reading(s))` : '';
    doubtRowsBesideGarbled(printed, chosen, skeleton, cells, true);
    return { cells, unplaced: [], printedNothing: new Set(), notes: [`token solver: every row label printed before the values; ${block.cells.size - block.missing} values laid in ${block.order} order, every rule of the section holds${missing}`] };
  }
  // A section of small tables printed as blocks, their labels first and their values after (no rule among them).
  const tableBlocks = chosen.length > 0 ? readTableBlocks(printed, chosen, skeleton, unitOf, lastRunEnd(printed, tables)) : undefined;
  const blockCells = new Map<string, CellReading>();
  if (tableBlocks) {
    const labelScore = Math.min(...chosen.map((anchor) => anchor.labelScore));
    const asBlock = { cells: tableBlocks.cells, order: 'row' as const, missing: 0, readings: tableBlocks.readings, proposals: tableBlocks.proposals };
    for (const [fieldId, cell] of tableBlocks.cells) {
      const reading = readBlockCell(view, cell, fieldId, unitOf(fieldId), labelScore, asBlock, TOKEN_LAYOUTS.columnOrder);
      if (reading) blockCells.set(fieldId, { ...reading, support: { ...reading.support!, readings: tableBlocks.readings, tableBlocks: true } });
    }
    if (tableBlocks.scope === 'section') {
      return { cells: blockCells, unplaced: [], printedNothing: new Set(), notes: [`token solver: every table's labels printed before all their values, laid in row and in column order (${tableBlocks.readings} reading(s))`] };
    }
    // Each table's values after its own labels: a table of one row is any row, its values right after its label, read
    // below as such; the others' rows take the block's cells in the end.
  }
  // Rows whose label a scan lost, found by elimination where the run before proves the cut.
  const { tokens, anchors, shared: inferredShares, inferredRows } = inferSkippedAnchors(printed, chosen, skeleton, unitOf);
  const end = lastRunEnd(tokens, tables);
  const inBlocks = valuesInBlocks(tokens);
  // Value tokens the readings of rows placed so far took.
  const usedValues = new Set<Token>();
  const lineCount = lineCountsOf(tokens);
  const textEnd = view.text.trimEnd().length;
  let rowsRead = 0;
  const emptyRows: SkeletonRow[] = [];
  // Lone numbers taken for page furniture between the labels of rows that print nothing (see strayNumber), and short
  // numbers left out of a row's one reading (numbersDropped).
  const strayNumbers = new Map<SkeletonRow, string>();
  const droppedNumbers: { start: number; end: number }[] = [];
  const placedRows: (PlacedRow & { anchor: Anchor; layout: string })[] = [];
  const unplaced: UnplacedRow[] = [];
  // The printed values of each unplaced row, for the proposals offered to the reviewer.
  const toPropose = new Map<UnplacedRow, RowToPropose>();
  const printedNothing = new Set<string>();
  const shortRows: ShortRow[] = [];
  // Rows read from gaps placed jointly instead (see gapRow), with how their gaps read them.
  const gapRows = new Map<ShortRow, (typeof placedRows)[number]>();
  const runEndAt = (position: number): number => {
    const anchor = anchors[position]!;
    const next = anchors[position + 1];
    // A run that crosses into the next table (section 二's small tables) ends at that table's heading words:
    // numbers after them (a page number, say) are not this row's.
    const crossesTable = next !== undefined && skeleton[next.rowIndex]!.table !== skeleton[anchor.rowIndex]!.table;
    return next ? (crossesTable ? Math.min(next.tokenIndex, end(anchor.tokenIndex)) : next.tokenIndex) : end(anchor.tokenIndex);
  };
  const { runs: paired, reachingPast } = pairedRowRuns(tokens, anchors, skeleton, runEndAt, unitOf);
  // Last cells a PDF drew apart, taken back into their rows (unless the rows' runs were cut again as pairs).
  const displaced = displacedLastCells(tokens, anchors, skeleton, runEndAt, unitOf);
  if ([...displaced.keys()].some((position) => paired.has(position))) displaced.clear();
  for (const [position, run] of displaced) paired.set(position, run);
  // Blank cells printed as empty lines: a row of them all is read as blank cells, not as a row printing nothing.
  const blankLines = blankLineCellsOf(tokens, anchors.map((anchor) => anchor.tokenIndex));
  // Rows whose empty line after the label may be a spacer are placed jointly instead (as gapRow below).
  const surplusBeside = surplusBesideRows(tokens, anchors, skeleton, runEndAt);
  const spacerAfterLabel = mayHaveSpacerAfterLabel(anchors.map((anchor, position) => ({ run: tokens.slice(anchor.tokenIndex + 1, runEndAt(position)), cells: skeleton[anchor.rowIndex]!.fieldIds.length })));
  anchors.forEach((anchor, position) => {
    const row = skeleton[anchor.rowIndex]!;
    const next = anchors[position + 1];
    const runEnd = runEndAt(position);
    const pairedRun = paired.get(position);
    let run: readonly Token[] = pairedRun ?? tokens.slice(anchor.tokenIndex + 1, runEnd);
    const printedRun = run;
    run = withoutPageBreakCells(run, row.fieldIds.length);
    const nextOrdinal = next ? skeleton[next.rowIndex]!.ordinal : undefined;
    // Rows skipped before the next anchor may have left their values in this run: only an exact count is read.
    const strict = next ? next.rowIndex !== anchor.rowIndex + 1 : anchor.rowIndex !== skeleton.length - 1;
    if (strict && skippedRowPrinted(tokens, anchor.tokenIndex, runEnd, skeleton.slice(anchor.rowIndex + 1, next ? next.rowIndex : skeleton.length))) return;
    // Values that belong to another row printed between this row's label and them are not this row's.
    if (!pairedRun && valuesOfAnotherRow(run, tokens[anchor.tokenIndex]!, row, next ? skeleton[next.rowIndex] : undefined, skeleton[anchor.rowIndex + 1], tokens[runEnd])) return;
    const blankRow = blankLines && !pairedRun ? blankLineRow(view.text, tokens[anchor.tokenIndex]!, run, next ? tokens[next.tokenIndex] : undefined, row.fieldIds.length, blankLines) : undefined;
    let placedAsRun = blankRow ?? placeRowValues(run, row, nextOrdinal, unitOf, strict, tokens[anchor.tokenIndex]);
    // Tab runs whose edge pieces or wrap breaks may each hide the row's blank cell: every such reading kept, so that the
    // cells they place apart are ambiguous.
    const otherRuns = placedAsRun.readings.length > 0 ? otherTabReadings(run, tokens[anchor.tokenIndex]!.line) : [];
    const others = otherRuns.flatMap((other) => placeRowValues(other, row, nextOrdinal, unitOf, strict, tokens[anchor.tokenIndex]).readings);
    if (others.length > 0) placedAsRun = { ...placedAsRun, readings: [...placedAsRun.readings, ...others], frame: undefined };
    const withNumbersJoined = inBlocks ? readWithNumbersJoined(run, placedAsRun, lineCount, (tried) => placeRowValues(tried, row, nextOrdinal, unitOf, strict)) : undefined;
    if (withNumbersJoined) ({ run, placed: placedAsRun } = withNumbersJoined);
    const withCellBefore = inBlocks && placedAsRun.readings.length === 0 && !pairedRun
      ? readWithWrappedCellBefore(tokens, anchor.tokenIndex, run, row.fieldIds.length, usedValues, lineCount, (tried) => placeRowValues(tried, row, nextOrdinal, unitOf, strict))
      : undefined;
    if (withCellBefore) ({ run, placed: placedAsRun } = withCellBefore);
    // A row that fits no reading may have lost a value between two blank marks to the page furniture "- 1 -".
    const withMarkers = placedAsRun.readings.length === 0 && !strict && !pairedRun
      ? readBackPageMarkers(run, pageMarkers, tokens, anchor.tokenIndex, runEnd, (tried) => placeRowValues(tried, row, nextOrdinal, unitOf, strict))
      : undefined;
    if (withMarkers) ({ run, placed: placedAsRun } = withMarkers);
    const marked: RowReadings = displaced.has(position) ? { ...placedAsRun, displaced: true }
      : reachingPast.has(position) || inferredShares.has(position) ? { ...placedAsRun, shareOfRun: true } : placedAsRun;
    // (Rows after the last anchor may simply not be printed: a section cut short.)
    const counted: RowReadings = strict && next !== undefined ? { ...marked, beforeSkipped: true } : marked;
    const placed = withLineCells(counted, {
      printedRun, cellCount: row.fieldIds.length, nextOrdinal, blankLines, blankRow: blankRow !== undefined, afterSpacer: spacerAfterLabel && run[0]?.kind === 'empty',
    });
    // A row with nothing but gaps where its cells would be (blank cells printed as runs of spaces), the next row's
    // ordinal aside ("       3.危及…"), printed no value either.
    const gapsOnly = placed.readings.length === 0 && run.length > 0
      && run.every((token, index) => token.kind === 'empty' || (index === run.length - 1 && token.kind === 'value' && token.ordinalTail && token.raw === nextOrdinal));
    if (!strict && (placed.cellTokens === 0 || gapsOnly)) {
      emptyRows.push(row);
      if (next !== undefined) for (const fieldId of row.fieldIds) printedNothing.add(fieldId);
      if (gapsOnly) return;
    }
    // A row whose blanks were read from gaps and whose rules then fail, or hold only with a blank taken for a cell
    // left out, may have read a page break's blank lines as a cell (or a spacer, see above): it is placed jointly
    // like a short row, and read as its gaps say only when the joint placement leaves it.
    const afterSpacer = spacerAfterLabel && run[0]?.kind === 'empty';
    const gapRow = placed.readings.length > 0 && placed.gapBlanks === true && (placed.blankUnknown === true || placed.inconsistent || afterSpacer);
    if (placed.readings.length === 0 || gapRow) {
      const values = run.filter((token): token is ValueToken => token.kind === 'value');
      const last = values[values.length - 1];
      // The next row's ordinal before its label is not a value; digits glued to it leave the order unknown.
      if (last?.ordinalTail && last.raw === nextOrdinal) values.pop();
      const orderKnown = !values.some((token) => token.ordinalTail);
      const complete = next !== undefined && runEnd === next.tokenIndex;
      if (!gapRow && !strict && orderKnown && placed.cellTokens > 0 && values.length > 0 && values.length < row.fieldIds.length) {
        const read = values.map((token) => readValue(token.raw, unitOf(row.fieldIds[0]!)));
        if (read.every((numeric) => numeric !== undefined)) {
          const entry: UnplacedRow = { fieldIds: row.fieldIds, values: read.map((numeric) => numeric!.value), raws: values.map((token) => token.raw), complete };
          unplaced.push(entry);
          toPropose.set(entry, { fieldIds: row.fieldIds, tokens: values, labelScore: anchor.labelScore, layout: layoutOf(placed, run, tokens[anchor.tokenIndex]!, next ? tokens[next.tokenIndex] : undefined) });
        }
      }
      // For the joint placement, digits glued to the next row's ordinal ("02.其他…") lose it: the section's rules
      // check what is left, and a form never prints a count with a leading zero.
      // A row cut at words (the section's last) may have more values after them, drawn elsewhere by a PDF's reading
      // order: only a row after which the section prints no number is whole. A blank mark ("—", "-") shows the
      // row's blanks did leave a trace, or is a rule line's piece: no row to place.
      // One glued digit run is split against the row's sum (gluedShortRowReadings); digits glued among other values
      // are the glued-table solver's.
      const shortValues = zerosApart(withoutOrdinalTail(values, nextOrdinal), row, unitOf);
      const whole = complete || valuesAfterTable(tokens, runEnd, view.text).length === 0;
      // A row no rule binds has nothing to place it by, and a number-like piece left unread among its values ("II"
      // for 11) may be one of them.
      const bound = template.rules.some((rule) => rule.severity === 'hard' && [...rule.left, ...rule.right].some((id) => row.fieldIds.includes(id)));
      const unreadPiece = run.some((token) => token.kind === 'text' && UNREAD_NUMBER.test(token.text));
      const gluedRun = shortValues?.length === 1 && shortValues[0]!.glued ? shortValues[0] : undefined;
      const gluedReadings = gluedRun ? gluedShortRowReadings(gluedRun, row, unitOf) : undefined;
      let short: ShortRow | undefined;
      // One number between a row's label and the next row's, which no placement in the row makes its rules hold
      // (a lone 3 in a row whose total is the sum of its parts), is no value of the row: a page number flattened
      // into the text ("…三安全一稳定”34.保护…"). The row printed nothing, like an empty row: its blanks stay in
      // doubt until a printed total proves them 0, which a true value of the row would not let happen.
      if (!gapRow && !strict && whole && bound && !unreadPiece && shortValues?.length === 1
        && strayNumber(shortValues[0]!, row, unitOf, gluedRun ? gluedReadings! : undefined)) {
        emptyRows.push(row);
        strayNumbers.set(row, shortValues[0]!.raw);
        return;
      }
      if (!bound || unreadPiece || placed.groupsOutOfOrder === true) {
        // Not placed (groups printed out of the form's order: their rules hold with the groups swapped, "行政诉讼（复议后
        // 起诉）" printed before 未经复议直接起诉 and placed in the form's order put each group's values in the other's).
      } else if (!strict && placed.gluedCuts !== undefined) {
        // Cells glued with blank marks among them, cut more than one way that holds the row's rules: the section's
        // rules choose the cut.
        const unplacedRow = { fieldIds: row.fieldIds, values: [], raws: values.map((token) => token.raw), complete };
        short = { anchor, row, values, unplaced: unplacedRow, layout: TOKEN_LAYOUTS.gluedShort, readings: placed.gluedCuts.map((reading) => [...reading]) };
      } else if (!strict && whole && gluedRun && gluedReadings!.length > 0 && gluedRun.end < textEnd) {
        const unplacedRow = { fieldIds: row.fieldIds, values: [], raws: [gluedRun.raw], complete };
        short = { anchor, row, values: [gluedRun], unplaced: unplacedRow, layout: TOKEN_LAYOUTS.gluedShort, readings: gluedReadings! };
      } else if (!strict && whole && shortValues && shortValues.length > 0 && shortValues.length < row.fieldIds.length
        && !shortValues.some((token) => token.glued)
        && shortValues.every((token) => readValue(token.raw, unitOf(row.fieldIds[0]!))?.value != null)
        && !valuesStackedOverLines(view.text, page, shortValues) && shortValues[shortValues.length - 1]!.end < textEnd
        && surplusBeside(position) < row.fieldIds.length - shortValues.length
        && !labelBeganBefore(tokens, position > 0 ? anchors[position - 1]!.tokenIndex : -1, anchor.tokenIndex, row.ordinal)) {
        const raws = shortValues.map((token) => token.raw);
        const unplacedRow = unplaced.find((entry) => entry.fieldIds === row.fieldIds) ?? { fieldIds: row.fieldIds, values: [], raws, complete };
        short = { anchor, row, values: shortValues, unplaced: unplacedRow, layout: layoutOf(placed, run, tokens[anchor.tokenIndex]!, next ? tokens[next.tokenIndex] : undefined) };
      }
      if (short) shortRows.push(short);
      if (!gapRow) return;
      if (short) {
        // After a spacer, the empty line may be the spacer or a blank cell: both readings are kept, so that the cells
        // they place apart are ambiguous when the row is read as its gaps say.
        const withoutSpacer = afterSpacer ? placeRowValues(run.slice(1), row, nextOrdinal, unitOf, strict).readings : [];
        const asGaps: RowReadings = withoutSpacer.length === 0 ? placed : { ...placed, readings: [...placed.readings, ...withoutSpacer], frame: undefined };
        gapRows.set(short, { anchor, row, placed: asGaps, layout: layoutOf(placed, run, tokens[anchor.tokenIndex]!, next ? tokens[next.tokenIndex] : undefined), stacked: false });
        return;
      }
    }
    rowsRead++;
    const layout = layoutOf(placed, run, tokens[anchor.tokenIndex]!, next ? tokens[next.tokenIndex] : undefined);
    // Only the values the readings place count (a next row's ordinal left in the run is not one of them).
    const stacked = !placed.celled && valuesStackedOverLines(view.text, page, placedValues(run, placed.readings));
    // Section 四's row counted off through its own column headers ("3 3 1 结果维持 … 总计 3 10 0 0 …"): the PDF drew the
    // values in pieces among them, in an order the sums cannot always tell (even after the last header: "38 120 35 46 239").
    const interleaved = !placed.celled && placed.placement === 'count' && row.rules.length > 1 && textAmongValues(run);
    placedRows.push({ anchor, row, placed, layout, stacked, ...(interleaved ? { interleaved } : {}) });
    droppedNumbers.push(...numbersDropped(run, placed, view));
    for (const token of placedValues(run, placed.readings)) usedValues.add(token);
  });
  const aligned = alignFrames(placedRows.map((entry) => entry.placed));
  const joint = shortRows.length > 0 ? solveJointly(placedRows.map((entry, index) => ({ ...entry, placed: aligned[index]! })), shortRows, template, unitOf) : undefined;
  const framed = [...(joint?.placed ?? aligned)];
  // A row read from gaps that the joint placement leaves is read as its gaps say (its rules not checking it).
  shortRows.forEach((short, index) => {
    const readings = joint?.short[index];
    const gapRow = gapRows.get(short);
    if (!gapRow || (readings && readings.length <= MAX_JOINT_READINGS)) return;
    rowsRead++;
    placedRows.push({ ...gapRow, unchecked: true });
    framed.push(gapRow.placed);
  });
  if (joint) {
    shortRows.forEach((short, index) => {
      const readings = joint.short[index];
      if (!readings || readings.length > MAX_JOINT_READINGS) return;
      const jointRow = jointRowOf(readings, short.row, unitOf);
      const at = unplaced.indexOf(short.unplaced);
      if (at >= 0) unplaced.splice(at, 1);
      rowsRead++;
      short.row.fieldIds.forEach((fieldId, cellIndex) => {
        const reading = readJointCell(view, jointRow, short, cellIndex, unitOf(fieldId));
        if (reading) cells.set(fieldId, reading);
      });
    });
  }
  placedRows.forEach(({ anchor, row, layout, stacked }, index) => {
    const placed = framed[index]!;
    const confirmedByRules = row.rules.length > 0 && !placed.inconsistent;
    // A row of several groups (section 四's three) counted off in order, one group breaking its rule: the count may
    // have gone astray anywhere (a PDF draws the zeros first: "0 … 0 6 6 2 2"), so the groups that add up are not
    // evidence of their own place either.
    // (Values on one line are in the order printed there: only a count over several lines can go astray. So can
    // cells over several lines: a wrap that breaks a table's rule line leaves a piece of it, "-|", as a cell.)
    // So does such a row read as its gaps say, its rules unable to check the count (a blank total): a page number among
    // its empty lines shifts every cell after it (independent breaks seed 369: 行政复议 read _ _ 0 1 1 for _ _ _ _ 0).
    const countAstray = (placed.inconsistent && row.rules.length > 1 && (placed.placement === 'count' || placed.placement === 'cell') && overSeveralLines(placed))
      || placedRows[index]!.interleaved === true || (placedRows[index]!.unchecked === true && row.rules.length > 1);
    // So does a row of cells with a line of tabs alone before or among them: a piece of the row a break cut off.
    const besideTabs = placed.placement === 'cell' && tabsAloneBeside(view.text, placed.readings);
    row.fieldIds.forEach((fieldId, cellIndex) => {
      const reading = readPlacedCell(view, placed, cellIndex, fieldId, unitOf(fieldId), layout, anchor.labelScore);
      if (!reading) return;
      if ((countAstray || besideTabs) && !reading.ambiguous) {
        cells.set(fieldId, { ...reading, ambiguous: true, unitInDoubt: false, notes: [...reading.notes, countAstray ? COUNT_ASTRAY_NOTE : TABS_ALONE_NOTE] });
        return;
      }
      if (stacked) {
        // Reading order and display position disagree (digits of one number split over lines, or a number on
        // a wrapped label's other line): counting the values into cells would be a guess, even when the row's
        // rules add up.
        cells.set(fieldId, doubtedCell(reading, STACKED_NOTE));
        return;
      }
      // A value the text ends in may be cut off ("12" of "123"), unless the row's rules confirm it.
      const cutOff = !confirmedByRules && placed.readings.some((cells) => {
        const cell = cells[cellIndex];
        return cell?.kind === 'value' && cell.token.end >= textEnd;
      });
      cells.set(fieldId, cutOff ? doubtedCell(reading, 'ambiguous: the text ends in this value: it may be cut off') : reading);
    });
  });
  // In a section read row after row, a row whose label is followed directly by the next row's prints no value:
  // whatever another reader placed there came from elsewhere, so its cells are sent to review. Rows whose numbers run
  // on from their labels show the row order as well (rowsRunningOn).
  if (rowsRead >= MIN_ROWS_READ_IN_ORDER || rowsRunningOn(tokens, anchors) >= MIN_ROWS_READ_IN_ORDER) {
    for (const row of emptyRows) {
      for (const fieldId of row.fieldIds) {
        const where = tokens[anchors.find((anchor) => skeleton[anchor.rowIndex] === row)!.tokenIndex]!.end;
        const stray = strayNumbers.get(row);
        const support: CellSupport = { readings: 0, anchored: true, placement: 'count', emptyRow: true, ...(stray === undefined ? {} : { strayNumber: stray }) };
        const blank = readTokenCell(view, { kind: 'empty', start: where }, fieldId, unitOf(fieldId), TOKEN_LAYOUTS.space, 1, support);
        const why = stray === undefined
          ? 'ambiguous: the row label is followed directly by the next row: no value printed'
          : `ambiguous: the row label is followed only by ${stray} before the next row, which no reading of the row admits: taken for a page number, no value printed`;
        if (blank) cells.set(fieldId, { ...blank, ambiguous: true, unitInDoubt: false, notes: [why] });
      }
    }
  }
  const strayNote = strayNumbers.size > 0 ? [`token solver: lone numbers no row reading admits, taken for page furniture: ${[...strayNumbers.values()].join(', ')}`] : [];
  const rowsInOrder = rowsRead >= MIN_ROWS_READ_IN_ORDER || skeleton.length === 1;
  const proposals = rowsInOrder ? proposalsFor(view, unplaced.map((entry) => toPropose.get(entry)), cells, unitOf) : undefined;
  doubtRowsBesideGarbled(tokens, anchors, skeleton, cells, false);
  // Rows of small tables printed as blocks: the block's cells, and nothing the rows' own runs said about them.
  for (const [fieldId, cell] of blockCells) {
    cells.set(fieldId, cell);
    printedNothing.delete(fieldId);
    proposals?.delete(fieldId);
  }
  const blockNote = blockCells.size > 0 ? [`token solver: ${blockCells.size} cells of tables whose labels were printed before their values, laid in row and in column order (${tableBlocks!.readings} reading(s))`] : [];
  const unplacedRows = (rowsInOrder ? unplaced : []).filter((entry) => !entry.fieldIds.some((fieldId) => blockCells.has(fieldId)));
  return { cells, unplaced: unplacedRows, ...(proposals ? { proposals } : {}), printedNothing, droppedNumbers, notes: [`token solver: ${chosen.length} of ${skeleton.length} rows anchored, ${rowsRead} placed`, ...inferredRowsNote(skeleton, inferredRows), ...strayNote, ...blockNote] };
}

const TABS_ALONE_NOTE = 'ambiguous: a line of tabs alone before or among the row\'s cells is a piece of the row a break cut off: how many cells it held is not known';
const COUNT_ASTRAY_NOTE = 'ambiguous: another group of the row, counted off in the same order, breaks its rule: the count may have gone astray before this cell';
const STACKED_NOTE = 'ambiguous: the row\'s values are printed over several lines whose positions do not follow their reading order: which column each stands in is unknown';

/** Words that may be a number misread (OCR letters for digits, digits in a word): "II", "l2", "O". */
const UNREAD_NUMBER = /[0-9０-９]|^[IlO|]+$/u;
