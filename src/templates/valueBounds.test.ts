import { describe, expect, it } from 'vitest';
import { impossibleValue, isSignedField } from './valueBounds.ts';

describe('impossibleValue', () => {
  it('allows a negative value only in 本年增/减, decimals only in amounts (万元)', () => {
    expect(isSignedField('disclosure.licensing.change')).toBe(true);
    expect(impossibleValue('disclosure.licensing.change', '项', -3)).toBeNull();
    expect(impossibleValue('disclosure.licensing.decisions', '项', -2820294)).toBe('negative');
    expect(impossibleValue('disclosure.fees.amount', '万元', -1)).toBe('negative');
    expect(impossibleValue('disclosure.fees.amount', '万元', 26.71)).toBeNull();
    expect(impossibleValue('applications.granted.total', '件', 2.5)).toBe('fraction');
    expect(impossibleValue('applications.granted.total', '件', 0)).toBeNull();
  });
});
