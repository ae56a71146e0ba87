import type { TemplateDefinition } from '../../../templates/TemplateDefinition.ts';
import type { MappedText } from '../../../text/MappedText.ts';
import { evaluateRule } from '../../../validate/evaluateRule.ts';
import type { CellReading, ParseResult } from '../../ParseResult.ts';
import { readValue } from '../../tokens/readValue.ts';
import { gridRowSpecs, type GridRowSpec, type NewFormatSection } from '../glued/gridRowSpecs.ts';
import { listAlternatives, solvedCell, undecidedCell } from '../glued/solvedCell.ts';
import { sectionResult } from '../glued/sectionResult.ts';
import { bestFitReading, failingRows } from './bestFitReading.ts';
import { gridBlockReadings, type BlockReading } from './blockReadings.ts';
import { findLineSections } from './findLineSections.ts';
import { lineTokens, type LineToken } from './lineTokens.ts';
import { rowBlocks, type RowBlock } from './rowBlocks.ts';
import { withoutPageBreaks } from './withoutPageBreaks.ts';

/** Layout name of every cell this parser reads. */
export const COLUMN_ORDER_LAYOUT = 'column-order';

/** Combinations of block readings tried at most when solving section 三. */
const MAX_COMBINATIONS = 4_096;
const OTHER_SUB_ROWS = ['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling'];

interface SectionContext {
  readonly text: MappedText;
  readonly template: TemplateDefinition;
  readonly specs: readonly GridRowSpec[];
  readonly tokens: readonly LineToken[];
  readonly range: readonly [number, number];
}

/** One block with the readings of it that satisfy its rows' own sums. */
interface SolvedBlock {
  readonly block: RowBlock;
  readonly values: readonly number[];
  readonly readings: readonly BlockReading[];
  /**
   * No reading satisfies every row sum of the block: `readings` holds the one reading that fails the fewest (see
   * bestFitReading), these being the rows whose printed totals it leaves unequal to their parts.
   */
  readonly inconsistentRows?: readonly string[];
}

/**
 * Reads a section of a new-format form whose cells PDF extraction printed one per line in COLUMN order
 * (pdfminer: row labels in one block, then the numbers column by column, the 总计 column moving between pages,
 * page footers in between). The numbers of each block are laid onto its rows every way a column-order (or
 * row-order) print allows; a reading is accepted only when the rules confirm it — the row sums of its block,
 * then the column rules (一 + 二 = (七) + 四, outcomes = (七)总计) across blocks. Cells that agree in every
 * accepted reading are read; the others come out ambiguous. When no reading satisfies the column rules, only
 * cells fixed by their block's row sums are read and the section stays unresolved. Section 二 (no rules) is
 * read where row and column order agree; section 四 only when its three group sums hold. Returns null when
 * the section is not printed in this form.
 */
export function parseColumnOrderSection(
  text: MappedText,
  template: TemplateDefinition,
  sectionId: '二' | '三' | '四',
  /** lineTokens(text.text), when the caller already has it (it reads every section of one text). */
  textTokens?: readonly LineToken[],
): ParseResult | null {
  const specs = gridRowSpecs(template, sectionId);
  if (specs.length === 0) return null;
  const tokens = textTokens ?? lineTokens(text.text);
  const sections = findLineSections(tokens, gridRowSpecs(template, '二'), gridRowSpecs(template, '三'));
  const range = sections[sectionId];
  if (!range) return null;
  const context: SectionContext = { text, template, specs, tokens, range };
  if (sectionId === '三') return readApplications(context);
  if (sectionId === '二') return readDisclosure(context);
  return readAppeals(context);
}

