import { describe, expect, it } from 'vitest';
import { readWildGold, recordFromGold, withFields } from '../../../test/support/goldRecord.ts';
import type { ExtractionRecord } from '../../record/ExtractionRecord.ts';
import { ambiguousRowsOf } from './ambiguousRowsOf.ts';
import { runCrossYear } from './runCrossYear.ts';

const NORMATIVE = ['disclosure.normativeDocs.issued', 'disclosure.normativeDocs.repealed', 'disclosure.normativeDocs.inForce'];
const records = readWildGold().map(recordFromGold);
const find = (prefix: string) => records.find((record) => record.document.startsWith(prefix))!;
/** The record as the glued reader leaves an undecided row: value null, in review, the whole run as raw. */
const undecided = (record: ExtractionRecord, run: string) =>
  withFields(record, Object.fromEntries(NORMATIVE.map((id) => [id, { value: null, raw: run, status: 'review' as const, method: 'table' as const }])));

describe('ambiguousRowsOf', () => {
  it('rebuilds an undecided glued row from the record, and nothing from a settled one', () => {
    expect(ambiguousRowsOf(find('43'))).toEqual([]);
    expect(ambiguousRowsOf(undecided(find('43'), '5426'))).toEqual([{ fieldIds: NORMATIVE, printed: '5426', readings: [[5, 4, 26], [5, 42, 6], [54, 2, 6]] }]);
  });

  it('keeps only the readings that agree with the row’s cells the parser did read', () => {
    const record = withFields(undecided(find('43'), '5426'), { 'disclosure.normativeDocs.issued': { value: 5, raw: '5', status: 'auto' } });
    expect(ambiguousRowsOf(record)[0]!.readings).toEqual([[5, 4, 26], [5, 42, 6]]);
  });
});

describe('runCrossYear', () => {
  it('groups by agency, checks the chains and settles the ambiguous rows of each record', () => {
    const input = [undecided(find('43'), '5426'), undecided(find('44'), '1126'), find('02'), find('03'), find('30')];
    const report = runCrossYear(input, (record) => record.meta.agency);
    expect(report.settlements.get(input[0]!.sha256)).toEqual([expect.objectContaining({ outcome: 'settled', chosen: [5, 4, 26] })]);
    expect(report.settlements.get(input[1]!.sha256)).toEqual([expect.objectContaining({ outcome: 'settled', chosen: [1, 1, 26] })]);
    expect(report.settlements.has(input[2]!.sha256)).toBe(false);
    expect(new Set(report.findings.map((finding) => `${finding.earlier.year}→${finding.later.year}`))).toEqual(new Set(['2022→2023', '2019→2020']));
    expect(report.warnings.size).toBe(0);
  });

  it('does not group records without an agency key', () => {
    const report = runCrossYear([find('43'), find('44')], () => null);
    expect(report.findings).toEqual([]);
  });
});
