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

  it('holds a row that took the values of a row whose label the split left unread (seed 9, the two variants that had)', () => {
    const wrong: string[] = [];
    // "3\t264\t12…" / ".其他" then "（ 七\t1139\t48…" / "） 总 计": 3.其他 read the total row's values, its row sum
    // holding, the blank total the one suspect of the failing column sums; and "8.\t\t…" / "属于行政查询事项" took the
    // values of the row below, which read them too.
    for (const variant of brokenVariants('tab', 9, 85, splitLabels)) {
      if (!/^00(?:75|84)_/u.test(variant.name)) continue;
      const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(variant.text) });
      for (const miss of compareWithGold(result.record, variant.gold, result.buckets).wrongAuto) wrong.push(`${variant.name} ${miss.field}: expected ${miss.expected}, got ${miss.got}`);
    }
    expect(wrong).toEqual([]);
  });

  it('anchors no row on another row\'s ordinal head ("3" / ".其他" / "（七\t162…" / "）总计", seed 219 variant 109)', () => {
    // 3.其他's label joined on over "（七" and anchored there: the 总计 row's 162 … 167 read as its own, its sum holding.
    const variant = [...brokenVariants('tab', 221, 110, splitLabels)].find((candidate) => candidate.name.startsWith('0109_'))!;
    const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(variant.text) });
    expect(compareWithGold(result.record, variant.gold, result.buckets).wrongAuto).toEqual([]);
  });

  it('joins no piece without words to the row above ("（" of "（\t7\t6…" / "七）总计", seed 63, variant 119)', () => {
    const variant = [...brokenVariants('tab', 63, 120, splitLabels)].find((candidate) => candidate.name.startsWith('0119_'))!;
    const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(variant.text) });
    expect(compareWithGold(result.record, variant.gold, result.buckets).wrongAuto).toEqual([]);
  });
});
