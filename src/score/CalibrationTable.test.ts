import { describe, expect, it } from 'vitest';
import { committedCalibration, MAX_AUTO_ERROR, upperErrorBound } from './CalibrationTable.ts';
import { countBuckets, measureCalibration, mergeRows } from './measureCalibration.ts';

describe('upperErrorBound', () => {
  it('is 1 for a bucket never measured and falls with evidence: about 2,700 fields and none wrong reach 1 in 1,000', () => {
    expect(upperErrorBound(undefined)).toBe(1);
    expect(upperErrorBound({ fields: 0, wrong: 0 })).toBe(1);
    expect(upperErrorBound({ fields: 2600, wrong: 0 })).toBeGreaterThan(MAX_AUTO_ERROR);
    expect(upperErrorBound({ fields: 2800, wrong: 0 })).toBeLessThan(MAX_AUTO_ERROR);
    expect(upperErrorBound({ fields: 2800, wrong: 1 })).toBeGreaterThan(MAX_AUTO_ERROR);
    expect(upperErrorBound({ fields: 100, wrong: 100 })).toBe(1);
  });

  it('keeps from auto a bucket one labelled set measures worse than the bar beyond chance, however many fields the others add', () => {
    // Real pdftotext output wrong 14 times in 1,461; the simulated layouts' 45,000 fields right.
    const pooled = { fields: 46_702, wrong: 14 };
    expect(upperErrorBound(pooled)).toBeLessThan(MAX_AUTO_ERROR);
    const bound = upperErrorBound({ ...pooled, parts: [{ fields: 1_461, wrong: 14 }, { fields: 45_241, wrong: 0 }] });
    expect(bound).toBeGreaterThan(0.005);
    expect(bound).toBeLessThan(14 / 1_461);
    // One wrong in a few hundred fields may be chance: the bucket stays auto.
    const chance = { fields: 46_702, wrong: 1, parts: [{ fields: 400, wrong: 1 }, { fields: 46_302, wrong: 0 }] };
    expect(upperErrorBound(chance)).toBeLessThan(MAX_AUTO_ERROR);
    expect(upperErrorBound({ fields: 10, wrong: 0, parts: [{ fields: 0, wrong: 0 }, { fields: 10, wrong: 0 }] })).toBe(upperErrorBound({ fields: 10, wrong: 0 }));
  });

  it('never falls below the measured rate, for any measure', () => {
    for (let fields = 1; fields < 5000; fields += 37) {
      for (const wrong of [0, 1, 2, Math.floor(fields / 3), fields]) {
        if (wrong > fields) continue;
        const bound = upperErrorBound({ fields, wrong });
        expect(bound).toBeGreaterThanOrEqual(wrong / fields - 1e-12);
        expect(bound).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('measureCalibration', () => {
  it('counts fields and wrong values per bucket, in bucket order whatever the input order', () => {
    const fields = [
      { bucket: 'b', right: true }, { bucket: 'a', right: false }, { bucket: 'b', right: false }, { bucket: 'a', right: true },
    ];
    expect(countBuckets(fields)).toEqual([{ bucket: 'a', fields: 2, wrong: 1 }, { bucket: 'b', fields: 2, wrong: 1 }]);
    const table = measureCalibration([...fields].reverse(), ['test']);
    expect(JSON.stringify(table)).toBe(JSON.stringify(measureCalibration(fields, ['test'])));
  });

  it('counts each labelled set apart, in the order of the sources', () => {
    const fields = [
      { bucket: 'a', right: true, source: 0 }, { bucket: 'a', right: false, source: 1 }, { bucket: 'a', right: true, source: 1 },
    ];
    expect(measureCalibration(fields, ['printed', 'variants']).buckets['a']).toEqual({ fields: 3, wrong: 1, parts: [{ fields: 1, wrong: 0 }, { fields: 2, wrong: 1 }] });
  });

  it('adds up the rows of disjoint shares (calibration workers) to the rows of the whole, however the fields were shared', () => {
    const buckets = ['a', 'b', 'c'];
    const fields = Array.from({ length: 60 }, (_, index) => ({ bucket: buckets[(index * 7) % 3]!, right: index % 5 !== 0, source: index % 2 }));
    const whole = countBuckets(fields, 2);
    for (const shares of [2, 3, 7]) {
      const counted = Array.from({ length: shares }, (_, share) => countBuckets(fields.filter((_, index) => index % shares === share), 2));
      expect(mergeRows(counted)).toEqual(whole);
    }
  });

  it('the committed calibration names what it was measured on', () => {
    expect(committedCalibration.sources.length).toBeGreaterThan(0);
    expect(Object.keys(committedCalibration.buckets).length).toBeGreaterThan(0);
  });
});
