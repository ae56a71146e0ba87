import type { RuleDefinition } from '../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../text/MappedText.ts';
import type { CellReading, CellSupport } from '../ParseResult.ts';
import { readTokenCell } from './readTokenCell.ts';
import { columnLogOdds } from '../../templates/columnShares.ts';
import { orderedChoices } from './orderedChoices.ts';
import { uniqueLeast } from '../uniqueLeast.ts';
import type { Anchor } from './chooseAnchors.ts';
import { BLANK, placeColumnBlanks } from './placeColumnBlanks.ts';
import { readValue } from './readValue.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { Token, ValueToken } from './Token.ts';

/** How the values after a block of row labels are laid onto the rows. */
export type BlockOrder = 'column' | 'row';

/**
 * One cell of a block reading: the value every kept reading lays there; a blank every one leaves there; a 0 or a
 * blank (kept readings differ on whether the cell is a printed 0 or one the PDF left out); or ambiguous (they lay
 * different values there).
 */
export type BlockCell =
  | { readonly kind: 'value'; readonly token: ValueToken }
  | { readonly kind: 'blank'; readonly at: number }
  | { readonly kind: 'zero-or-blank'; readonly at: number }
  | { readonly kind: 'ambiguous'; readonly at: number; readonly values: readonly string[] };

/** The values of a section printed after all its row labels, laid onto its cells in the orders the rules allow. */
export interface BlockReading {
  readonly cells: ReadonlyMap<string, BlockCell>;
  readonly order: BlockOrder;
  /** Blank cells the text left out (values fewer than cells), placed by the rules. */
  readonly missing: number;
  /** Distinct value sets among the kept readings (1 = every cell known). */
  readonly readings: number;
  /** True when the kept readings hold the rules only with a blank taken for a cell the report left out, not for 0. */
  readonly blankUnknown?: boolean;
  /** True when whole columns printed nothing and the printed ones were placed by the rules (blankColumnReadings). */
  readonly blankColumns?: boolean;
  /** True when many blank cells were left out and placed by the columns' and rows' sums (columnBlankReadings). */
  readonly columnBlanks?: boolean;
  /** For cells the kept readings differ on: the value of the likeliest reading (columnShare), offered to the reviewer. */
  readonly proposals?: ReadonlyMap<string, number>;
}

/**
 * Blank cells a PDF may leave out of a column-order block that are still placed: every position of each is tried
 * against the rules (175 positions for one blank, 15,225 for two in a 2021 section 三).
 */
const MAX_MISSING_BLANKS = 2;
/** Words of the header a stretch of words between values must repeat to be taken for the header repeated. */
const MIN_REPEATED_HEADER_WORDS = 2;

/**
 * Reads a section whose row labels were printed as one block and its values after them (a PDF's text in column
 * order: every label, then the first column's values top to bottom, then the next column's). When every row
 * with cells is anchored, no value stands between the labels, every row has the same number of cells and the
 * values after the block are rows × cells, they are laid onto the cells column after column and row after row; a
 * reading counts only when every hard rule of the section holds on it (row sums and the column rules across rows).
 * Blank cells a PDF left out make the count fall short: with one or two missing, every place they may have stood
 * is tried, and the readings whose rules hold are kept. A cell the kept readings agree on is read; one where they
 * differ only on a printed 0 against a blank is a 0 or a blank; otherwise it is ambiguous.
 */