function readApplications(context: SectionContext): ParseResult | null {
  const { rows, blocks, notes, unmatched } = blocksOf(context, true);
  if (!blocks.some((block) => block.rows.length >= 2 && onePerLine(block.numbers))) return null;
  const columnCount = context.specs[0]?.fieldIds.length ?? 7;
  const solvedBlocks: SolvedBlock[] = blocks.map((block) => {
    const values = block.numbers.map((token) => numberValue(token.text, '件'));
    const all = gridBlockReadings(block.rows.length, columnCount, columnCount - 1);
    const readings = all.filter((reading) => failingRows(reading, values, columnCount).length === 0);
    if (readings.length > 0) return { block, values, readings };
    const bestFit = bestFitReading(all, values, columnCount);
    if (!bestFit) return { block, values, readings };
    const inconsistentRows = bestFit.failing.map((rowIndex) => block.rows[rowIndex]!.spec.key);
    const names = bestFit.readings.map((reading) => reading.name);
    notes.push(`printed inconsistency: no reading of the ${values.length} numbers of rows ${rowList(block)} satisfies every row sum; `
      + `read ${names.length === 1 ? `${names[0]}, the one reading` : `where ${names.join('; ')} agree, the readings`} that fail${names.length === 1 ? 's' : ''} only the sums of ${inconsistentRows.join(', ')} (every other fails ${bestFit.runnerUpFailures} or more)`);
    return { block, values, readings: bestFit.readings, inconsistentRows };
  });
  for (const solved of solvedBlocks) {
    if (solved.readings.length === 0) notes.push(`no reading of the ${solved.values.length} numbers of rows ${rowList(solved.block)} satisfies their row sums`);
  }
  const combinations = acceptedCombinations(context, solvedBlocks);
  const cells: CellReading[] = [];
  let confirmed = combinations.length > 0;
  if (!confirmed) {
    notes.push('no reading of the blocks satisfies the column rules (一 + 二 = (七) + 四, outcomes = 总计): only cells fixed by their row sums are read');
  }
  solvedBlocks.forEach((solved, blockIndex) => {
    const readingIndexes = confirmed
      ? [...new Set(combinations.map((combination) => combination[blockIndex]!))]
      : solved.readings.map((_, index) => index);
    if (readingIndexes.length === 0) return;
    cells.push(...blockCells(context, solved, readingIndexes, confirmed ? combinations.length : 0, 'the rules do not choose between them',
      confirmed ? undefined : 'the column rules fail for every reading: only the row sums of its block confirm it'));
  });
  if (unmatched.length > 0 || solvedBlocks.some((solved) => solved.inconsistentRows !== undefined)) confirmed = false;
  return result(context, '三', rows, cells, confirmed, [
    `${context.template.id}/三 read in column order: ${blocks.length} blocks, ${combinations.length} reading${combinations.length === 1 ? '' : 's'} satisfy every rule`,
    ...notes,
  ]);
}

function readDisclosure(context: SectionContext): ParseResult | null {
  const { rows, blocks, notes, unmatched } = blocksOf(context);
  const isGrid = (block: RowBlock) => {
    const width = block.rows[0]?.spec.fieldIds.length ?? 0;
    return block.rows.length >= 2 && width >= 2 && block.rows.every((row) => row.spec.fieldIds.length === width);
  };
  if (!blocks.some((block) => isGrid(block) && onePerLine(block.numbers))) return null;
  const cells: CellReading[] = [];
  for (const block of blocks) {
    const width = block.rows[0]!.spec.fieldIds.length;
    const readings = isGrid(block)
      ? gridBlockReadings(block.rows.length, width, undefined)
      : [sequentialReading(block)];
    const values = block.numbers.map((token, index) => numberValue(token.text, unitAt(block, index)));
    cells.push(...blockCells(context, { block, values, readings }, readings.map((_, index) => index), 0, 'section 二 has no rule to choose between them'));
  }
  const allRead = unmatched.length === 0;
  return result(context, '二', rows, cells, allRead, [`${context.template.id}/二 read in column order: ${blocks.length} blocks`, ...notes]);
}

function readAppeals(context: SectionContext): ParseResult | null {
  const { text, template, tokens, range } = context;
  const spec = context.specs[0]!;
  const printed = tokens.slice(range[0], range[1]).filter((token) => token.kind === 'number');
  if (printed.length === 0 || !onePerLine(printed) || new Set(printed.map((token) => token.line)).size < 2) return null;
  const notes: string[] = [];
  const cells: CellReading[] = [];
  let resolved = false;
  // The 行政复议 group alone, the two 行政诉讼 groups printed after the sections that follow (a PDF's reading order).
  const later = printed.length === APPEAL_GROUP_CELLS ? litigationDrawnApart(tokens, range[1]) : undefined;
  const numbers = later ? [...printed, ...later] : printed;
  if (later) notes.push(`section 四: the 行政诉讼 groups' ${later.length} numbers printed later, under their own header, after the sections that follow`);
  if (numbers.length !== spec.fieldIds.length) {
    notes.push(`section 四 prints ${numbers.length} numbers where ${spec.fieldIds.length} cells are due: not read`);
  } else {
    const values = new Map(spec.fieldIds.map((id, index) => [id, numberValue(numbers[index]!.text, '件')]));
    const failing = template.rules
      .filter((rule) => rule.id.startsWith('appeals.'))
      .map((rule) => evaluateRule(rule, (id) => values.get(id)))
      .filter((evaluation) => evaluation.outcome !== 'pass');
    if (failing.length === 0) {
      resolved = true;
      spec.fieldIds.forEach((fieldId, index) => {
        const token = numbers[index]!;
        const cell = solvedCell(text, {
          fieldId, start: token.start, end: token.end, layout: COLUMN_ORDER_LAYOUT, labelScore: 1,
          notes: ['15 numbers in printed order; the three group sums hold'],
        }, token.text, spec.units[index] ?? '');
        cells.push(later ? { ...cell, support: { readings: 1, anchored: true, placement: 'position', displaced: true } } : cell);
      });
    } else {
      notes.push(`section 四: the 15 numbers in printed order fail ${failing.map((evaluation) => evaluation.rule.id).join(', ')} (printed totals that do not add up, or another order): not read`);
    }
  }
  const rows = [{ spec, tokens: numbers }];
  return result(context, '四', rows, cells, resolved, [`${template.id}/四 read in column order`, ...notes]);
}

