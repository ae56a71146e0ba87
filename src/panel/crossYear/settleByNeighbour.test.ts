import { describe, expect, it } from 'vitest';
import { gluedRow } from '../../../test/support/gluedReadings.ts';
import { readWildGold, recordFromGold, withFields } from '../../../test/support/goldRecord.ts';
import type { ExtractionRecord } from '../../record/ExtractionRecord.ts';
import { settleByNeighbour } from './settleByNeighbour.ts';
import { createRandom } from '../../eval/garble/random.ts';

const wild = new Map(readWildGold().map((gold) => [gold.document.slice(0, 2), recordFromGold(gold)]));
const record = (prefix: string): ExtractionRecord => wild.get(prefix)!;
const NORMATIVE = ['disclosure.normativeDocs.issued', 'disclosure.normativeDocs.repealed', 'disclosure.normativeDocs.inForce'];
const COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];

/** The project's seeded PRNG (mulberry32), one copy for every generator. */
const random = createRandom;

describe('settleByNeighbour on the wild reports', () => {
  it('settles 河北省工信厅 2022 行政规范性文件 "5426" by the 2023 report (现行有效 26 = x + 1 − 1)', () => {
    const [row] = settleByNeighbour({ record: record('43'), rows: [gluedRow(NORMATIVE, '5426')] }, [{ record: record('44'), rows: [] }]);
    expect(row).toMatchObject({ outcome: 'settled', chosen: [5, 4, 26] });
    expect(row!.decidedBy).toEqual([expect.objectContaining({ year: 2023, document: '44_hebei-gxt_2023_gov2021.txt', ruleIds: ['inForce.normativeDocs'] })]);
  });

  it('settles the two glued years jointly when neither is read alone ("5426" and "1126")', () => {
    const unread = withFields(record('44'), Object.fromEntries(NORMATIVE.map((id) => [id, { value: null, status: 'review' as const }])));
    const both = (subject: ExtractionRecord, run: string, neighbour: ExtractionRecord, neighbourRun: string) =>
      settleByNeighbour({ record: subject, rows: [gluedRow(NORMATIVE, run)] }, [{ record: neighbour, rows: [gluedRow(NORMATIVE, neighbourRun)] }])[0];
    expect(gluedRow(NORMATIVE, '5426').readings).toHaveLength(3);
    expect(gluedRow(NORMATIVE, '1126').readings).toHaveLength(3);
    expect(both(record('43'), '5426', unread, '1126')).toMatchObject({ outcome: 'settled', chosen: [5, 4, 26] });
    expect(both(unread, '1126', record('43'), '5426')).toMatchObject({ outcome: 'settled', chosen: [1, 1, 26] });
  });

  it('settles only 现行有效 of 平潭 2021 "693665" by 2022 (698 − 88 + 55 = 665); 制发/废止 stay open', () => {
    const [row] = settleByNeighbour({ record: record('04'), rows: [gluedRow(NORMATIVE, '693665')] }, [{ record: record('05'), rows: [] }]);
    expect(row).toMatchObject({ outcome: 'partly-settled', chosen: null, values: [{ fieldId: 'disclosure.normativeDocs.inForce', value: 665 }] });
    expect(row!.consistentReadings).toEqual([[6, 93, 665], [69, 3, 665]]);
  });

  it('settles nothing where no reading continues the chain (平潭 2023 "77132470" after 698 in 2022)', () => {
    const [row] = settleByNeighbour({ record: record('06'), rows: [gluedRow(NORMATIVE, '77132470')] }, [{ record: record('05'), rows: [] }]);
    expect(row).toMatchObject({ outcome: 'contradicted', chosen: null, values: [] });
  });

  it('has no evidence without an adjacent year, or when the neighbour’s figure is not settled', () => {
    const row = gluedRow(NORMATIVE, '5426');
    expect(settleByNeighbour({ record: record('43'), rows: [row] }, [])[0]!.outcome).toBe('no-evidence');
    const twoYearsOn = { ...record('44'), meta: { agency: '河北省工业和信息化厅', year: 2024 } };
    expect(settleByNeighbour({ record: record('43'), rows: [row] }, [{ record: twoYearsOn, rows: [] }])[0]!.outcome).toBe('no-evidence');
    const inReview = withFields(record('44'), { 'disclosure.normativeDocs.inForce': { status: 'review' } });
    expect(settleByNeighbour({ record: record('43'), rows: [row] }, [{ record: inReview, rows: [] }])[0]!.outcome).toBe('no-evidence');
  });
});

