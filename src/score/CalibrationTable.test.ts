import { describe, expect, it } from 'vitest';
import { committedCalibration, MAX_AUTO_ERROR, upperErrorBound } from './CalibrationTable.ts';
import { countBuckets, measureCalibration } from './measureCalibration.ts';

describe('upperErrorBound', () => {
  it('is 1 for a bucket never measured and falls with evidence: about 2,700 fields and none wrong reach 1 in 1,000', () => {
    expect(upperErrorBound(undefined)).toBe(1);
    expect(upperErrorBound({ fields: 0, wrong: 0 })).toBe(1);
    expect(upperErrorBound({ fields: 2600, wrong: 0 })).toBeGreaterThan(MAX_AUTO_ERROR);
    expect(upperErrorBound({ fields: 2800, wrong: 0 })).toBeLessThan(MAX_AUTO_ERROR);
    expect(upperErrorBound({ fields: 2800, wrong: 1 })).toBeGreaterThan(MAX_AUTO_ERROR);
    expect(upperErrorBound({ fields: 100, wrong: 100 })).toBe(1);
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

  it('the committed calibration names what it was measured on', () => {
    expect(committedCalibration.sources.length).toBeGreaterThan(0);
    expect(Object.keys(committedCalibration.buckets).length).toBeGreaterThan(0);
  });
});
