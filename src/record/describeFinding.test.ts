import { describe, expect, it } from 'vitest';
import { gov2014 } from '../templates/gov2014.ts';
import { describeFinding, describeFindings } from './describeFinding.ts';
import { extractionRecordSchema } from './ExtractionRecord.ts';
import { fieldFindingSchema, findingBlocks, isHardRuleFailure, type FieldFinding } from './FieldFinding.ts';

const answer = { model: 'm', promptVersion: 'v1' };
const everyKind: FieldFinding[] = [
  { kind: 'not-found' },
  { kind: 'value-not-read', raw: '5426' },
  { kind: 'doubtful-blank', piece: 'I' },
  { kind: 'ambiguous' },
  { kind: 'ambiguous', explanation: 'ambiguous: amount printed without a unit (元 or 万元?)' },
  { kind: 'printed-inconsistency', note: 'glued run "20000011" admits no split (printed inconsistency)' },
  { kind: 'repair', text: 'OCR letter O read as 0' },
  { kind: 'note', text: 'cells placed under the header columns' },
  { kind: 'rule-failed', ruleId: 'requests.completed', severity: 'hard', leftSum: 0, rightSum: 2 },
  { kind: 'rule-failed', ruleId: 'response.pressConferencesByHead', severity: 'soft', leftSum: 3, rightSum: 0 },
  { kind: 'rule-unchecked', ruleId: 'requests.completed', severity: 'hard', missing: ['requests.completed'] },
  { kind: 'rule-blanks-contradict', ruleId: 'requests.answered', blanks: ['requests.answered'], leftSum: 0, rightSum: 3 },
  { kind: 'rule-cannot-hold', ruleId: 'requests.completed', leftKnown: 0, leftUnknown: 0, rightKnown: 5, rightUnknown: 1 },
  { kind: 'proposed-zero', ruleId: 'requests.received' },
  { kind: 'proven-zero', ruleId: 'requests.received' },
  { kind: 'narrative-disagrees', claimId: 'received', quote: '受理政府信息公开申请35件', stated: 35, tableValue: 36 },
  { kind: 'llm-not-read', reason: 'token budget spent' },
  { kind: 'llm-unanswered', ...answer },
  { kind: 'llm-rejected', ...answer, value: 3, reason: 'quote not found in the section' },
  { kind: 'llm-blank-unconfirmed', ...answer, quote: '无' },
  { kind: 'llm-agrees', ...answer, quote: '收到申请 3 件' },
  { kind: 'llm-disagrees', ...answer, parserValue: 3, parserRaw: '3', llmValue: 4, quote: '4', shown: 'parser' },
  { kind: 'proof-in-doubt', ruleId: 'requests.received', heldField: 'requests.inPerson' },
  { kind: 'nothing-read' },
  { kind: 'likeliest-reading', value: 19 },
];

describe('describeFinding', () => {
  it('writes every kind of finding as a sentence, rules with their description from the form', () => {
    const context = { language: 'en' as const, rules: gov2014.rules, fields: gov2014.fields };
    for (const finding of everyKind) expect(describeFinding(finding, context).length, finding.kind).toBeGreaterThan(0);
    expect(describeFinding(everyKind[8]!, context)).toBe('rule: requests.completed = requests.completedOnTime + requests.completedExtended (0 ≠ 2)');
    expect(describeFinding(everyKind[9]!, context)).toBe('warning: response.pressConferencesByHead ≤ response.pressConferences (3 > 0)');
    expect(describeFinding(everyKind[12]!, context)).toMatch(/\(cannot hold whatever the blank or unread cells hold: 0 ≠ 5 \+ \?\)$/u);
    expect(describeFinding(everyKind[15]!, context)).toBe("narrative: '受理政府信息公开申请35件' says 35, table says 36");
    expect(describeFinding(everyKind.at(-1)!, context)).toBe('offered 19: the likeliest reading, not read with certainty: approve or correct');
  });

  it('takes a language (Chinese falls back to English until written) and names a rule by id without the form', () => {
    expect(describeFinding(everyKind[0]!, { language: 'zh' })).toBe(describeFinding(everyKind[0]!, { language: 'en' }));
    expect(describeFinding({ kind: 'proposed-zero', ruleId: 'x.y' }, { language: 'en' })).toContain('because x.y holds');
    expect(describeFindings([everyKind[0]!, everyKind[0]!], { language: 'en' })).toHaveLength(1);
  });

  it('decides blocking and hard failures on the kind', () => {
    const blocking = everyKind.filter(findingBlocks).map((finding) => finding.kind);
    expect(blocking).toEqual([
      'not-found', 'value-not-read', 'doubtful-blank', 'ambiguous', 'ambiguous', 'printed-inconsistency',
      'rule-failed', 'rule-blanks-contradict', 'rule-cannot-hold', 'proposed-zero', 'proof-in-doubt', 'nothing-read',
      'likeliest-reading',
    ]);
    expect(everyKind.filter(isHardRuleFailure).map((finding) => finding.kind)).toEqual([
      'printed-inconsistency', 'rule-failed', 'rule-blanks-contradict', 'rule-cannot-hold',
    ]);
  });
});

describe('the record schema', () => {
  const field = { id: 'requests.fax', value: 0, raw: '', unit: '件', method: 'inferred', confidence: 0.999, status: 'auto', evidence: null, issues: [] };
  const record = { document: 'x.txt', sha256: '0', template: 'gov-2014', meta: { agency: null, year: 2018 } };

  it('loads records stored before findings existed, and validates findings when present', () => {
    expect(extractionRecordSchema.parse({ ...record, fields: [field] }).fields[0]!.findings).toBeUndefined();
    const withFindings = { ...record, fields: [{ ...field, findings: everyKind }] };
    expect(extractionRecordSchema.parse(withFindings)).toEqual(withFindings);
    expect(() => fieldFindingSchema.parse({ kind: 'rule-failed', ruleId: 'x' })).toThrow();
  });
});
