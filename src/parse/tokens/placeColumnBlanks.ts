import type { RuleDefinition } from '../../templates/TemplateDefinition.ts';

/** Where a cell's value stands in one reading: the index of a printed value, a blank, or either (a 0 printed or not). */
export const BLANK = -1;
/** Readings alike in every number differ here only in whether a 0 is printed or left blank. */
export const ZERO_OR_BLANK = -2;

/** Every reading's verdict on one cell: the places it takes in the readings that hold, one entry per distinct place. */
export interface PlacedCell {
  /** Value indexes (or BLANK / ZERO_OR_BLANK) the cell takes in some reading, first reading's first. */
  readonly places: readonly number[];
}

export interface ColumnBlankPlacement {
  /** By row, by column: the places each cell takes. */
  readonly cells: readonly (readonly PlacedCell[])[];
  /** Readings that hold every rule, counted up to a bound (distinct in their numbers). */
  readonly readings: number;
  /** The first reading's place of each cell (by row, by column): the one proposed where readings differ. */
  readonly first: readonly (readonly number[])[];
}

export interface ColumnBlankLimits {
  /** Distinct number columns kept per column and start (each a way to lay that column). */
  readonly columnOptions: number;
  /** Steps of the search over all columns. */
  readonly work: number;
}

const DEFAULT_LIMITS: ColumnBlankLimits = { columnOptions: 400, work: 1_000_000 };

/**
 * Places a grid section's values printed in column order (a PDF's text block by block: the first column's values top to
 * bottom, then the next column's) when the PDF left the blank cells out, so that nothing shows where a column ends or
 * which rows its blanks were. Each column's rows take the next value or stay blank; a column's own rules (一 + 二 =
 * (七) + 四, (七) = its outcomes) bound each column, and the last column, the rows' totals, must hold every row's sum of
 * the others. Blanks are 0 in every rule (a blank is the form's 0, counts are never negative). Every reading that
 * holds all the rules is found: first each way to lay the totals column at the end of the values, then for each the
 * part columns in turn, their partial row sums never above the totals. A cell is settled when every reading gives it
 * the same number. Returns undefined when the section's rules are not of that shape (a column rule, or the totals
 * column's row sums), no reading holds, or the search exceeds its limits.
 */
export function placeColumnBlanks(
  grid: readonly (readonly string[])[],
  values: readonly number[],
  rules: readonly RuleDefinition[],
  limits: ColumnBlankLimits = DEFAULT_LIMITS,
): ColumnBlankPlacement | undefined {
  const rowCount = grid.length;
  const columnCount = grid[0]?.length ?? 0;
  if (rowCount < 2 || columnCount < 2 || grid.some((row) => row.length !== columnCount)) return undefined;
  if (values.length > rowCount * columnCount || values.some((value) => value < 0)) return undefined;
  const shape = ruleShape(grid, rules);
  if (!shape) return undefined;
  const budget = { work: limits.work };
  const totalsColumn = columnCount - 1;

  // The ways to lay column `column` from value `from` on, each row's number at most its bound (a part column's row
  // is never above its total), memoised per bounds (a column's rules are its own).
  const optionsMemo = new Map<string, ColumnOption[] | null>();
  const optionsOf = (column: number, from: number, bounds: readonly number[] | undefined, boundsKey: number): ColumnOption[] | null => {
    const key = `${column} ${from} ${boundsKey}`;
    if (optionsMemo.has(key)) return optionsMemo.get(key)!;
    const options = layColumn(rowCount, values, from, shape.columnRules[column]!, bounds, limits.columnOptions, budget);
    optionsMemo.set(key, options);
    return options;
  };

  const readings: Reading[] = [];
  let exceeded = false;
  // The totals column ends the values (a column holds a value a row at most): each start of it whose laying takes
  // every value left is a candidate.
  for (let start = Math.max(0, values.length - rowCount); start <= values.length && !exceeded; start++) {
    const totals = optionsOf(totalsColumn, start, undefined, -1);
    if (totals === null) {
      exceeded = true;
      break;
    }
    for (const [totalIndex, total] of totals.entries()) {
      if (total.end !== values.length) continue;
      const found = layParts(total, start, start * (rowCount * columnCount + 1) + totalIndex);
      if (found === null) {
        exceeded = true;
        break;
      }
      readings.push(...found);
    }
  }
  if (exceeded || readings.length === 0) return undefined;

  // The part columns 0 … totalsColumn − 1 from value 0 to `start`, their row sums the totals' numbers.
  function layParts(total: ColumnOption, start: number, totalKey: number): Reading[] | null {
    const found: Reading[] = [];
    const walk = (column: number, from: number, sums: number[], chosen: ColumnOption[]): boolean => {
      if (--budget.work < 0) return false;
      if (column === totalsColumn) {
        if (from === start && sums.every((sum, row) => Math.abs(sum - total.numbers[row]!) <= EPSILON)) found.push([...chosen, total]);
        return found.length <= READINGS_KEPT;
      }
      const options = optionsOf(column, from, total.numbers, totalKey);
      if (options === null) return false;
      for (const option of options) {
        if (--budget.work < 0) return false;
        if (option.end > start) continue;
        const next = sums.map((sum, row) => sum + option.numbers[row]!);
        if (next.some((sum, row) => sum > total.numbers[row]! + EPSILON)) continue;
        // The last part column must bring every row to its total.
        if (column === totalsColumn - 1 && option.end !== start) continue;
        chosen.push(option);
        const going = walk(column + 1, option.end, next, chosen);
        chosen.pop();
        if (!going) return false;
      }
      return true;
    };
    return walk(0, 0, Array.from({ length: rowCount }, () => 0), []) ? found : null;
  }

  const cells = grid.map((row, rowIndex) => row.map((_, column) => {
    const places: number[] = [];
    for (const reading of readings) {
      const place = reading[column]!.places[rowIndex]!;
      if (!places.includes(place)) places.push(place);
    }
    return { places };
  }));
  const first = grid.map((row, rowIndex) => row.map((_, column) => readings[0]![column]!.places[rowIndex]!));
  return { cells, readings: readings.length, first };
}

