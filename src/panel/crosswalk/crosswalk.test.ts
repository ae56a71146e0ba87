import { describe, expect, it } from 'vitest';
import { isGongkaiError } from '../../errors/GongkaiError.ts';
import crosswalkData from './crosswalk.json' with { type: 'json' };
import { crosswalk } from './crosswalk.ts';
import { parseCrosswalk } from './parseCrosswalk.ts';

const clone = (): typeof crosswalkData => structuredClone(crosswalkData);

describe('crosswalk.json', () => {
  it('loads, and covers every indicator of crosswalk.md', () => {
    expect(crosswalk.indicators.map((indicator) => indicator.id)).toEqual(expect.arrayContaining([
      'applications.received', 'applications.carriedOver', 'applications.handled', 'applications.granted', 'applications.partiallyGranted',
      'applications.denied', 'applications.notHeld', 'applications.notProcessed', 'applications.otherHandling', 'applications.carriedForward',
      'reconsideration.total', 'litigation.total', 'normativeDocs.issued', 'normativeDocs.inForce', 'rules.issued', 'fees.amount2021', 'active.total',
    ]));
  });

  it('never lets figures that are not comparable share an indicator', () => {
    for (const indicator of crosswalk.indicators) {
      const sources = Object.values(indicator.forms);
      if (sources.some((source) => source.comparability === 'none' || source.comparability === 'only-form')) expect(sources).toHaveLength(1);
    }
    const broken = clone();
    const fees = broken.indicators.find((indicator) => indicator.id === 'fees.amount2021')!;
    Object.assign(fees.forms, { 'gov-2014': { fields: ['fees.collected'], sum: false, comparability: 'none', note: '' } });
    expect(() => parseCrosswalk(broken)).toThrow(/share the indicator/u);
  });

  it('rejects a field its form does not have, naming it', () => {
    const broken = clone();
    broken.indicators[0]!.forms['gov-2019']!.fields = ['applications.newRecieved.total'];
    try {
      parseCrosswalk(broken);
      expect.unreachable();
    } catch (error) {
      expect(isGongkaiError(error, 'internal')).toBe(true);
      expect(String(error)).toMatch(/gov-2019 applications\.newRecieved\.total/u);
    }
  });

  it('rejects several fields not marked as a sum, and a one-sided notComparableWith', () => {
    const unsummed = clone();
    unsummed.indicators.find((indicator) => indicator.id === 'litigation.total')!.forms['gov-2019']!.sum = false;
    expect(() => parseCrosswalk(unsummed)).toThrow(/summed/u);
    const oneSided = clone();
    oneSided.indicators.find((indicator) => indicator.id === 'normativeDocs.inForce')!.notComparableWith = [];
    expect(() => parseCrosswalk(oneSided)).toThrow(/both/u);
  });
});
