import type { PlacedCell } from './placeRowValues.ts';
import { printedWord, type SkeletonRow } from './sectionSkeleton.ts';
import type { Token } from './Token.ts';
import { blankNames } from './placeByColumnLabels.ts';

/** A slash printed alone: between a group's heading and its name ("行政诉讼 / 未经复议直接起诉") it parts header levels. */
export const LEVEL_SLASH = /^[/／]$/u;

/** A group of a row's cells: its printed name and the cells it spans, in column order. */
interface CellGroup {
  readonly name: string;
  readonly first: number;
  readonly count: number;
}

/** The groups of a row's cells in column order (section 四: 行政复议, 未经复议直接起诉, 复议后起诉), empty when it has none. */
export function cellGroups(row: SkeletonRow): CellGroup[] {
  const groups: CellGroup[] = [];
  row.columnGroups.forEach((name, cell) => {
    const last = groups[groups.length - 1];
    if (name === undefined) return;
    if (last && last.name === name && last.first + last.count === cell) groups[groups.length - 1] = { ...last, count: last.count + 1 };
    else groups.push({ name, first: cell, count: 1 });
  });
  return groups;
}

/** The one group a text names ("行政诉讼（复议后起诉）" → 复议后起诉), by index; undefined when it names none or several. */
export function groupNamedBy(text: string, groups: readonly CellGroup[]): number | undefined {
  const word = printedWord(text);
  const named = groups.flatMap((group, index) => (word.includes(group.name) ? [index] : []));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * The group a text token names, or with the text token before it when neither names one alone: a line wrap may cut a
 * group's name ("行政诉讼（未经复议直接起⏎诉）结果维持0": seed 4604, variant 909, the row anchored at that name taking
 * its values for 行政复议's).
 */
export function groupNamedAt(run: readonly Token[], index: number, groups: readonly CellGroup[]): number | undefined {
  const token = run[index]!;
  if (token.kind !== 'text') return undefined;
  const alone = groupNamedBy(token.text, groups);
  if (alone !== undefined) return alone;
  const before = run[index - 1];
  if (before?.kind !== 'text' || groupNamedBy(before.text, groups) !== undefined) return undefined;
  return groupNamedBy(`${before.text}${token.text}`, groups);
}

/** What the group names printed in a row's run say about its values. */
export type GroupPlacement =
  | { readonly kind: 'placed'; readonly cells: PlacedCell[] }
  /** Groups named out of the form's order whose values do not fit them one by one: no count of the run is safe. */
  | { readonly kind: 'out-of-order' }
  | { readonly kind: 'none' };

/**
 * A row of several groups (section 四) whose run names each group before its values ("### 行政诉讼（复议后起诉）" over
 * its five cells), in whatever order the report prints them: each group's values are its cells, in order, when every
 * group is named once and holds exactly its count of values (a digit run standing for several cells run together
 * leaves its group short: nothing is placed). Groups named in an order other than the form's, which
 * cannot be placed so, leave the row unread: counting its values off in the form's order would put them in the
 * wrong groups.
 */
export function placeByGroupNames(run: readonly Token[], row: SkeletonRow, label?: Token): GroupPlacement {
  const groups = cellGroups(row);
  if (groups.length < 2) return { kind: 'none' };
  const valuesOf = new Map<number, PlacedCell[]>();
  const order: number[] = [];
  let current = label?.kind === 'text' ? groupNamedBy(label.text, groups) : undefined;
  if (current !== undefined) valuesOf.set(current, []);
  let valuesBeforeGroups = false;
  let repeated = false;
  for (const [index, token] of run.entries()) {
    if (token.kind === 'text') {
      const group = groupNamedAt(run, index, groups);
      if (group === undefined) {
        // A cell's name with a blank mark glued to it ("其他结果/") is that cell, blank.
        const keys = current === undefined ? [] : row.columnKeys.slice(groups[current]!.first, groups[current]!.first + groups[current]!.count);
        for (const blank of blankNames(token)) {
          if (keys.some((names) => [...names].some((name) => blank.label.endsWith(name)))) valuesOf.get(current!)!.push({ kind: 'empty', start: blank.at });
        }
        continue;
      }
      if (valuesOf.has(group) && (valuesOf.get(group)!.length > 0 || order.includes(group))) repeated = true;
      order.push(group);
      valuesOf.set(group, valuesOf.get(group) ?? []);
      current = group;
      continue;
    }
    if (token.kind === 'empty') return outOfOrder(order, label, groups);
    // A slash between a group's heading and its name parts the levels of a header.
    if (LEVEL_SLASH.test(token.raw) && run[index - 1]?.kind === 'text' && run[index + 1]?.kind === 'text') continue;
    if (current === undefined) valuesBeforeGroups = true;
    else valuesOf.get(current)!.push({ kind: 'value', token });
  }
  if (order.length < 2) return { kind: 'none' };
  const fits = !repeated && !valuesBeforeGroups && groups.every((group, index) => valuesOf.get(index)?.length === group.count);
  if (!fits) return outOfOrder(order, label, groups);
  const cells: PlacedCell[] = [];
  groups.forEach((_group, index) => cells.push(...valuesOf.get(index)!));
  return { kind: 'placed', cells };
}

function outOfOrder(order: readonly number[], label: Token | undefined, groups: readonly CellGroup[]): GroupPlacement {
  const first = label?.kind === 'text' ? groupNamedBy(label.text, groups) : undefined;
  const named = first === undefined ? order : [first, ...order];
  return named.some((group, index) => index > 0 && group < named[index - 1]!) ? { kind: 'out-of-order' } : { kind: 'none' };
}
