import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../templates/registry.ts';
import { placeByColumnLabels } from './placeByColumnLabels.ts';
import { placeByGroupNames } from './placeByGroupNames.ts';
import { sectionSkeleton } from './sectionSkeleton.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';

const template = findTemplate('gov-2021')!;
const appeals = sectionSkeleton(template, template.tables.filter((table) => table.id === '四'))[0]!;

const GROUPS = {
  reconsideration: '行政复议：结果维持1件，结果纠正0件，其他结果0件，尚未审结0件，总计1件。',
  direct: '行政诉讼（未经复议直接起诉）：结果维持2件，结果纠正0件，其他结果/，尚未审结1件，总计3件。',
  after: '行政诉讼（复议后起诉）：结果维持0件，结果纠正1件，其他结果0件，尚未审结0件，总计1件。',
};
const EXPECTED = ['1件', '0件', '0件', '0件', '1件', '2件', '0件', null, '1件', '3件', '0件', '1件', '0件', '0件', '1件'];

function raws(cells: ReturnType<typeof placeByColumnLabels>): (string | null)[] | undefined {
  return cells?.map((cell) => (cell.kind === 'value' ? cell.token.raw : null));
}

describe('section 四 read by the names of its groups', () => {
  it('reads the three groups as sentences in the form\'s order by the names of their cells', () => {
    const text = [GROUPS.reconsideration, GROUPS.direct, GROUPS.after].join('\n');
    expect(raws(placeByColumnLabels(tokeniseRegion(text, 0, text.length), appeals))).toEqual(EXPECTED);
  });

  it('places groups printed out of the form\'s order under their names, and never counts them off in order', () => {
    const text = [GROUPS.reconsideration, GROUPS.after, GROUPS.direct].join('\n');
    const tokens = tokeniseRegion(text, 0, text.length);
    // By column names alone the groups would be taken in turn: no reading.
    expect(placeByColumnLabels(tokens, appeals)).toBeUndefined();
    const [label, ...run] = tokens;
    const placed = placeByGroupNames(run, appeals, label);
    expect(placed.kind).toBe('placed');
    if (placed.kind !== 'placed') return;
    expect(placed.cells.map((cell) => (cell.kind === 'value' ? cell.token.raw : null))).toEqual(EXPECTED);
  });

  it('reads nothing from groups out of order whose values do not fit them one by one', () => {
    const text = [GROUPS.reconsideration, GROUPS.after.replace('总计1件', ''), GROUPS.direct].join('\n');
    const [label, ...run] = tokeniseRegion(text, 0, text.length);
    expect(placeByGroupNames(run, appeals, label).kind).toBe('out-of-order');
  });
});

describe('section 四 with a group\'s name cut by a line wrap', () => {
  it('places groups printed out of order under their names, one name cut over two lines (seed 4604, variant 909)', () => {
    const text = [GROUPS.reconsideration, GROUPS.after, GROUPS.direct.replace('直接起诉）', '直接起\n诉）')].join('\n');
    const placement = placeByGroupNames(tokeniseRegion(text, 0, text.length), appeals);
    expect(placement.kind).toBe('placed');
    if (placement.kind === 'placed') expect(raws(placement.cells)).toEqual(EXPECTED);
  });
});