/** Cells of one group of section 四 (结果维持, 结果纠正, 其他结果, 尚未审结, 总计). */
const APPEAL_GROUP_CELLS = 5;
/** Header words at most between the 行政诉讼 groups' heading and their numbers (each a line of a narrow cell). */
const MAX_LATER_HEADER_LINES = 40;

/**
 * The numbers of section 四's two 行政诉讼 groups where a PDF's reading order printed them after the sections that
 * follow: a line holding 未经复议直接起诉 after `from`, then header words only, then ten numbers one per line and no
 * more before the next words. Undefined when the text holds no such stretch.
 */
function litigationDrawnApart(tokens: readonly LineToken[], from: number): LineToken[] | undefined {
  for (let index = from; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind !== 'text' || !token.text.includes('未经复议直接起诉')) continue;
    let next = index + 1;
    for (let header = 0; next < tokens.length && tokens[next]!.kind !== 'number' && header < MAX_LATER_HEADER_LINES; next++, header++) {
      const word = tokens[next]!;
      // Only the groups' headings and column labels, cut anywhere by a narrow cell ("结果纠" / "正").
      if (word.kind === 'text' && !/^[复议后起诉结果维持纠正其他尚未审总计合]+$/u.test(word.text)) return undefined;
    }
    const numbers: LineToken[] = [];
    while (next < tokens.length && tokens[next]!.kind !== 'text') {
      if (tokens[next]!.kind === 'number') numbers.push(tokens[next]!);
      next++;
    }
    return numbers.length === 2 * APPEAL_GROUP_CELLS && onePerLine(numbers) ? numbers : undefined;
  }
  return undefined;
}

/**
 * The blocks of the section's tokens, with notes on what could not be matched. `pageBreaks`: drop the page numbers
 * and repeated table headers page breaks put among the tokens first (section 三, whose rows never print a lone number).
 */
function blocksOf(context: SectionContext, pageBreaks = false) {
  const slice = context.tokens.slice(context.range[0], context.range[1]);
  const sectionTokens = pageBreaks ? withoutPageBreaks(slice) : slice;
  const grouped = rowBlocks(sectionTokens, context.specs);
  const rows = grouped.blocks.flatMap((block) => block.rows.map((row) => ({ spec: row.spec, tokens: block.numbers })));
  const notes = [...grouped.notes];
  if (grouped.unmatchedRows.length > 0) notes.push(`rows not read: ${grouped.unmatchedRows.join(', ')}`);
  return { rows, blocks: grouped.blocks, notes, unmatched: grouped.unmatchedRows };
}

/**
 * The combinations (one reading index per block) under which no column rule of section 三 fails. A virtual
 * (六)其他处理 row stands for the sum of the three sub-rows.
 */
function acceptedCombinations(context: SectionContext, blocks: readonly SolvedBlock[]): number[][] {
  const rules = context.template.rules.filter((rule) => rule.id.startsWith('flow.') || rule.id.startsWith('outcomes.'));
  if (blocks.some((block) => block.readings.length === 0)) return [];
  const total = blocks.reduce((product, block) => product * block.readings.length, 1);
  if (total > MAX_COMBINATIONS) return [];
  const accepted: number[][] = [];
  const choice = new Array<number>(blocks.length).fill(0);
  for (let combination = 0; combination < total; combination++) {
    let rest = combination;
    for (let index = 0; index < blocks.length; index++) {
      choice[index] = rest % blocks[index]!.readings.length;
      rest = Math.floor(rest / blocks[index]!.readings.length);
    }
    const values = new Map<string, number>();
    blocks.forEach((solved, index) => {
      const reading = solved.readings[choice[index]!]!;
      solved.block.rows.forEach((row, rowIndex) => {
        row.spec.fieldIds.forEach((fieldId, column) => {
          const value = solved.values[reading.cell[rowIndex]![column]!]!;
          if (!row.spec.virtual) {
            values.set(fieldId, value);
            return;
          }
          const columnKey = fieldId.slice(fieldId.lastIndexOf('.') + 1);
          OTHER_SUB_ROWS.forEach((subRow, subIndex) => values.set(`applications.${subRow}.${columnKey}`, subIndex === 0 ? value : 0));
        });
      });
    });
    const fails = rules.some((rule) => evaluateRule(rule, (id) => values.get(id)).outcome === 'fail');
    const checked = rules.some((rule) => evaluateRule(rule, (id) => values.get(id)).outcome === 'pass');
    if (!fails && checked) accepted.push([...choice]);
  }
  return accepted;
}

