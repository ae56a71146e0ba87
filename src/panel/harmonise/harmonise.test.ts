import { describe, expect, it } from 'vitest';
import { recordFromGold, readWildGold, withFields } from '../../../test/support/goldRecord.ts';
import type { ExtractionRecord } from '../../record/ExtractionRecord.ts';
import { crosswalk } from '../crosswalk/crosswalk.ts';
import { harmonise } from './harmonise.ts';
import type { PanelRow } from './PanelRow.ts';

// 河北省教育厅 reported on all three forms: 2018 (gov-2014), 2019 (gov-2019), 2021 and 2023 (gov-2021).
const hebei = readWildGold().filter((gold) => gold.meta.agency === '河北省教育厅').map(recordFromGold);
const byAgencyName = (record: ExtractionRecord) => record.meta.agency;

function row(rows: readonly PanelRow[], year: number, indicatorId: string): PanelRow {
  const found = rows.filter((candidate) => candidate.year === year && candidate.indicatorId === indicatorId);
  expect(found, `${year} ${indicatorId}`).toHaveLength(1);
  return found[0]!;
}

describe('harmonise on an agency reporting on the three forms', () => {
  const panel = harmonise(hebei, { agencyKeyOf: byAgencyName });

  it('places every year of the agency under one key, one row per indicator its form gives', () => {
    expect(hebei.map((record) => record.template)).toEqual(['gov-2014', 'gov-2019', 'gov-2021', 'gov-2021']);
    expect(new Set(panel.rows.map((candidate) => candidate.agencyKey))).toEqual(new Set(['河北省教育厅']));
    expect([...new Set(panel.rows.map((candidate) => candidate.year))]).toEqual([2018, 2019, 2021, 2023]);
    for (const record of hebei) {
      const expected = crosswalk.indicators.filter((indicator) => indicator.forms[record.template as 'gov-2014']).length;
      expect(panel.rows.filter((candidate) => candidate.year === record.meta.year)).toHaveLength(expected);
    }
    expect(panel.unplaced).toEqual([]);
    expect(panel.duplicates).toEqual([]);
  });

  it('puts comparable figures of different forms on one indicator', () => {
    expect(row(panel.rows, 2018, 'applications.received')).toMatchObject({ value: 1, form: 'gov-2014', sourceFields: ['requests.received'] });
    expect(row(panel.rows, 2019, 'applications.received')).toMatchObject({ value: 16, form: 'gov-2019', sourceFields: ['applications.newReceived.total'] });
    expect(row(panel.rows, 2021, 'applications.received')).toMatchObject({ value: 37, form: 'gov-2021' });
    // gov-2014 adds "already public" to granted; the note says the forms differ at the edges.
    const granted2018 = row(panel.rows, 2018, 'applications.granted');
    expect(granted2018).toMatchObject({ value: 0, summed: true, comparability: 'close', sourceFields: ['answers.alreadyPublic', 'answers.granted'] });
    expect(granted2018.comparabilityNote).toMatch(/already public/u);
    expect(row(panel.rows, 2021, 'litigation.total')).toMatchObject({ value: 8, summed: true });
  });

  it('keeps figures that are not comparable on separate indicators', () => {
    expect(row(panel.rows, 2018, 'fees.requestFees2014')).toMatchObject({ value: 0, unit: '万元' });
    expect(row(panel.rows, 2019, 'fees.chargeItems2019')).toMatchObject({ value: 21, unit: '项' });
    expect(row(panel.rows, 2021, 'fees.amount2021')).toMatchObject({ value: 1163.54, unit: '万元' });
    expect(row(panel.rows, 2021, 'normativeDocs.inForce')).toMatchObject({ value: 181, comparability: 'none' });
    for (const indicatorId of ['fees.requestFees2014', 'fees.chargeItems2019', 'fees.amount2021', 'normativeDocs.inForce', 'normativeDocs.totalPublic']) {
      expect(new Set(panel.rows.filter((candidate) => candidate.indicatorId === indicatorId).map((candidate) => candidate.form)).size).toBeLessThanOrEqual(1);
    }
  });

  it('leaves a printed blank blank, for a single field and for a sum of blank parts', () => {
    expect(row(panel.rows, 2019, 'applications.partiallyGranted')).toMatchObject({ value: null, blankReason: { kind: 'printed-blank' } });
    expect(row(panel.rows, 2019, 'applications.denied')).toMatchObject({ value: null, blankReason: { kind: 'printed-blank' } });
    expect(row(panel.rows, 2021, 'applications.carriedOver')).toMatchObject({ value: null, blankReason: { kind: 'printed-blank', fieldIds: ['applications.carriedOver.total'] } });
  });

  it('carries the provenance: document, sha256, each source field with its status and method', () => {
    const handled = row(panel.rows, 2021, 'applications.otherHandling');
    expect(handled.provenance.document).toBe('41_hebei-jyt_2021_gov2021.txt');
    expect(handled.provenance.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(handled.provenance.fields.map((field) => field.id)).toEqual([
      'applications.otherOverdueAmendment.total', 'applications.otherOverdueFee.total', 'applications.otherHandling.total',
    ]);
    expect(handled.provenance.fields.every((field) => field.status === 'approved' && field.method === 'table')).toBe(true);
    expect(handled.value).toBe(0);
  });
});

describe('harmonise counts only settled values', () => {
  const record2021 = hebei.find((record) => record.meta.year === 2021)!;

  it('blanks an indicator whose field is in review, naming the field', () => {
    const record = withFields(record2021, { 'applications.newReceived.total': { status: 'review' } });
    const { rows } = harmonise([record], { agencyKeyOf: byAgencyName });
    expect(row(rows, 2021, 'applications.received')).toMatchObject({
      value: null, blankReason: { kind: 'in-review', fieldIds: ['applications.newReceived.total'] },
    });
  });

  it('blanks a sum with a blank part not proven 0, and adds a blank the rules proved 0', () => {
    const unproven = withFields(record2021, { 'applications.otherOverdueFee.total': { value: null, raw: '' } });
    expect(row(harmonise([unproven], { agencyKeyOf: byAgencyName }).rows, 2021, 'applications.otherHandling')).toMatchObject({
      value: null, blankReason: { kind: 'part-blank', fieldIds: ['applications.otherOverdueFee.total'] },
    });
    const proven = withFields(record2021, {
      'applications.otherOverdueFee.total': { value: 0, raw: '', method: 'inferred', status: 'auto' },
      'applications.otherHandling.total': { value: 3, raw: '3' },
    });
    expect(row(harmonise([proven], { agencyKeyOf: byAgencyName }).rows, 2021, 'applications.otherHandling')).toMatchObject({ value: 3, blankReason: null });
    // A 0 proposed for a blank but not yet confirmed is in review: it does not count.
    const proposed = withFields(record2021, { 'applications.otherOverdueFee.total': { value: 0, raw: '', method: 'inferred', status: 'review' } });
    expect(row(harmonise([proposed], { agencyKeyOf: byAgencyName }).rows, 2021, 'applications.otherHandling').blankReason?.kind).toBe('in-review');
  });

  it('blanks a field of a rejected document, and one the record lacks', () => {
    const rejected = withFields(record2021, { 'applications.granted.total': { status: 'rejected' } });
    expect(row(harmonise([rejected], { agencyKeyOf: byAgencyName }).rows, 2021, 'applications.granted').blankReason?.kind).toBe('rejected');
    const missing: ExtractionRecord = { ...record2021, fields: record2021.fields.filter((field) => field.id !== 'applications.granted.total') };
    const granted = row(harmonise([missing], { agencyKeyOf: byAgencyName }).rows, 2021, 'applications.granted');
    expect(granted).toMatchObject({ value: null, blankReason: { kind: 'not-read', fieldIds: ['applications.granted.total'] } });
    expect(granted.provenance.fields).toEqual([]);
  });

  it('places no record without form, year or agency key, and names duplicates of one agency-year', () => {
    const unknown: ExtractionRecord = { ...record2021, sha256: 'u', template: 'unknown', fields: [] };
    const noYear: ExtractionRecord = { ...record2021, sha256: 'y', meta: { agency: '河北省教育厅', year: null } };
    const noAgency: ExtractionRecord = { ...record2021, sha256: 'a', meta: { agency: null, year: 2021 } };
    const copy: ExtractionRecord = { ...record2021, sha256: 'c' };
    const panel = harmonise([unknown, noYear, noAgency, record2021, copy], { agencyKeyOf: byAgencyName });
    expect(panel.unplaced.map((entry) => [entry.sha256, entry.reason])).toEqual([['u', 'unknown-template'], ['y', 'no-year'], ['a', 'no-agency']]);
    expect(panel.duplicates).toEqual([{ agencyKey: '河北省教育厅', year: 2021, sha256s: ['c', record2021.sha256].sort() }]);
  });
});
