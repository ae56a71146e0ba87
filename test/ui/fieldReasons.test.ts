import { describe, expect, it } from 'vitest';
import { brokenRulesText, fieldReasons, proposesZero } from '../../review-ui/fieldReasons.ts';
import type { FieldRecord } from '../../src/record/ExtractionRecord.ts';
import { findTemplate } from '../../src/templates/registry.ts';

const template = findTemplate('gov-2014')!;

function field(id: string, value: number | null, status: FieldRecord['status'], findings: FieldRecord['findings'] = []): FieldRecord {
  return { id, value, raw: value === null ? '' : String(value), unit: '件', method: 'table', confidence: 0.5, status, evidence: null, issues: [], findings };
}

describe('review UI: why a field waits', () => {
  const fields = [
    field('requests.completed', 5, 'review', [{ kind: 'rule-failed', ruleId: 'requests.completed', severity: 'hard', leftSum: 5, rightSum: 4 }]),
    field('requests.completedOnTime', 4, 'review', [{ kind: 'rule-failed', ruleId: 'requests.completed', severity: 'hard', leftSum: 5, rightSum: 4 }]),
    field('requests.completedExtended', 0, 'review', [{ kind: 'rule-failed', ruleId: 'requests.completed', severity: 'hard', leftSum: 5, rightSum: 4 }]),
  ];
  const blank = field('requests.fax', null, 'review', [{ kind: 'proposed-zero', ruleId: 'requests.received' }]);
  const byId = (fieldId: string) => fields.find((candidate) => candidate.id === fieldId);
  const valueOf = (fieldId: string) => byId(fieldId)?.value;

  it('writes a failing rule once, with labels and values, not also as the finding that named it', () => {
    const reasons = fieldReasons(template, fields[0]!, valueOf);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('申请办结数(5)');
  });

  it('re-checks the rule with the value being typed: a rule that holds then is not a reason', () => {
    const typed = (fieldId: string) => (fieldId === 'requests.completedOnTime' ? 5 : valueOf(fieldId));
    expect(fieldReasons(template, fields[1]!, typed).some((reason) => reason.includes('申请办结数(5)'))).toBe(false);
  });

  it('knows a proposed 0, and writes the rules a refused decision would break with the value it would set', () => {
    expect(proposesZero(template, blank)).toBe(true);
    expect(proposesZero(template, fields[0]!)).toBe(false);
    const holding = [field('requests.completed', 5, 'auto'), field('requests.completedOnTime', 5, 'review'), field('requests.completedExtended', 0, 'auto')];
    const holdingById = (fieldId: string) => holding.find((candidate) => candidate.id === fieldId);
    const text = brokenRulesText(template, { action: 'correct', fieldId: 'requests.completedOnTime', value: 3 }, holdingById, 'refused');
    expect(text).toContain('按时办结数(3)');
    expect(brokenRulesText(template, { action: 'approve-auto' }, byId, 'refused')).toBe('refused');
  });
});