/** The cells of a block: read where every reading kept agrees, ambiguous where they differ. */
function blockCells(
  context: SectionContext,
  solved: SolvedBlock,
  readingIndexes: readonly number[],
  acceptedCount: number,
  whyUndecided: string,
  unconfirmedNote?: string,
): CellReading[] {
  const { text } = context;
  const cells: CellReading[] = [];
  const firstToken = solved.block.numbers[0]!;
  const lastToken = solved.block.numbers[solved.block.numbers.length - 1]!;
  solved.block.rows.forEach((row, rowIndex) => {
    if (row.spec.virtual) return;
    row.spec.fieldIds.forEach((fieldId, column) => {
      const byValue = new Map<number, number>();
      for (const readingIndex of readingIndexes) {
        const tokenIndex = solved.readings[readingIndex]!.cell[rowIndex]![column]!;
        const value = solved.values[tokenIndex]!;
        if (!byValue.has(value)) byValue.set(value, tokenIndex);
      }
      const place = { fieldId, layout: COLUMN_ORDER_LAYOUT, labelScore: row.labelScore };
      if (byValue.size === 1) {
        const token = solved.block.numbers[[...byValue.values()][0]!]!;
        const how = readingIndexes.length === 1
          ? `${solved.readings[readingIndexes[0]!]!.name}${acceptedCount > 0 ? ', confirmed by the rules (unique reading)' : ''}`
          : `same value in all ${readingIndexes.length} readings of the numbers`;
        const notes = unconfirmedNote ? [how, unconfirmedNote] : [how];
        const cell = solvedCell(text, { ...place, start: token.start, end: token.end, notes }, token.text, row.spec.units[column] ?? '');
        cells.push(solved.inconsistentRows ? { ...cell, support: { readings: 1, anchored: true, placement: 'position', bestFit: true } } : cell);
        return;
      }
      const alternatives = [...byValue.keys()].map(String);
      const readingNames = readingIndexes.map((index) => solved.readings[index]!.name);
      const note = `${row.spec.canonical}: the numbers printed one per line fit ${readingNames.length} readings (${readingNames.join('; ')}); ${whyUndecided}; this cell could be ${listAlternatives(alternatives)}`;
      cells.push(undecidedCell(text, { ...place, start: firstToken.start, end: lastToken.end, notes: [note] }, alternatives.join(' | ')));
    });
  });
  return cells;
}

/** Row by row, each row taking as many numbers as it has cells (rows of different widths). */
function sequentialReading(block: RowBlock): BlockReading {
  let next = 0;
  return { name: 'in printed order', cell: block.rows.map((row) => row.spec.fieldIds.map(() => next++)) };
}

/** The unit of the field the index-th number of a block falls in under row-by-row reading (amounts: 万元). */
function unitAt(block: RowBlock, index: number): string {
  let remaining = index;
  for (const row of block.rows) {
    if (remaining < row.spec.fieldIds.length) return row.spec.units[remaining] ?? '';
    remaining -= row.spec.fieldIds.length;
  }
  return '';
}

/** The number a token holds (a lone "I"/"l" is only ever a number token as the OCR'd 1 among a column's numbers). */
function numberValue(raw: string, unit: string): number {
  return readValue(raw, unit)?.value ?? Number.NaN;
}

function onePerLine(tokens: readonly LineToken[]): boolean {
  return new Set(tokens.map((token) => token.line)).size === tokens.length;
}

function rowList(block: RowBlock): string {
  return block.rows.map((row) => row.spec.key).join(', ');
}

function result(
  context: SectionContext,
  sectionId: NewFormatSection,
  rows: readonly { spec: GridRowSpec; tokens: readonly LineToken[] }[],
  cells: readonly CellReading[],
  confirmed: boolean,
  notes: string[],
): ParseResult {
  const { text, template, specs, tokens, range } = context;
  const first = tokens[range[0]];
  const lastNumbers = rows[rows.length - 1]?.tokens;
  const last = lastNumbers?.[lastNumbers.length - 1] ?? first;
  const span = first && last ? text.toOriginal(first.start, Math.max(first.end, last.end)) : { start: 0, end: 0 };
  return sectionResult({ template, sectionId, specs, span, cells, notes, confirmed });
}
