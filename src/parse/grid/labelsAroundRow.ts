import type { GridRow } from './GridRow.ts';
import type { ColumnZoneLookup } from './findColumnZones.ts';
import { matchRowLabel, type RowIndex, type RowMatch } from './matchRowLabel.ts';
import { splitRowParts, type RowParts } from './splitRowParts.ts';
import type { HeaderTracker } from './trackHeaderPositions.ts';
import { parseLabelOrdinal } from '../list/compileListRows.ts';

// Row labels printed around their row rather than beside its numbers (readLabelledSection): above the numbers' line,
// below it, or begun on the line above a row printed blank. Each function finds the label joined from the lines
// around and matched to a row of the form, or nothing.

/** A row with labels and no filled value, held back: its label may continue on the next row. */
export interface HeldRow {
  readonly row: GridRow;
  readonly parts: RowParts;
  readonly labelTexts: readonly string[];
  /** True when the row is a row of the form printed with blank cells (read unless its label continues). */
  readonly isBlankRow: boolean;
  /** True when the row prints column labels (a header row: its labels never continue a row label). */
  readonly isHeader: boolean;
}

/** What reading a label around its row needs of the section being read. */
interface LabelContext {
  readonly index: RowIndex;
  readonly headers: HeaderTracker;
  readonly zones: ColumnZoneLookup | undefined;
}

/**
 * A line of numbers with no label, in aligned text (pdftotext -layout) under a label-only line: a label cell taller
 * than its row's numbers prints its lines above and below them ("一、本年新收政府信息公开申请数" / "4   3   7" /
 * "量"). The numbers are that label's when the label above, joined with a label-only line below if one follows,
 * names a row of the form and the header columns place the numbers by position; the line below is taken along
 * when the joined label names the row.
 */
export function labelAround(
  context: LabelContext,
  held: HeldRow,
  row: GridRow,
  parts: RowParts,
  next: GridRow | undefined,
): { labelTexts: readonly string[]; match: Extract<RowMatch, { kind: 'matched' }>; tail: boolean } | undefined {
  if (row.layout !== 'space-row' || parts.mixed || parts.filled === 0 || held.isHeader || held.isBlankRow || held.parts.values.length > 0) return undefined;
  const nextParts = next?.layout === 'space-row' ? splitRowParts(next) : undefined;
  const tailTexts = nextParts && nextParts.values.length === 0 && !nextParts.mixed && nextParts.labels.length > 0
    ? nextParts.labels.map((placed) => placed.cell.text) : undefined;
  const candidates: { labelTexts: readonly string[]; tail: boolean }[] = [
    ...(tailTexts && !tailTexts.some((text) => context.headers.isColumnLabel(text)) ? [{ labelTexts: [...held.labelTexts, ...tailTexts], tail: true }] : []),
    { labelTexts: held.labelTexts, tail: false },
  ];
  for (const candidate of candidates) {
    const match = matchRowLabel(candidate.labelTexts, context.index);
    if (match.kind !== 'matched') continue;
    // Only where the numbers can be placed under their columns by position: nothing else ties them to the label.
    if (!context.zones?.zonesAt(match.candidate.table, row.start)) return undefined;
    return { labelTexts: candidate.labelTexts, match, tail: candidate.tail };
  }
  return undefined;
}

/**
 * The label of a row printed blank that began on the label-only line held above it: the two joined, when together
 * they are a label of the form exactly and the row's own words alone are not (nor open a row with an ordinal).
 */
export function wrappedBlankLabel(
  context: LabelContext,
  held: HeldRow | undefined,
  labelTexts: readonly string[],
  match: RowMatch,
): { labelTexts: readonly string[]; match: Extract<RowMatch, { kind: 'matched' }> } | undefined {
  if (!held || held.isHeader || held.isBlankRow || held.parts.values.length > 0) return undefined;
  if (match.kind === 'matched' && match.score >= 1) return undefined;
  if (parseLabelOrdinal(labelTexts[0] ?? '').ordinal !== undefined) return undefined;
  const joinedTexts = [...held.labelTexts, ...labelTexts];
  const joined = matchRowLabel(joinedTexts, context.index);
  return joined.kind === 'matched' && joined.score >= 1 ? { labelTexts: joinedTexts, match: joined } : undefined;
}

/** How many label-only lines below a row's numbers its label may go on over. */
const MAX_LABEL_LINES_BELOW = 6;
/**
 * How like a row's label the label joined from below must be, where the numbers' line alone names no row: close (an
 * OCR'd character or two), since nothing else ties the lines below to it.
 */
const LIKE_LABEL_BELOW = 0.9;

/**
 * A row's label that goes on below the line of its numbers: a label cell printed top-aligned, taller than its row
 * ("（六）其他处理 1.申请人无正 0 0 0 …" / "当理由逾期不补" / "正、行政机关不" …). Where the label on the numbers' line
 * names no row of the form, or only by likeness, the label-only lines below are taken along, one by one, up to a line
 * that opens a row of its own (an ordinal) or prints column labels, while the joined label names a row better: closely
 * where the line alone named none, else exactly, or the same row by a closer likeness. Those lines are the label's,
 * and not read again.
 */
export function labelBelow(
  context: LabelContext,
  labelTexts: readonly string[],
  match: RowMatch,
  rows: readonly GridRow[],
  rowIndex: number,
): { labelTexts: readonly string[]; match: Extract<RowMatch, { kind: 'matched' }>; lines: number } | undefined {
  if (match.kind === 'matched' && match.score >= 1) return undefined;
  const last = labelTexts[labelTexts.length - 1];
  if (last === undefined) return undefined;
  const tails: string[] = [];
  let best: { labelTexts: readonly string[]; match: Extract<RowMatch, { kind: 'matched' }>; lines: number } | undefined;
  for (let offset = 1; offset <= MAX_LABEL_LINES_BELOW; offset++) {
    const next = rows[rowIndex + offset];
    if (!next) break;
    const nextParts = splitRowParts(next);
    if (nextParts.values.length > 0 || nextParts.mixed || nextParts.labels.length === 0) break;
    const texts = nextParts.labels.map((placed) => placed.cell.text);
    if (parseLabelOrdinal(texts[0] ?? '').ordinal !== undefined || texts.some((text) => context.headers.isColumnLabel(text))) break;
    tails.push(texts.join(''));
    const joinedTexts = [...labelTexts.slice(0, -1), last + tails.join('')];
    const joined = matchRowLabel(joinedTexts, context.index);
    if (joined.kind !== 'matched') continue;
    const better = match.kind === 'matched'
      ? joined.score >= 1 || (joined.candidate.row === match.candidate.row && joined.score > match.score)
      : joined.score >= LIKE_LABEL_BELOW;
    if (better && (!best || joined.score > best.match.score)) best = { labelTexts: joinedTexts, match: joined, lines: offset };
    if (joined.score >= 1) break;
  }
  return best;
}
