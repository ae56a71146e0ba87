import { describe, expect, it } from 'vitest';
import { crosswalk } from './crosswalk.ts';
import { crosswalkDictionary } from './crosswalkDictionary.ts';

describe('crosswalkDictionary', () => {
  it('gives one line per indicator and form, with the comparability and what it means', () => {
    const rows = crosswalkDictionary();
    expect(rows).toHaveLength(crosswalk.indicators.reduce((count, indicator) => count + Object.keys(indicator.forms).length, 0));
    expect(rows.find((row) => row.indicatorId === 'applications.otherHandling' && row.form === 'gov-2021')).toMatchObject({
      source: 'applications.otherOverdueAmendment.total + applications.otherOverdueFee.total + applications.otherHandling.total',
      comparability: 'same',
    });
    const fees = rows.find((row) => row.indicatorId === 'fees.amount2021')!;
    expect(fees).toMatchObject({ form: 'gov-2021', comparability: 'none', notComparableWith: 'fees.requestFees2014, fees.chargeItems2019' });
    expect(fees.comparabilityMeaning).toMatch(/different thing/u);
  });
});