/** One reading: a laying of each column, in column order. */
type Reading = readonly ColumnOption[];

/** Readings kept at most: more leave every cell the zeros do not settle in doubt anyway. */
const READINGS_KEPT = 2_000;
const EPSILON = 1e-6;

/** One way to lay a column: its numbers by row, the place of each row's value, and the value index after it. */
interface ColumnOption {
  readonly numbers: readonly number[];
  readonly places: readonly number[];
  readonly end: number;
}

/** A column rule as rows of the column: left and right sides, its kind, and the row where it is checked. */
interface ColumnRule {
  readonly kind: RuleDefinition['kind'];
  readonly left: readonly number[];
  readonly right: readonly number[];
}

/**
 * The section's rules as rules of single columns (the same rule for every column) and the totals column's row sums;
 * undefined when a rule is of neither shape or a row has no sum into the last column.
 */
function ruleShape(grid: readonly (readonly string[])[], rules: readonly RuleDefinition[]): { columnRules: ColumnRule[][] } | undefined {
  const place = new Map<string, { row: number; column: number }>();
  grid.forEach((row, rowIndex) => row.forEach((fieldId, column) => place.set(fieldId, { row: rowIndex, column })));
  const columnCount = grid[0]!.length;
  const columnRules: ColumnRule[][] = Array.from({ length: columnCount }, () => []);
  const summedRows = new Set<number>();
  for (const rule of rules) {
    if (rule.severity !== 'hard') continue;
    const cells = [...rule.left, ...rule.right].map((fieldId) => place.get(fieldId));
    if (cells.some((cell) => cell === undefined)) continue;
    const placed = cells as { row: number; column: number }[];
    const columns = new Set(placed.map((cell) => cell.column));
    const rows = new Set(placed.map((cell) => cell.row));
    if (columns.size === 1) {
      const rowOf = (fieldId: string) => place.get(fieldId)!.row;
      columnRules[placed[0]!.column]!.push({ kind: rule.kind, left: rule.left.map(rowOf), right: rule.right.map(rowOf) });
      continue;
    }
    // A row's total: the last column on one side, every other column of the row on the other.
    if (rows.size !== 1 || rule.kind !== 'equal') return undefined;
    const [total, parts] = rule.left.length === 1 ? [rule.left, rule.right] : [rule.right, rule.left];
    if (total.length !== 1 || place.get(total[0]!)!.column !== columnCount - 1 || parts.length !== columnCount - 1) return undefined;
    summedRows.add(placed[0]!.row);
  }
  if (summedRows.size !== grid.length) return undefined;
  return { columnRules };
}

/**
 * Every way to lay one column from value `from` on (each row the next value or blank), its rules holding with blanks
 * as 0, distinct in numbers and end: ways that differ only in which 0 is printed and which left blank are one, the
 * cell ZERO_OR_BLANK. Null when they exceed `cap` or the work budget runs out.
 */
