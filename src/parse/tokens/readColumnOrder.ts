import type { RuleDefinition } from '../../templates/TemplateDefinition.ts';
import { evaluateRule } from '../../validate/evaluateRule.ts';
import type { Anchor } from './chooseAnchors.ts';
import { readValue } from './readValue.ts';
import type { SkeletonRow } from './sectionSkeleton.ts';
import type { Token, ValueToken } from './Token.ts';

/** How the values after a block of row labels are laid onto the rows. */
export type BlockOrder = 'column' | 'row';

/** The values of a section printed after all its row labels, laid onto its cells in the one order the rules allow. */
export interface BlockReading {
  /** The value token of each field, by field id. */
  readonly tokens: ReadonlyMap<string, ValueToken>;
  readonly order: BlockOrder;
}

/**
 * Reads a section whose row labels were printed as one block and its values after them (a PDF's text in column
 * order: every label, then the first column's values top to bottom, then the next column's). When every row
 * with cells is anchored, no value stands between the labels, every row has the same number of cells and the
 * values after the block are exactly rows × cells, they are laid onto the cells column after column and row
 * after row; a reading counts only when every hard rule of the section holds on it (row sums and the column
 * rules across rows), and it is read only when one order gives such a reading, or both give the same values. Blank cells a PDF left
 * out make the count fall short: nothing is read then (which cells were blank is unknown).
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
  const values = tokens.slice(last.tokenIndex + 1, runEnd(last.tokenIndex)).filter((token): token is ValueToken => token.kind === 'value');
  if (values.length !== rows.length * cellCount) return undefined;
  const fieldIds = new Set(rows.flatMap((row) => row.fieldIds));
  const sectionRules = rules.filter((rule) => rule.severity === 'hard' && [...rule.left, ...rule.right].every((id) => fieldIds.has(id)));
  if (sectionRules.length === 0) return undefined;
  const readings: BlockReading[] = [];
  for (const order of ['column', 'row'] as const) {
    const placed = new Map<string, ValueToken>();
    rows.forEach((row, rowIndex) => {
      row.fieldIds.forEach((fieldId, cellIndex) => {
        placed.set(fieldId, values[order === 'column' ? cellIndex * rows.length + rowIndex : rowIndex * cellCount + cellIndex]!);
      });
    });
    const valueOf = (fieldId: string): number | null => {
      const token = placed.get(fieldId);
      return token ? (readValue(token.raw, unitOf(fieldId))?.value ?? null) : null;
    };
    if ([...placed.keys()].some((fieldId) => valueOf(fieldId) === null)) continue;
    if (sectionRules.every((rule) => evaluateRule(rule, valueOf).outcome === 'pass')) readings.push({ tokens: placed, order });
  }
  const [only, other] = readings;
  if (!only) return undefined;
  // Both orders hold only where the values do not tell them apart (all zeros, say): then they read the same.
  if (other && [...only.tokens].some(([fieldId, token]) => readValue(token.raw, unitOf(fieldId))?.value !== readValue(other.tokens.get(fieldId)!.raw, unitOf(fieldId))?.value)) return undefined;
  return only;
}