export function readBlockOrder(
  tokens: readonly Token[],
  anchors: readonly Anchor[],
  skeleton: readonly SkeletonRow[],
  rules: readonly RuleDefinition[],
  unitOf: (fieldId: string) => string,
  runEnd: (from: number) => number,
): BlockReading | undefined {
  const rows = skeleton.filter((row) => row.fieldIds.length > 0);
  const cellCount = rows[0]?.fieldIds.length ?? 0;
  if (rows.length < 2 || cellCount < 2 || rows.some((row) => row.fieldIds.length !== cellCount)) return undefined;
  const anchoredRows = new Set(anchors.map((anchor) => skeleton[anchor.rowIndex]));
  if (rows.some((row) => !anchoredRows.has(row))) return undefined;
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  // Between the labels: nothing but the ordinals run into them ("1.属于国家秘密").
  for (let index = first.tokenIndex; index < last.tokenIndex; index++) {
    const token = tokens[index]!;
    if (token.kind === 'value' && !token.ordinalTail) return undefined;
  }
  const values = valuesAfterBlock(tokens, first.tokenIndex, last.tokenIndex, runEnd);
  const cellTotal = rows.length * cellCount;
  const missing = cellTotal - values.length;
  const fieldIds = new Set(rows.flatMap((row) => row.fieldIds));
  const sectionRules = rules.filter((rule) => rule.severity === 'hard' && [...rule.left, ...rule.right].every((id) => fieldIds.has(id)));
  if (sectionRules.length === 0) return undefined;
  if (values.length > 0 && missing > MAX_MISSING_BLANKS && values.length % rows.length === 0) {
    const columns = blankColumnReadings(values, rows, sectionRules, unitOf);
    if (columns) return columns;
  }
  // Most cells printed, a minority left out: a section printing less than half its cells is mostly blank, and which of
  // its few values stand where rests on the rules alone.
  if (missing > MAX_MISSING_BLANKS && values.length >= missing) return columnBlankReadings(values, rows, sectionRules, unitOf);
  if (values.length === 0 || missing < 0 || missing > MAX_MISSING_BLANKS) return undefined;
  // A blank mark ("—", "/") is a blank cell printed, 0 in the rules; a value not read leaves the block unread.
  const read = values.map((token, index) => readValue(token.raw, unitOf(rows[0]!.fieldIds[Math.min(cellCount - 1, Math.floor(index / rows.length))]!)));
  if (read.some((value) => value === undefined)) return undefined;
  const numbers = read.map((value) => value!.value ?? 0);
  // Value positions printing a blank mark ("-", "—", "/"): a cell the report left blank, 0 in the rules unless none hold.
  const blankMarks = read.flatMap((value, index) => (value!.value === null ? [index] : []));
  // The field of each position in the block, per order.
  const fieldAt = (order: BlockOrder, position: number): string => {
    const rowIndex = order === 'column' ? position % rows.length : Math.floor(position / cellCount);
    const cellIndex = order === 'column' ? Math.floor(position / rows.length) : position % cellCount;
    return rows[rowIndex]!.fieldIds[cellIndex]!;
  };
  const keep = (blankMeans: 'zero' | 'unknown'): { order: BlockOrder; blanks: readonly number[] }[] => {
    const kept: { order: BlockOrder; blanks: readonly number[] }[] = [];
    for (const order of ['column', 'row'] as const) {
      // Each rule as the block positions of its cells: a reading is checked without building it (15,225 readings).
      const positionOf = new Map<string, number>();
      for (let position = 0; position < cellTotal; position++) positionOf.set(fieldAt(order, position), position);
      const terms = sectionRules.map((rule) => ({ rule, left: rule.left.map((id) => positionOf.get(id)!), right: rule.right.map((id) => positionOf.get(id)!) }));
      for (const blanks of blankPositions(cellTotal, missing)) {
        // The printed value at a block position, or undefined where a blank was left out.
        const printedAt = (position: number): number | undefined => {
          let before = 0;
          for (const blank of blanks) {
            if (blank === position) return undefined;
            if (blank < position) before++;
          }
          return position - before;
        };
        const valueAt = (position: number): number => {
          const printed = printedAt(position);
          return printed === undefined ? 0 : numbers[printed]!;
        };
        // With blanks unknown, a rule any blank takes part in (left out, or printed as a mark) checks nothing.
        const unknownAt = (position: number): boolean => {
          const printed = printedAt(position);
          return printed === undefined || blankMarks.includes(printed);
        };
        const checked = blankMeans === 'zero' ? terms : terms.filter((term) => !term.left.some(unknownAt) && !term.right.some(unknownAt));
        if (checked.every((term) => holds(term.rule, term.left.reduce((sum, position) => sum + valueAt(position), 0), term.right.reduce((sum, position) => sum + valueAt(position), 0)))) {
          kept.push({ order, blanks });
        }
      }
    }
    return kept;
  };
  // A blank the report left out, or printed as a blank mark, may be a cell it did not fill in, a total among them
  // (wild-45's 总计 of natural persons' outcomes, blank above 10 printed parts): when no placement holds every rule with
  // the blanks read as 0, the rules a blank takes part in cannot tell, and the placements that hold all the others are
  // kept (the blank itself is left for the rules stage to flag).
  let kept = keep('zero');
  const blankUnknown = kept.length === 0 && (missing > 0 || blankMarks.length > 0);
  if (blankUnknown) kept = keep('unknown');
  if (kept.length === 0) return undefined;
  const states = new Map<string, (ValueToken | number)[]>();
  const rowsSeen = new Set<string>();
  for (const { order, blanks } of kept) {
    let next = 0;
    const vector: number[] = [];
    for (let position = 0; position < cellTotal; position++) {
      const fieldId = fieldAt(order, position);
      const list = states.get(fieldId) ?? [];
      if (blanks.includes(position)) list.push(values[next]?.start ?? values[values.length - 1]!.end);
      else list.push(values[next++]!);
      states.set(fieldId, list);
    }
    for (const row of rows) for (const fieldId of row.fieldIds) {
      const state = states.get(fieldId)!.at(-1)!;
      vector.push(typeof state === 'number' ? 0 : readValue(state.raw, unitOf(fieldId))!.value ?? 0);
    }
    rowsSeen.add(vector.join(' '));
  }
  const cells = new Map<string, BlockCell>();
  for (const [fieldId, list] of states) cells.set(fieldId, blockCell(list, unitOf(fieldId)));
  // Both orders hold only where the values do not tell them apart (all zeros, say): unless they read the same, the
  // block is not read at all (which order the text follows is unknown).
  const orders = new Set(kept.map((reading) => reading.order));
  if (orders.size > 1 && [...cells.values()].some((cell) => cell.kind === 'ambiguous')) return undefined;
  return { cells, order: kept[0]!.order, missing, readings: rowsSeen.size, ...(blankUnknown ? { blankUnknown } : {}) };
}

