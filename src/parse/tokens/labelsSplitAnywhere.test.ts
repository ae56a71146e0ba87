import { describe, expect, it } from 'vitest';
import { compareWithGold } from '../../eval/compareWithGold.ts';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import { brokenVariants, splitLabels } from '../../../test/support/brokenVariants.ts';

describe('row labels split at any character, the values on the first line', () => {
  it('commits no value of another row (seeded: tab rows, a label cut after its first characters)', () => {
    const wrong: string[] = [];
    // "行政许可\t396\t0\t181" as "行\t396\t0\t181" / "政许可": an independent renderer's labels split over lines.
    for (const variant of brokenVariants('tab', 4816, 120, splitLabels)) {
      const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(variant.text) });
      for (const miss of compareWithGold(result.record, variant.gold, result.buckets).wrongAuto) wrong.push(`${variant.name} ${miss.field}: expected ${miss.expected}, got ${miss.got}`);
    }
    expect(wrong).toEqual([]);
  });
});
