import { describe, expect, it } from 'vitest';
import { chance, createRandom, integer } from '../../eval/garble/random.ts';
import { gov2019 } from '../../templates/gov2019.ts';
import { gridRowSpecs } from '../grid/glued/gridRowSpecs.ts';
import { BLANK, placeColumnBlanks } from './placeColumnBlanks.ts';

const GRID = gridRowSpecs(gov2019, '三').filter((row) => row.virtual !== true).map((row) => row.fieldIds);
const HARD = gov2019.rules.filter((rule) => rule.severity === 'hard');

/** A filled-in section 三 whose sums hold: most cells 0, sums written in until every rule holds (undefined if not). */
function randomSection(next: () => number): Map<string, number> | undefined {
  const values = new Map(GRID.flat().map((fieldId) => [fieldId, chance(next, 0.7) ? 0 : integer(next, 1, 30)]));
  const sum = (fieldIds: readonly string[]) => fieldIds.reduce((total, fieldId) => total + (values.get(fieldId) ?? 0), 0);
  for (let pass = 0; pass < 6; pass++) {
    for (const rule of HARD) {
      if (rule.left.length === 1) values.set(rule.left[0]!, sum(rule.right));
      else {
        // 一 + 二 = (七) + 四: 一 takes what the others leave, or 四 grows.
        const rest = sum(rule.right) - sum(rule.left.slice(1));
        if (rest >= 0) values.set(rule.left[0]!, rest);
        else values.set(rule.right[rule.right.length - 1]!, (values.get(rule.right[rule.right.length - 1]!) ?? 0) - rest);
      }
    }
  }
  const holds = HARD.every((rule) => [...rule.left, ...rule.right].every((fieldId) => values.has(fieldId)) ? sum(rule.left) === sum(rule.right) : true);
  return holds ? values : undefined;
}

describe('placeColumnBlanks', () => {
  it('never settles a cell on a number other than the form printed (random sections, zeros left out of a column-order block)', () => {
    const next = createRandom(20261207);
    let placed = 0;
    let settled = 0;
    for (let trial = 0; trial < 24; trial++) {
      const values = randomSection(next);
      if (!values) continue;
      const blank = new Set([...values].filter(([, value]) => value === 0 && chance(next, 0.15)).map(([fieldId]) => fieldId));
      // Column after column, the blank cells left out.
      const printed: number[] = [];
      for (let column = 0; column < GRID[0]!.length; column++) {
        for (const row of GRID) if (!blank.has(row[column]!)) printed.push(values.get(row[column]!)!);
      }
      const placement = placeColumnBlanks(GRID, printed, gov2019.rules);
      // Too many readings for the search's work: nothing read, never a guess.
      if (!placement) continue;
      placed++;
      GRID.forEach((row, rowIndex) => row.forEach((fieldId, column) => {
        const numbers = new Set(placement.cells[rowIndex]![column]!.places.map((place) => (place < 0 ? 0 : printed[place]!)));
        if (numbers.size !== 1) return;
        settled++;
        expect([...numbers][0]).toBe(values.get(fieldId));
      }));
      // The first reading lays every cell: a number where the form has one, or 0 or blank.
      expect(placement.first.flat().every((place) => place === BLANK || place < 0 || place < printed.length)).toBe(true);
    }
    expect(placed).toBeGreaterThan(10);
    expect(settled).toBeGreaterThan(placed * GRID.flat().length * 0.8);
  });

  it('reads nothing from rules of another shape', () => {
    // Only the column sums, no row totals: a column's end is not bound by anything across the columns.
    const columnRulesOnly = gov2019.rules.filter((rule) => !rule.left[0]!.endsWith('.total') || rule.left.length > 1 || rule.right.every((fieldId) => fieldId.endsWith('.total')));
    expect(placeColumnBlanks(GRID, [1, 1, 0], columnRulesOnly)).toBeUndefined();
  });
});