function layColumn(
  rowCount: number,
  values: readonly number[],
  from: number,
  rules: readonly ColumnRule[],
  bounds: readonly number[] | undefined,
  cap: number,
  budget: { work: number },
): ColumnOption[] | null {
  // Each rule as row weights (+1 left, −1 right): its running difference must end 0 (equal) or ≤ 0 (at most).
  // A side laid whole bounds the other (counts are never negative), and so does a rule with one cell a sum of another
  // rule's cells written out (一 + 二 = (七) + 四 with (七) = its outcomes: the outcomes never pass 一 + 二).
  const checks = withSubstitutions(rules).map((rule) => {
    const weight = new Map<number, number>();
    for (const row of rule.left) weight.set(row, (weight.get(row) ?? 0) + 1);
    for (const row of rule.right) weight.set(row, (weight.get(row) ?? 0) - 1);
    return {
      kind: rule.kind,
      weight,
      last: Math.max(...rule.left, ...rule.right),
      leftDone: Math.max(...rule.left),
      rightDone: Math.max(...rule.right),
    };
  });
  const memo = new Map<string, ColumnOption[] | null>();
  const lay = (row: number, index: number, differences: readonly number[]): ColumnOption[] | null => {
    if (row === rowCount) return [{ numbers: [], places: [], end: index }];
    const key = `${row} ${index} ${differences.join(' ')}`;
    if (memo.has(key)) return memo.get(key)!;
    if (--budget.work < 0) return null;
    const merged = new Map<string, { numbers: number[]; places: number[]; end: number }>();
    for (const blank of [false, true]) {
      if (!blank && index === values.length) continue;
      const value = blank ? 0 : values[index]!;
      if (bounds !== undefined && value > bounds[row]! + EPSILON) continue;
      const next = differences.map((difference, at) => difference + value * (checks[at]!.weight.get(row) ?? 0));
      if (!checks.every((check, at) => holdsSoFar(check, row, next[at]!))) continue;
      const rest = lay(row + 1, blank ? index : index + 1, next);
      if (rest === null) return null;
      for (const option of rest) {
        // Each option carried up a row is a step: the work bound holds the time, whatever the options merge into.
        if (--budget.work < 0) return null;
        const numbers = [value, ...option.numbers];
        const key2 = `${option.end} ${numbers.join(' ')}`;
        const place = blank ? BLANK : index;
        const known = merged.get(key2);
        if (known) {
          // The same numbers and end another way: a 0 printed in one, blank in the other, here or further down. (Two
          // printed values alike may also trade places: the numbers agree, the first one's place stands.)
          [place, ...option.places].forEach((other, offset) => {
            if (known.places[offset] !== other && numbers[offset] === 0) known.places[offset] = ZERO_OR_BLANK;
          });
          continue;
        }
        merged.set(key2, { numbers, places: [place, ...option.places], end: option.end });
        if (merged.size > cap) return null;
      }
    }
    const options = [...merged.values()];
    memo.set(key, options);
    return options;
  };
  return lay(0, from, checks.map(() => 0));
}

function holdsSoFar(check: { kind: RuleDefinition['kind']; last: number; leftDone: number; rightDone: number }, row: number, difference: number): boolean {
  if (row === check.last) return check.kind === 'equal' ? Math.abs(difference) <= EPSILON : difference <= EPSILON;
  // Left laid whole: the right side so far cannot pass it (difference ≥ 0); right laid whole: nor the left (≤ 0).
  if (row >= check.leftDone && check.kind === 'equal' && difference < -EPSILON) return false;
  if (row >= check.rightDone && difference > EPSILON) return false;
  return true;
}

/** The rules, and each equality with a one-cell side written out as another equality's other side. */
function withSubstitutions(rules: readonly ColumnRule[]): ColumnRule[] {
  const all: ColumnRule[] = [...rules];
  for (const rule of rules) {
    if (rule.kind !== 'equal') continue;
    for (const sum of rules) {
      if (sum === rule || sum.kind !== 'equal' || sum.left.length !== 1) continue;
      const cell = sum.left[0]!;
      const swap = (side: readonly number[]) => (side.includes(cell) ? [...side.filter((row) => row !== cell), ...sum.right] : undefined);
      const left = swap(rule.left);
      const right = swap(rule.right);
      if (left) all.push({ kind: 'equal', left, right: rule.right });
      if (right) all.push({ kind: 'equal', left: rule.left, right });
    }
  }
  return all;
}
