import { describe, expect, it } from 'vitest';
import { chance, createRandom, integer } from '../../eval/garble/random.ts';
import { gov2014 } from '../../templates/gov2014.ts';
import type { RuleDefinition } from '../../templates/TemplateDefinition.ts';
import { compileListRows } from './compileListRows.ts';
import { placeBlanksByRules, type BlankPlacement } from './placeBlanksByRules.ts';

const ROWS = compileListRows(gov2014.tables[0]!).flatMap((pattern) => (pattern.fieldId ? [pattern.fieldId] : []));
const SUM_RULES = gov2014.rules.filter((rule) => rule.kind === 'equal' && rule.severity === 'hard');

/** A filled-in form whose sums hold: parts drawn (many 0), totals added up, inner sums (拒绝 of 答复) first. */
function randomForm(next: () => number): Map<string, number> {
  const values = new Map(ROWS.map((fieldId) => [fieldId, chance(next, 0.5) ? 0 : integer(next, 1, 400)]));
  const innerFirst = [...SUM_RULES].sort((a, b) => Number(SUM_RULES.some((rule) => rule.right.includes(a.left[0]!))) - Number(SUM_RULES.some((rule) => rule.right.includes(b.left[0]!)))).reverse();
  for (const rule of innerFirst) values.set(rule.left[0]!, rule.right.reduce((sum, fieldId) => sum + values.get(fieldId)!, 0));
  return values;
}

const truthOf = (values: ReadonlyMap<string, number>, blank: ReadonlySet<string>) => (fieldId: string) => (blank.has(fieldId) ? 'blank' : values.get(fieldId)!);
const placedOf = (placement: BlankPlacement, printed: readonly number[], row: number) => {
  const place = placement.rows[row]!.placement;
  return 'blank' in place ? 'blank' : printed[place.valueIndex]!;
};

describe('placeBlanksByRules', () => {
  it('reads every row in turn when no row is blank', () => {
    const placement = placeBlanksByRules(['a', 'b', 'c'], [5, 2, 3], [{ id: 'a', kind: 'equal', severity: 'hard', left: ['a'], right: ['b', 'c'], description: '' }]);
    expect(placement?.readings).toBe(1);
    expect(placement?.rows.map((row) => row.settled)).toEqual([true, true, true]);
  });

  it('places a blank the sums tell, and leaves unsettled the rows whose blank any of them may be', () => {
    const rule: RuleDefinition = { id: 't', kind: 'equal', severity: 'hard', left: ['t'], right: ['p', 'q', 'r'], description: '' };
    // t = 9, printed 9 4 5 for t p q r: the blank is one of p, q, r, each reading holding 9 = 4 + 5.
    const open = placeBlanksByRules(['t', 'p', 'q', 'r'], [9, 4, 5], [rule])!;
    expect(open.readings).toBe(3);
    expect(open.rows.map((row) => row.settled)).toEqual([true, false, false, false]);
    // A row no rule binds before the sum: its blank shifts the sum's values, which fail, so the blank is the free row's.
    const free = placeBlanksByRules(['x', 't', 'p', 'q', 'r'], [9, 4, 2, 3], [rule])!;
    expect(free.readings).toBe(1);
    expect(free.rows.map((row) => row.settled)).toEqual([true, true, true, true, true]);
    expect('blank' in free.rows[0]!.placement).toBe(true);
    // No reading holds: nothing.
    expect(placeBlanksByRules(['t', 'p', 'q', 'r'], [9, 4, 4], [rule])).toBeUndefined();
  });

  it('never settles a row on a value other than the form printed (random gov-2014 forms, zeros printed blank)', () => {
    const next = createRandom(20261206);
    let settledRows = 0;
    let placed = 0;
    let manyBlanks = 0;
    for (let trial = 0; trial < 300; trial++) {
      const values = randomForm(next);
      // Some forms with a few zeros printed blank, some with nearly every zero blank (a PDF's value block of a quiet year).
      const blankShare = chance(next, 0.5) ? 0.3 : 0.95;
      const blank = new Set(ROWS.filter((fieldId) => values.get(fieldId) === 0 && chance(next, blankShare)));
      const printed = ROWS.filter((fieldId) => !blank.has(fieldId)).map((fieldId) => values.get(fieldId)!);
      const placement = placeBlanksByRules(ROWS, printed, gov2014.rules);
      // Too many blanks among too many zeros spend the search's work: nothing read, never a guess.
      if (placement === undefined) continue;
      placed++;
      if (blank.size > 12) manyBlanks++;
      const truth = truthOf(values, blank);
      ROWS.forEach((fieldId, row) => {
        if (!placement!.rows[row]!.settled) return;
        settledRows++;
        expect(placedOf(placement!, printed, row)).toBe(truth(fieldId));
      });
    }
    expect(placed).toBeGreaterThan(270);
    // The partial sums' bounds keep the search small with 20 or 30 blanks too.
    expect(manyBlanks).toBeGreaterThan(100);
    expect(settledRows).toBeGreaterThan(placed * ROWS.length * 0.2);
  });
});
