import { describe, expect, it } from 'vitest';
import type { ExtractionRecord, FieldRecord } from '../record/ExtractionRecord.ts';
import { compareWithGold, sameValue } from './compareWithGold.ts';
import { evaluationFailures } from './evaluationFailures.ts';
import { summarise, type EvaluationReport } from './evaluateFixtures.ts';
import type { GoldFile } from './goldFile.ts';

const gold: GoldFile = {
  document: 'x.txt',
  template: 'gov-2014',
  meta: { agency: '宁波保税区（出口加工区）管委会', agencyAliases: ['宁波保税区'], year: 2018 },
  fields: { 'requests.completed': 0, 'requests.fax': null, 'org.budget': 25.1, 'org.staff': 4 },
  expectFlags: ['requests.completed'],
  notes: '',
};

function field(id: string, value: number | null, status: FieldRecord['status'], issues: string[] = []): FieldRecord {
  return { id, value, raw: value === null ? '' : String(value), unit: '件', method: 'table', confidence: 0.9, status, evidence: null, issues };
}

function record(fields: FieldRecord[], agency = '宁波保税区(出口加工区)管委会'): ExtractionRecord {
  return { document: 'x.txt', sha256: '0', template: 'gov-2014', meta: { agency, year: 2018 }, fields };
}

describe('compareWithGold', () => {
  it('compares values (null = null, amounts within 1e-6), counts auto precision and review, checks flags', () => {
    const evaluation = compareWithGold(record([
      field('requests.completed', 0, 'review', ['rule: requests.completed = … (0 ≠ 2)']),
      field('requests.fax', null, 'auto'),
      field('org.budget', 25.1000000004, 'auto'),
      field('org.staff', 5, 'auto'),
    ]), gold);
    expect(evaluation).toMatchObject({ fields: 4, correct: 3, auto: 3, autoCorrect: 2, review: 1, templateCorrect: true, agencyCorrect: true, yearCorrect: true });
    expect(evaluation.flags).toEqual([{ field: 'requests.completed', flagged: true }]);
    expect(evaluation.wrongAuto).toEqual([{ field: 'org.staff', expected: 4, got: 5, status: 'auto' }]);
  });

  it('does not count a flag without a rule issue, and counts absent fields as misses', () => {
    const evaluation = compareWithGold(record([field('requests.completed', 0, 'review', ['OCR: O read as 0'])], '别的单位'), gold);
    expect(evaluation.flags).toEqual([{ field: 'requests.completed', flagged: false }]);
    expect(evaluation.misses.map((miss) => miss.status)).toEqual(['absent', 'absent', 'absent']);
    expect(evaluation.agencyCorrect).toBe(false);
  });

  it('counts a blank the rules prove 0 (value 0, method inferred, raw "") as right, a 0 read from a cell as wrong', () => {
    const inferred: FieldRecord = { ...field('requests.fax', 0, 'auto'), method: 'inferred', raw: '' };
    expect(compareWithGold(record([inferred]), gold).wrongAuto).toEqual([]);
    expect(compareWithGold(record([field('requests.fax', 0, 'auto')]), gold).wrongAuto).toEqual([{ field: 'requests.fax', expected: null, got: 0, status: 'auto' }]);
  });

  it('treats blank and 0 as different readings', () => {
    expect(sameValue(null, 0)).toBe(false);
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue(3, undefined)).toBe(false);
  });
});

describe('evaluationFailures', () => {
  it('holds seeds to 100% and variants to 99% with no wrong auto field, and every wild template right', () => {
    const perfect = compareWithGold(record([
      field('requests.completed', 0, 'review', ['rule: x']), field('requests.fax', null, 'auto'), field('org.budget', 25.1, 'auto'), field('org.staff', 4, 'auto'),
    ]), gold);
    const wrong = compareWithGold(record([field('requests.completed', 0, 'auto')]), gold);
    const report: EvaluationReport = {
      seeds: { name: 'seeds', documents: [perfect], summary: summarise([perfect]) },
      variants: { name: 'variants', documents: [wrong], summary: summarise([wrong]) },
      synthetic: { name: 'synthetic', documents: [perfect], summary: summarise([perfect]) },
      wildVerified: { name: 'wild-verified', documents: [wrong], summary: summarise([wrong]) },
      wild: [{ document: 'w.txt', template: 'gov-2014', expectedTemplate: 'unknown', templateCorrect: false, fields: 58, auto: 0, review: 58, agency: null, year: null }],
    };
    expect(evaluationFailures(report)).toEqual([
      'variants: x.txt: seeded inconsistency requests.completed not flagged',
      'variants: field accuracy 25.00% < 99.00%',
      'wild: w.txt: template gov-2014, expected unknown',
    ]);
  });

  it('holds the synthetic set to 96% with no wrong auto field and its printed inconsistencies flagged', () => {
    const perfect = compareWithGold(record([
      field('requests.completed', 0, 'review', ['rule: x']), field('requests.fax', null, 'auto'), field('org.budget', 25.1, 'auto'), field('org.staff', 4, 'auto'),
    ]), gold);
    const wrongAuto = compareWithGold(record([
      field('requests.completed', 0, 'auto'), field('requests.fax', null, 'auto'), field('org.budget', 25.1, 'auto'), field('org.staff', 5, 'auto'),
    ]), gold);
    const set = (name: 'seeds' | 'variants' | 'synthetic' | 'wild-verified', documents = [perfect]) => ({ name, documents, summary: summarise(documents) });
    const report: EvaluationReport = {
      seeds: set('seeds'), variants: set('variants'), synthetic: set('synthetic', [perfect, wrongAuto]), wildVerified: set('wild-verified'), wild: [],
    };
    expect(evaluationFailures(report)).toEqual([
      'synthetic: x.txt: seeded inconsistency requests.completed not flagged',
      'synthetic: field accuracy 87.50% < 96.00%',
      'synthetic: 1 auto field(s) wrong',
    ]);
  });
});
