import { describe, expect, it } from 'vitest';
import type { FieldRecord } from '../record/ExtractionRecord.ts';
import { gov2021 } from '../templates/gov2021.ts';
import { reasonMatches, reasonsOfField } from './reviewReasons.ts';

const field = (findings: FieldRecord['findings'], issues: string[] = []): FieldRecord => ({
  id: 'applications.granted.naturalPerson', value: 11, raw: '110000011', unit: '件', method: 'table', confidence: 0.15,
  status: 'review', evidence: null, issues, ...(findings === undefined ? {} : { findings }),
});

describe('reasonsOfField', () => {
  it('names a likeliest reading offered for review apart from the ambiguity behind it', () => {
    expect(reasonsOfField(gov2021, field([{ kind: 'ambiguous' }, { kind: 'likeliest-reading', value: 11 }]))).toEqual(['ambiguous', 'offered']);
  });

  it('reads reasons from the findings, never from the sentences', () => {
    expect(reasonsOfField(gov2021, field(undefined, ['offered 11: the likeliest reading']))).toEqual(['other']);
    expect(reasonsOfField(gov2021, field([]))).toEqual(['low-confidence']);
    expect(reasonsOfField(gov2021, field([{ kind: 'rule-failed', ruleId: 'flow.naturalPerson', severity: 'hard', leftSum: 1, rightSum: 2 }]))).toEqual(['rule:flow.naturalPerson']);
  });

  it('matches a filter by key or by kind', () => {
    expect(reasonMatches('rule:applications.granted.row', 'rule')).toBe(true);
    expect(reasonMatches('offered', 'offered')).toBe(true);
    expect(reasonMatches('offered', 'ambiguous')).toBe(false);
  });
});
