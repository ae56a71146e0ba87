import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isGongkaiError } from '../errors/GongkaiError.ts';
import { STORE_SCHEMA_VERSION, type StoredDocument } from '../store/storeSchemas.ts';
import { applyDecision } from './applyDecision.ts';
import { createGoldProcessor } from './goldProcessor.ts';

const seed = '000_b19e0a271049421c.txt';
const context = { reviewer: 'alice', now: new Date('2024-05-01T10:00:00Z'), newId: (() => { let n = 0; return () => `d${++n}`; })() };
let base: StoredDocument;

beforeAll(async () => {
  const bytes = readFileSync(new URL(`../../test/fixtures/corpus/${seed}`, import.meta.url));
  const processed = await createGoldProcessor([seed]).process({ name: seed, bytes });
  base = {
    schemaVersion: STORE_SCHEMA_VERSION,
    id: processed.record.sha256,
    version: 1,
    record: processed.record,
    processing: { encoding: 'utf-8', llm: 'off', usage: null, messages: [], processedAt: 'x' },
    rejected: null,
    decisions: [],
  };
});

const field = (document: StoredDocument, id: string) => document.record.fields.find((candidate) => candidate.id === id)!;

describe('applyDecision', () => {
  it('corrects a value, audits old → new with the reason shown, and clears fields held only by the rule', () => {
    const { document, cleared } = applyDecision(base, { action: 'correct', version: 1, fieldId: 'requests.completed', value: 2 }, context);
    expect(document.version).toBe(2);
    expect(field(document, 'requests.completed')).toMatchObject({ value: 2, status: 'corrected', method: 'reviewer', issues: [] });
    expect([...cleared].sort()).toEqual(['requests.completedExtended', 'requests.completedOnTime']);
    expect(field(document, 'requests.completedOnTime')).toMatchObject({ status: 'auto', issues: [] });
    const [correction, ...clearings] = document.decisions;
    expect(correction).toMatchObject({
      action: 'correct', by: 'alice', version: 1, fieldId: 'requests.completed',
      old: { value: 0, status: 'review', method: 'table' }, new: { value: 2, status: 'corrected', method: 'reviewer' },
    });
    expect(correction!.reasonShown[0]).toContain('requests.completed = requests.completedOnTime + requests.completedExtended (0 ≠ 2)');
    expect(clearings.map((entry) => entry.action)).toEqual(['cleared', 'cleared']);
    expect(base.record.fields.find((candidate) => candidate.id === 'requests.completed')!.value).toBe(0);
  });

  it('approves a likeliest reading as the value, drops the offer and clears the fields the rule held', () => {
    const offered: StoredDocument = structuredClone(base);
    const completed = field(offered, 'requests.completed');
    completed.value = 2;
    completed.findings = [...(completed.findings ?? []), { kind: 'likeliest-reading', value: 2 }];
    const { document, cleared } = applyDecision(offered, { action: 'approve', version: 1, fieldId: 'requests.completed' }, context);
    expect(field(document, 'requests.completed')).toMatchObject({ value: 2, status: 'approved' });
    expect(field(document, 'requests.completed').findings?.some((finding) => finding.kind === 'likeliest-reading')).toBe(false);
    // Offered, 2 was no value read: approved, it is one, and the rule it completes holds.
    expect([...cleared].sort()).toEqual(['requests.completedExtended', 'requests.completedOnTime']);
  });

  it('refuses a decision made on a stale version (409, no lost update)', () => {
    const first = applyDecision(base, { action: 'approve', version: 1, fieldId: 'requests.completedOnTime' }, context).document;
    const error = (() => {
      try {
        applyDecision(first, { action: 'correct', version: 1, fieldId: 'requests.completed', value: 2 }, { ...context, reviewer: 'bob' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(isGongkaiError(error, 'conflict')).toBe(true);
    expect((error as Error).message).toContain('last change by alice');
  });

  it('refuses a correction that makes a passing rule fail until it is confirmed', () => {
    const request = { action: 'correct' as const, version: 1, fieldId: 'requests.received', value: 7 };
    expect(() => applyDecision(base, request, context)).toThrow(expect.objectContaining({ code: 'rule-violation-unconfirmed' }));
    const { document } = applyDecision(base, { ...request, confirm: true }, context);
    expect(field(document, 'requests.received').value).toBe(7);
    expect(field(document, 'requests.received').issues[0]).toContain('requests.received = requests.inPerson');
    expect(document.decisions[0]!.confirmedRules).toContain('requests.received');
    // Fields of the broken rule are told, but not pulled back into review.
    expect(field(document, 'requests.online').status).toBe('auto');
  });

  it('marks a field blank, and approves a blank already blank', () => {
    const { document } = applyDecision(base, { action: 'blank', version: 1, fieldId: 'requests.completedExtended' }, context);
    expect(field(document, 'requests.completedExtended')).toMatchObject({ value: null, status: 'corrected' });
    const again = applyDecision(document, { action: 'blank', version: 2, fieldId: 'requests.completedExtended' }, context).document;
    expect(field(again, 'requests.completedExtended').status).toBe('approved');
  });

  it('accepts a proposed 0 on a blank as 0 (method inferred) when approved', () => {
    const withProposal = structuredClone(base);
    Object.assign(field(withProposal, 'requests.fax'), {
      value: null, raw: '', status: 'review',
      issues: ['proposed 0 (inferred): blank; proposed 0 because …'], findings: [{ kind: 'proposed-zero', ruleId: 'requests.received' }],
    });
    const { document } = applyDecision(withProposal, { action: 'approve', version: 1, fieldId: 'requests.fax' }, context);
    expect(field(document, 'requests.fax')).toMatchObject({ value: 0, method: 'inferred', status: 'approved', issues: [], findings: [] });
  });

  it('decides on the findings, not the sentences: a stored sentence alone proposes nothing (a record from before findings)', () => {
    const legacy = structuredClone(base);
    Object.assign(field(legacy, 'requests.fax'), { value: null, raw: '', status: 'review', issues: ['proposed 0 (inferred): blank; proposed 0 because …'] });
    delete field(legacy, 'requests.fax').findings;
    const { document } = applyDecision(legacy, { action: 'approve', version: 1, fieldId: 'requests.fax' }, context);
    expect(field(document, 'requests.fax')).toMatchObject({ value: null, status: 'approved' });
  });

  it('approves every auto field at once, rejects a document, corrects its meta', () => {
    const approved = applyDecision(base, { action: 'approve-auto', version: 1 }, context).document;
    expect(approved.record.fields.filter((candidate) => candidate.status === 'auto')).toEqual([]);
    expect(approved.decisions).toHaveLength(55);
    expect(() => applyDecision(approved, { action: 'approve-auto', version: 2 }, context)).toThrow(expect.objectContaining({ code: 'bad-request' }));

    const rejected = applyDecision(base, { action: 'reject', version: 1, reason: 'not an annual report' }, context).document;
    expect(rejected.rejected).toMatchObject({ by: 'alice', reason: 'not an annual report' });
    expect(field(rejected, 'requests.completed').status).toBe('rejected');
    expect(() => applyDecision(rejected, { action: 'approve', version: 2, fieldId: 'requests.completed' }, context)).toThrow(/rejected by alice/);

    const meta = applyDecision(base, { action: 'meta', version: 1, agency: '银川经开区管委会', year: 2018 }, context).document;
    expect(meta.record.meta.agency).toBe('银川经开区管委会');
    expect(meta.decisions[0]!.meta?.old.agency).toBe('银川经济技术开发区');
  });

  it('names an unknown field', () => {
    expect(() => applyDecision(base, { action: 'approve', version: 1, fieldId: 'nope' }, context)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