describe('settleByNeighbour on the carry-over chain', () => {
  const carriedOver = COLUMNS.map((column) => `applications.carriedOver.${column}`);
  const forward = (values: readonly number[]) => Object.fromEntries(COLUMNS.map((column, index) => [`applications.carriedForward.${column}`, { value: values[index]!, raw: String(values[index]) }]));

  it('settles 上年结转 "110000011" (1|10|…|11 or 11|0|…|11) by the year before’s 结转下年度', () => {
    // The subject's other section-三 figures unsettled: only the neighbour can choose (its own flow rule cannot).
    const subject = withFields(record('05'), Object.fromEntries(record('05').fields
      .filter((field) => field.id.startsWith('applications.')).map((field) => [field.id, { status: 'review' as const }])));
    const row = gluedRow(carriedOver, '110000011', { groupSize: 7 });
    expect(row.readings).toHaveLength(2);
    const before = withFields(record('04'), forward([11, 0, 0, 0, 0, 0, 11]));
    const [settled] = settleByNeighbour({ record: subject, rows: [row] }, [{ record: before, rows: [] }]);
    expect(settled).toMatchObject({ outcome: 'settled', chosen: [11, 0, 0, 0, 0, 0, 11] });
    expect(settled!.decidedBy[0]!.ruleIds).toEqual(COLUMNS.map((column) => `carry.${column}`));
  });

  it('lets the document’s own rules and the neighbour decide together, and ignores a chain broken whatever the reading', () => {
    const row = gluedRow(carriedOver, '110000011', { groupSize: 7 });
    // 2022 as printed: its flow rule (新收 + 上年结转 = 办结 + 结转) holds only with 上年结转 1|0|…|1 — not a reading of this run.
    const before = withFields(record('04'), forward([11, 0, 0, 0, 0, 0, 11]));
    expect(settleByNeighbour({ record: record('05'), rows: [row] }, [{ record: before, rows: [] }])[0]!.outcome).toBe('contradicted');
    // A neighbour whose 结转 fits no reading: its chain is broken, nothing is settled, the row is flagged.
    const broken = withFields(record('04'), forward([5, 0, 0, 0, 0, 0, 5]));
    const subject = withFields(record('05'), Object.fromEntries(record('05').fields
      .filter((field) => field.id.startsWith('applications.')).map((field) => [field.id, { status: 'review' as const }])));
    expect(settleByNeighbour({ record: subject, rows: [row] }, [{ record: broken, rows: [] }])[0]).toMatchObject({ outcome: 'contradicted', values: [], consistentReadings: [] });
  });
});

describe('settleByNeighbour never settles a wrong reading (seeded property test)', () => {
  it('for 行政规范性文件 rows glued at random, the true reading is always consistent, and settled only when it is the one', () => {
    const next = random(2026);
    const subjectBase = record('43');
    const neighbourBase = record('44');
    const digits = () => (next() < 0.3 ? Math.floor(next() * 10) : Math.floor(next() * 400));
    let settledCount = 0;
    for (let round = 0; round < 300; round++) {
      const truth = [digits(), digits(), digits()];
      const issued = digits();
      const repealed = Math.min(digits(), truth[2]! + issued);
      const neighbourValues = [issued, repealed, truth[2]! + issued - repealed];
      const neighbour = withFields(neighbourBase, Object.fromEntries(NORMATIVE.map((id, index) => [id, { value: neighbourValues[index]!, raw: String(neighbourValues[index]) }])));
      const row = gluedRow(NORMATIVE, truth.join(''));
      const [settlement] = settleByNeighbour({ record: subjectBase, rows: [row] }, [{ record: neighbour, rows: [] }]);
      expect(settlement!.consistentReadings).toContainEqual(truth);
      if (settlement!.outcome === 'settled') {
        settledCount++;
        expect(settlement!.chosen).toEqual(truth);
      }
      for (const { fieldId, value } of settlement!.values) expect(value).toBe(truth[NORMATIVE.indexOf(fieldId)]);
    }
    expect(settledCount).toBeGreaterThan(0);
  });
});
