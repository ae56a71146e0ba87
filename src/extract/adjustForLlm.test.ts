import { describe, expect, it } from 'vitest';
import type { CellReading } from '../parse/ParseResult.ts';
import type { FieldRecord } from '../record/ExtractionRecord.ts';
import { adjustForLlm } from './adjustForLlm.ts';
import type { LlmFieldVerdict } from './verifySectionAnswer.ts';

const fieldId = 'applications.granted.naturalPerson';
/** A glued run's cell the parser could not tell, offering its plainest split (11) for review. */
const offeredCell: CellReading = {
  fieldId, raw: '110000011', value: null, start: 0, end: 9, method: 'table', layout: 'glued-digits', labelScore: 1,
  repairs: [], ambiguous: true, proposal: 11, notes: [],
};
const field: FieldRecord = {
  id: fieldId, value: 11, raw: '110000011', unit: '件', method: 'table', confidence: 0.15, status: 'review',
  evidence: null, issues: [], findings: [{ kind: 'likeliest-reading', value: 11 }],
};
const llmCell: CellReading = { ...offeredCell, raw: '11', value: 11, ambiguous: false, method: 'llm' };
const adjust = (verdict: LlmFieldVerdict) => adjustForLlm({
  fields: [field], parserCells: new Map([[fieldId, offeredCell]]), verdicts: new Map([[fieldId, verdict]]), notRead: new Map(), model: 'm', promptVersion: 'v1',
})[0]!;

describe('adjustForLlm on a likeliest reading the parser offered', () => {
  it('counts an answer of the same value as agreement with what the parser offered, and leaves it in review', () => {
    const adjusted = adjust({ kind: 'accepted', fieldId, value: 11, cell: llmCell, quote: '11' });
    expect(adjusted.findings?.map((finding) => finding.kind)).toContain('llm-agrees');
    expect(adjusted.status).toBe('review');
  });

  it('names the offered value, not a blank, where the model reads another value or a blank', () => {
    const other = adjust({ kind: 'accepted', fieldId, value: 1, cell: { ...llmCell, raw: '1', value: 1 }, quote: '1' });
    expect(other.findings?.find((finding) => finding.kind === 'llm-disagrees')).toMatchObject({ parserValue: 11, llmValue: 1 });
    const blank = adjust({ kind: 'blank', fieldId, cell: { ...llmCell, raw: '', value: null }, quote: '无' });
    expect(blank.findings?.find((finding) => finding.kind === 'llm-disagrees')).toMatchObject({ parserValue: 11, llmValue: null });
  });
});