/**
 * The values printed after the block of labels, up to the prose that ends the section. A page break inside the
 * values repeats the table's header: a stretch of words between values that repeats at least two of the words
 * printed before the first row label (申请人情况, 自然人, …) is skipped, and the values after it go on the same
 * columns. (The repeated header may hold words the region does not start with, a note above the header, say.)
 */
export function valuesAfterBlock(tokens: readonly Token[], firstLabel: number, lastLabel: number, runEnd: (from: number) => number): ValueToken[] {
  const header = new Set<string>();
  for (let index = 0; index < firstLabel; index++) {
    const token = tokens[index]!;
    if (token.kind === 'text') header.add(token.text);
  }
  const values: ValueToken[] = [];
  let from = lastLabel;
  for (;;) {
    const end = runEnd(from);
    for (const token of tokens.slice(from + 1, end)) if (token.kind === 'value') values.push(token);
    let resume = end;
    let repeated = 0;
    for (; resume < tokens.length && tokens[resume]!.kind !== 'value'; resume++) {
      const token = tokens[resume]!;
      if (token.kind === 'text' && header.has(token.text)) repeated++;
    }
    if (repeated < MIN_REPEATED_HEADER_WORDS || resume >= tokens.length) return values;
    from = resume - 1;
  }
}

/**
 * A column-order block whose blank columns printed nothing at all (a report that fills in natural persons and the
 * totals only: 50 numbers for 175 cells): the values make whole columns, and each choice of the columns printed,
 * in order, is a reading, kept where every rule of the section holds with the other columns blank. Cells the kept
 * readings agree on are read (the totals, whichever part column printed); the others are ambiguous, the likeliest
 * reading's value (the columns that most often print one, columnShare) offered for review.
 */
