import { describe, expect, it } from 'vitest';
import { gov2021 } from '../templates/gov2021.ts';
import type { RuleDefinition } from '../templates/TemplateDefinition.ts';
import { findSwappableCells } from './findSwappableCells.ts';

const sum = (id: string, total: string, parts: string[]): RuleDefinition => ({ id, kind: 'equal', severity: 'hard', left: [total], right: parts, description: id });

describe('findSwappableCells', () => {
  const rules = [sum('row', 'total', ['a', 'b', 'c'])];

  it('finds the parts of one sum that differ in value: a swap leaves the sum holding', () => {
    const values = new Map<string, number | null>([['a', 38], ['b', 46], ['c', 120], ['total', 204]]);
    expect([...findSwappableCells({ rules, groups: [['a', 'b', 'c', 'total']], valueOf: (id) => values.get(id) }).values()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('leaves parts that print the same value, blanks, cells in no rule and cells of other groups', () => {
    const values = new Map<string, number | null>([['a', 0], ['b', 0], ['c', null], ['total', 0], ['x', 5]]);
    expect(findSwappableCells({ rules, groups: [['a', 'b', 'c', 'total', 'x']], valueOf: (id) => values.get(id) }).size).toBe(0);
    const differing = new Map<string, number | null>([['a', 1], ['b', 2], ['c', 3], ['total', 6]]);
    expect(findSwappableCells({ rules, groups: [['a'], ['b'], ['c', 'total']], valueOf: (id) => differing.get(id) }).size).toBe(0);
  });

  it('leaves cells a swap would move between two sums (a row sum and a column sum)', () => {
    const grid = [sum('row1', 't1', ['a1', 'b1']), sum('row2', 't2', ['a2', 'b2']), sum('colA', 'ta', ['a1', 'a2']), sum('colB', 'tb', ['b1', 'b2'])];
    const values = new Map<string, number>([['a1', 1], ['b1', 2], ['a2', 3], ['b2', 4], ['t1', 3], ['t2', 7], ['ta', 4], ['tb', 6]]);
    expect(findSwappableCells({ rules: grid, groups: [[...values.keys()]], valueOf: (id) => values.get(id) }).size).toBe(0);
  });

  it('ignores soft rules: a swap breaks no hard rule however many warnings stand on the cells', () => {
    const soft: RuleDefinition = { id: 'soft', kind: 'atMost', severity: 'soft', left: ['a'], right: ['total'], description: 'soft' };
    const values = new Map<string, number>([['a', 1], ['b', 2], ['c', 3], ['total', 6]]);
    expect(findSwappableCells({ rules: [...rules, soft], groups: [['a', 'b', 'c']], valueOf: (id) => values.get(id) }).size).toBe(3);
  });

  it('finds the parts of gov-2021 section 四 from the template\'s own rules', () => {
    const direct = ['litigationDirect.upheld', 'litigationDirect.corrected', 'litigationDirect.other', 'litigationDirect.pending', 'litigationDirect.total'];
    const values = new Map<string, number>(direct.map((id, index) => [id, [38, 46, 120, 35, 239][index]!]));
    expect([...findSwappableCells({ rules: gov2021.rules, groups: [direct], valueOf: (id) => values.get(id) })].sort()).toEqual(direct.slice(0, 4).sort());
  });
});
