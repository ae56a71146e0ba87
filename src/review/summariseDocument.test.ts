import { describe, expect, it } from 'vitest';
import { sampleDocument, sampleSummary, sha256Of } from '../store/testFixtures.ts';
import { summariseDocument } from './summariseDocument.ts';

const now = new Date('2026-01-01T00:00:00.000Z');

/** A stored document whose only field is settled, with the given meta. */
function settledDocument(meta: { agency: string | null; year: number | null }) {
  const document = sampleDocument(sha256Of('settled'));
  return {
    ...document,
    record: { ...document.record, meta, fields: document.record.fields.map((field) => ({ ...field, status: 'auto' as const })) },
  };
}

describe('summariseDocument', () => {
  it('commits a document whose fields are settled and whose agency and year are known', () => {
    const summary = summariseDocument(sampleSummary(sha256Of('settled')), settledDocument({ agency: '某某局', year: 2018 }), now);
    expect(summary.state).toBe('committed');
  });

  it.each([
    { agency: null, year: 2018 },
    { agency: '某某局', year: null },
  ])('keeps a document in review while its agency or year is missing (%o)', (meta) => {
    const summary = summariseDocument(sampleSummary(sha256Of('settled')), settledDocument(meta), now);
    expect(summary.state).toBe('review');
    expect(summary.reasons).toContain('meta-missing');
    expect(summary.committedAt).toBeNull();
  });
});
