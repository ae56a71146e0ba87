import { describe, expect, it } from 'vitest';
import { compareWithGold } from '../../eval/compareWithGold.ts';
import { generateVariants } from '../../eval/garble/generateVariants.ts';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import { seededRandom } from '../../../test/support/seededRandom.ts';

describe('row labels split at any character, the values on the first line', () => {
  it('commits no value of another row (seeded: tab rows, a label cut after its first characters)', () => {
    const random = seededRandom(20261209);
    const wrong: string[] = [];
    for (const variant of generateVariants({ seed: 4816, count: 120, layouts: ['tab'], mode: 'single' })) {
      const text = new TextDecoder(variant.transformations.includes('gbk') ? 'gbk' : 'utf-8').decode(variant.bytes);
      // "行政许可\t396\t0\t181" as "行\t396\t0\t181" / "政许可": an independent renderer's labels split over lines.
      const split = text.split('\n').flatMap((line) => {
        const tab = line.indexOf('\t');
        if (tab < 3 || !/\d/u.test(line) || random.next() > 0.25) return [line];
        const at = random.integer(1, tab - 1);
        return [`${line.slice(0, at)}${line.slice(tab)}`, line.slice(at, tab)];
      });
      const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(split.join('\n')) });
      for (const miss of compareWithGold(result.record, variant.gold, result.buckets).wrongAuto) wrong.push(`${variant.name} ${miss.field}: expected ${miss.expected}, got ${miss.got}`);
    }
    expect(wrong).toEqual([]);
  });
});
