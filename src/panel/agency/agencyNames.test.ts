import { describe, expect, it } from 'vitest';
import agencyNamesData from './agencyNames.json' with { type: 'json' };
import { agencyNames, parseAgencyNames } from './agencyNames.ts';

describe('agencyNames.json', () => {
  it('loads, with the abbreviations and the alias of the issue', () => {
    expect(agencyNames.abbreviations.map((entry) => entry.short)).toEqual(expect.arrayContaining(['科委', '发改委', '经开区', '管委会']));
    expect(agencyNames.aliases).toContainEqual({ name: '上海市科委', key: '上海市科学技术委员会' });
  });

  it('rejects an abbreviation no shorter than its full form and a pattern that is no regular expression', () => {
    const longShort = structuredClone(agencyNamesData);
    longShort.abbreviations.push({ short: '科学技术委员会', full: '科委', confidence: 0.5 });
    expect(() => parseAgencyNames(longShort)).toThrow(/not shorter/u);
    const badPattern = structuredClone(agencyNamesData);
    badPattern.jointCommittees[0]!.pattern = '(';
    expect(() => parseAgencyNames(badPattern)).toThrow(/regular expression/u);
  });
});