function blankColumnReadings(
  values: readonly ValueToken[],
  rows: readonly SkeletonRow[],
  sectionRules: readonly RuleDefinition[],
  unitOf: (fieldId: string) => string,
): BlockReading | undefined {
  const cellCount = rows[0]!.fieldIds.length;
  const printedColumns = values.length / rows.length;
  if (printedColumns >= cellCount) return undefined;
  const read = values.map((token) => readValue(token.raw, unitOf(rows[0]!.fieldIds[0]!)));
  if (read.some((value) => value === undefined)) return undefined;
  const numbers = read.map((value) => value!.value ?? 0);
  const kept: number[][] = [];
  for (const columns of orderedChoices(cellCount, printedColumns)) {
    const valueOf = new Map<string, number>();
    columns.forEach((column, printed) => rows.forEach((row, rowIndex) => valueOf.set(row.fieldIds[column]!, numbers[printed * rows.length + rowIndex]!)));
    const sum = (ids: readonly string[]): number => ids.reduce((total, id) => total + (valueOf.get(id) ?? 0), 0);
    if (sectionRules.every((rule) => holds(rule, sum(rule.left), sum(rule.right)))) kept.push(columns);
  }
  if (kept.length === 0) return undefined;
  const states = new Map<string, (ValueToken | number)[]>();
  for (const columns of kept) {
    rows.forEach((row, rowIndex) => row.fieldIds.forEach((fieldId, column) => {
      const printed = columns.indexOf(column);
      const list = states.get(fieldId) ?? [];
      list.push(printed < 0 ? values[rowIndex]!.start : values[printed * rows.length + rowIndex]!);
      states.set(fieldId, list);
    }));
  }
  const cells = new Map<string, BlockCell>();
  for (const [fieldId, list] of states) cells.set(fieldId, blockCell(list, unitOf(fieldId)));
  // The likeliest choice of columns: the most log-odds of the columns holding a value other than 0.
  const proposals = new Map<string, number>();
  const likeliest = rows[0]!.fieldIds.every((fieldId) => columnLogOdds(fieldId) !== undefined)
    ? uniqueLeast(kept, (columns) => -columns.reduce((sum, column, printed) => sum + (numbers.slice(printed * rows.length, (printed + 1) * rows.length).some((value) => value !== 0) ? columnLogOdds(rows[0]!.fieldIds[column]!)! : 0), 0), (left, right) => left.join() === right.join())
    : undefined;
  if (likeliest !== undefined) {
    const columns = kept[likeliest]!;
    for (const [fieldId, cell] of cells) {
      if (cell.kind !== 'ambiguous') continue;
      const row = rows.findIndex((candidate) => candidate.fieldIds.includes(fieldId));
      const printed = columns.indexOf(rows[row]!.fieldIds.indexOf(fieldId));
      if (printed >= 0) proposals.set(fieldId, numbers[printed * rows.length + row]!);
    }
  }
  return { cells, order: 'column', missing: rows.length * cellCount - values.length, readings: kept.length, blankColumns: true, ...(proposals.size > 0 ? { proposals } : {}) };
}

/**
 * A column-order block with more blank cells left out than each place of each can be tried for (45 of 161): the
 * columns laid one after the other, each by its own sums, the totals column by every row's sum (placeColumnBlanks).
 * A cell every reading gives the same number is read (a 0 that some print and others leave blank is a 0 or a blank);
 * the others are ambiguous, the first reading's value (each row taking the next value before a blank) offered for
 * review.
 */
function columnBlankReadings(
  values: readonly ValueToken[],
  rows: readonly SkeletonRow[],
  sectionRules: readonly RuleDefinition[],
  unitOf: (fieldId: string) => string,
): BlockReading | undefined {
  const read = values.map((token) => readValue(token.raw, unitOf(rows[0]!.fieldIds[0]!)));
  if (read.some((value) => value === undefined || value.value === null)) return undefined;
  const numbers = read.map((value) => value!.value!);
  const placement = placeColumnBlanks(rows.map((row) => row.fieldIds), numbers, sectionRules);
  if (!placement) return undefined;
  const numberAt = (place: number) => (place < 0 ? 0 : numbers[place]!);
  // In the first reading, a blank stands where the next printed value does (column after column): its place in the text.
  const blankAt = new Map<string, number>();
  let nextValue = 0;
  for (let column = 0; column < rows[0]!.fieldIds.length; column++) {
    rows.forEach((row, rowIndex) => {
      const place = placement.first[rowIndex]![column]!;
      if (place >= 0) nextValue = place + 1;
      blankAt.set(row.fieldIds[column]!, values[nextValue]?.start ?? values[values.length - 1]!.end);
    });
  }
  const cells = new Map<string, BlockCell>();
  const proposals = new Map<string, number>();
  rows.forEach((row, rowIndex) => row.fieldIds.forEach((fieldId, column) => {
    const { places } = placement.cells[rowIndex]![column]!;
    const first = placement.first[rowIndex]![column]!;
    const at = blankAt.get(fieldId)!;
    const settled = new Set(places.map(numberAt)).size === 1;
    if (!settled) {
      cells.set(fieldId, { kind: 'ambiguous', at, values: [...new Set(places.map((place) => (place === BLANK ? 'blank' : String(numberAt(place)))))] });
      proposals.set(fieldId, numberAt(first));
    } else if (places.every((place) => place === BLANK)) cells.set(fieldId, { kind: 'blank', at });
    // A number other than 0 every reading agrees on, or one printed 0 every reading places here: the value printed.
    else if (numberAt(places[0]!) !== 0 || (places.length === 1 && places[0]! >= 0)) {
      cells.set(fieldId, { kind: 'value', token: values[places.find((place) => place >= 0)!]! });
    }
    else cells.set(fieldId, { kind: 'zero-or-blank', at });
  }));
  return {
    cells, order: 'column', missing: rows.length * rows[0]!.fieldIds.length - values.length, readings: placement.readings, columnBlanks: true,
    ...(proposals.size > 0 ? { proposals } : {}),
  };
}

