import { describe, expect, it } from 'vitest';
import type { RuleDefinition } from '../../templates/TemplateDefinition.ts';
import { pruneByRules } from './pruneByRules.ts';

const sum = (id: string, left: string[], right: string[]): RuleDefinition => ({ id, kind: 'equal', severity: 'hard', left, right, description: id });

describe('pruneByRules', () => {
  // Two rows of two parts and a total, tied by a column rule: a.x + b.x = c.x.
  const rules = [sum('row.a', ['a.t'], ['a.x', 'a.y']), sum('row.b', ['b.t'], ['b.x', 'b.y']), sum('col.x', ['a.x', 'b.x'], ['c.x'])];

  it('keeps the candidates of a row that the other rows can complete, and drops the rest', () => {
    const survivors = pruneByRules([
      { fieldIds: ['a.x', 'a.y', 'a.t'], candidates: [[5, 0, 5], [0, 5, 5]] },
      { fieldIds: ['b.x', 'b.y', 'b.t'], candidates: [[0, 0, 0]] },
      { fieldIds: ['c.x'], candidates: [[5]] },
    ], rules);
    expect(survivors).toEqual([[0], [0], [0]]);
  });

  it('leaves a rule out when one of its cells belongs to no row (nothing read there can tell)', () => {
    const survivors = pruneByRules([
      { fieldIds: ['a.x', 'a.y', 'a.t'], candidates: [[5, 0, 5], [0, 5, 5]] },
      { fieldIds: ['b.x', 'b.y', 'b.t'], candidates: [[0, 0, 0]] },
    ], rules);
    expect(survivors).toEqual([[0, 1], [0]]);
  });

  it('returns undefined when the rows as read contradict the rules', () => {
    expect(pruneByRules([
      { fieldIds: ['a.x', 'a.y', 'a.t'], candidates: [[5, 0, 5]] },
      { fieldIds: ['b.x', 'b.y', 'b.t'], candidates: [[0, 0, 0]] },
      { fieldIds: ['c.x'], candidates: [[4]] },
    ], rules)).toBeUndefined();
  });

  it('compares amounts with six decimals exactly', () => {
    const amounts = [sum('amount', ['t'], ['p', 'q'])];
    expect(pruneByRules([{ fieldIds: ['p', 'q', 't'], candidates: [[0.1, 0.2, 0.3], [0.1, 0.2, 0.4]] }], amounts)).toEqual([[0]]);
  });
});
