import { describe, expect, it } from 'vitest';
import { generateVariants } from '../../eval/garble/generateVariants.ts';
import { gov2021 } from '../../templates/gov2021.ts';
import { sectionOfTable } from '../../templates/newFormatTables.ts';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import { zerosApart } from './placeShortRows.ts';
import { sectionSkeleton } from './sectionSkeleton.ts';
import type { ValueToken } from './Token.ts';

const skeletonOf = (template: typeof gov2021, section: string) =>
  sectionSkeleton(template, template.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === section));
const appeals = skeletonOf(gov2021, '四')[0]!;
const newReceived = skeletonOf(gov2021, '三')[0]!;
const units = new Map(gov2021.fields.map((field) => [field.id, field.unit]));
const unitOf = (fieldId: string) => units.get(fieldId) ?? '';
const run = (raw: string): ValueToken => ({ kind: 'value', raw, start: 100, end: 100 + raw.length, line: 0, inCell: false, ordinalTail: false, glued: true });

describe('zerosApart', () => {
  it('reads a glued run of zeros as that many printed zeros, one a cell, in a row of several groups', () => {
    const apart = zerosApart([run('000')], appeals, unitOf)!;
    expect(apart.map((token) => [token.raw, token.start, token.end, token.glued])).toEqual([['0', 100, 101, false], ['0', 101, 102, false], ['0', 102, 103, false]]);
  });

  it('leaves alone a run with other digits, a run as long as the row, and a row whose one sum splits the run', () => {
    expect(zerosApart([run('010')], appeals, unitOf)).toEqual([run('010')]);
    expect(zerosApart([run('0'.repeat(15))], appeals, unitOf)).toEqual([run('0'.repeat(15))]);
    expect(zerosApart([run('000')], newReceived, unitOf)).toEqual([run('000')]);
    expect(zerosApart(undefined, appeals, unitOf)).toBeUndefined();
  });
});

/**
 * A flattened report (a random variant: flat-glued, its section 四 printing only its three totals, 0, the other cells
 * blank) with the run after 四's labels replaced by 2 to 6 zeros.
 */
function flattenedAppeals(zeros: number): string {
  const [variant] = generateVariants({ seed: 555001, count: 1, first: 7, layouts: ['flat-glued'] });
  const text = new TextDecoder().decode(variant!.bytes);
  const header = '结果维持结果纠正其他结果尚未审结总计000五、';
  expect(text).toContain(header);
  return text.replace(header, `${header.slice(0, -5)}${'0'.repeat(zeros)}五、`);
}

describe('a flattened section 四 printing only zeros among blanks', () => {
  it('is read whole: every cell 0 (printed, or blank where the sums leave 0 or nothing), none left to review', () => {
    for (let zeros = 2; zeros <= 6; zeros++) {
      const result = extractDocument({ name: `appeals-${zeros}.txt`, bytes: Buffer.from(flattenedAppeals(zeros), 'utf8') });
      const fields = result.record.fields.filter((field) => /^(?:reconsideration|litigation)/u.test(field.id));
      expect(fields, `${zeros} zeros`).toHaveLength(15);
      expect(fields.filter((field) => field.status !== 'auto' || field.value !== 0).map((field) => field.id), `${zeros} zeros`).toEqual([]);
    }
  });
});