/** A hard rule on the sums of its two sides (amounts within a millionth). */
function holds(rule: RuleDefinition, left: number, right: number): boolean {
  return rule.kind === 'equal' ? Math.abs(left - right) <= 1e-6 : left <= right + 1e-6;
}

function blockCell(states: readonly (ValueToken | number)[], unit: string): BlockCell {
  const valueOf = (state: ValueToken | number) => (typeof state === 'number' ? null : readValue(state.raw, unit)?.value ?? null);
  const first = states[0]!;
  const values = states.map(valueOf);
  const at = typeof first === 'number' ? first : first.start;
  if (states.every((state) => typeof state === 'number')) return { kind: 'blank', at };
  if (values.every((value) => value === values[0]) && typeof first !== 'number') return { kind: 'value', token: first };
  if (values.every((value) => value === null || value === 0)) return { kind: 'zero-or-blank', at };
  return { kind: 'ambiguous', at, values: [...new Set(values.map((value) => String(value ?? 'blank')))] };
}

/** Every choice of `count` positions among `total` (none when count is 0: the one empty choice). */
function* blankPositions(total: number, count: number): Generator<number[]> {
  if (count === 0) {
    yield [];
    return;
  }
  for (let first = 0; first < total; first++) {
    if (count === 1) yield [first];
    else for (let second = first + 1; second < total; second++) yield [first, second];
  }
}

/**
 * A cell of a block of values printed after the row labels (column order). With blank cells left out of the block
 * and placed by the rules, its cells are placed jointly (placement `joint`), like short rows. `layout`: the name the
 * token solver gives column-order cells.
 */
export function readBlockCell(view: MappedText, cell: BlockCell, fieldId: string, unit: string, labelScore: number, block: BlockReading, layout: string): CellReading | undefined {
  const support: CellSupport = block.missing === 0
    ? { readings: 1, anchored: true, placement: 'position' }
    : {
      readings: block.readings, anchored: true, placement: 'joint',
      ...(block.blankColumns ? { blankColumns: true } : {}), ...(block.columnBlanks ? { columnBlanks: true } : {}),
    };
  if (cell.kind === 'value') return readTokenCell(view, { kind: 'value', token: cell.token }, fieldId, unit, layout, labelScore, support);
  const blank = readTokenCell(view, { kind: 'empty', start: cell.at }, fieldId, unit, layout, labelScore, support);
  if (!blank || cell.kind === 'blank') return blank;
  if (cell.kind === 'zero-or-blank') {
    return { ...blank, value: 0, method: 'inferred', notes: ['0 or blank: the readings the rules leave put a printed 0 or nothing here'], support: { ...support, zeroOrBlank: true } };
  }
  const proposal = block.proposals?.get(fieldId);
  const offered = proposal === undefined ? [] : [block.columnBlanks
    ? `offered for review: ${proposal}, the reading that lays each value in the first row it may stand in`
    : `offered for review: ${proposal}, the reading whose values stand in the columns that most often print one`];
  return { ...blank, ambiguous: true, unitInDoubt: false, ...(proposal === undefined ? {} : { proposal }), notes: [`ambiguous: the readings the rules leave put ${cell.values.join(' or ')} here`, ...offered] };
}
