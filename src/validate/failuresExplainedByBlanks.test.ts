import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/support/seededRandom.ts';
import type { RuleDefinition } from '../templates/TemplateDefinition.ts';
import { checkRules } from './checkRules.ts';
import { failuresExplainedByBlanks, notInDoubtForBlanks } from './failuresExplainedByBlanks.ts';

const row: RuleDefinition = { id: 'row', kind: 'equal', severity: 'hard', left: ['t'], right: ['a', 'b', 'c'], description: 't = a + b + c' };
const column: RuleDefinition = { id: 'column', kind: 'equal', severity: 'hard', left: ['T'], right: ['a', 'x'], description: 'T = a + x' };

const lookup = (map: Record<string, number | null>) => (id: string) => map[id];
const blank = (map: Record<string, number | null>) => (id: string) => map[id] === null;

describe('failuresExplainedByBlanks', () => {
  it('explains a blank total beside printed parts by the total alone', () => {
    const values = { t: null, a: 258, b: 12, c: null };
    const explained = failuresExplainedByBlanks([row], lookup(values), blank(values));
    expect([...(explained.get('row') ?? [])]).toEqual(['t']);
    expect(notInDoubtForBlanks('a', [row], explained)).toBe(true);
    expect(notInDoubtForBlanks('c', [row], explained)).toBe(true);
    expect(notInDoubtForBlanks('t', [row], explained)).toBe(false);
  });

  it('explains nothing where the short side has no blank, or a cell is unread', () => {
    const over = { t: 300, a: 258, b: 12, c: null };
    expect(failuresExplainedByBlanks([row], lookup(over), blank(over)).size).toBe(1);
    const under = { t: 200, a: 258, b: 12, c: null };
    expect(failuresExplainedByBlanks([row], lookup(under), blank(under)).size).toBe(0);
    const unread = { t: null, a: 258, b: 12, c: null };
    expect(failuresExplainedByBlanks([row], lookup(unread), (id) => id === 'c').size).toBe(0);
  });

  it('explains a failure only by blanks on the short side, whose counts could make the sum hold (seeded)', () => {
    const random = seededRandom(20261205);
    let explainedCount = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const cell = () => (random.chance(0.35) ? null : random.integer(0, 20));
      const values: Record<string, number | null> = { t: cell(), a: cell(), b: cell(), c: cell() };
      const explained = failuresExplainedByBlanks([row], lookup(values), blank(values)).get('row');
      if (explained === undefined) continue;
      explainedCount++;
      const known = (ids: readonly string[]) => ids.reduce((sum, id) => sum + (values[id] ?? 0), 0);
      const totalShort = explained.has('t');
      const [short, long] = totalShort ? [row.left, row.right] : [row.right, row.left];
      expect(known(short)).toBeLessThan(known(long));
      for (const id of explained) expect(short).toContain(id);
      for (const id of explained) expect(values[id]).toBeNull();
    }
    expect(explainedCount).toBeGreaterThan(100);
  });
});

describe('checkRules with a blank total', () => {
  it('lets the printed parts of a row whose total is blank prove a blank of their column 0', () => {
    const values = { t: null, a: 5, b: 1, c: null, T: 5, x: null };
    const eligible = { printed: (id: string) => values[id as keyof typeof values] !== null, blank: (id: string) => values[id as keyof typeof values] === null };
    const check = checkRules([row, column], lookup(values), eligible);
    expect(check.provenZeros.has('x')).toBe(true);
    // The blank total stays blank and in doubt: nothing fills it.
    expect(check.provenZeros.has('t')).toBe(false);
    expect(check.fields.get('t')?.failedHard.map((rule) => rule.id)).toEqual(['row']);
  });
});
