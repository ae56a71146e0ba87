import { describe, expect, it } from 'vitest';
import { brokenVariants } from '../../test/support/brokenVariants.ts';
import { compareWithGold } from '../eval/compareWithGold.ts';
import { extractDocument } from '../pipeline/extractDocument.ts';
import { goldParse, readSeedGold } from '../../test/support/goldParse.ts';
import { fieldRecordSchema } from '../record/ExtractionRecord.ts';
import { gov2014 } from '../templates/gov2014.ts';
import { gov2019 } from '../templates/gov2019.ts';
import { gov2021 } from '../templates/gov2021.ts';
import { readGoldFile } from '../eval/goldFile.ts';
import { MappedText } from '../text/MappedText.ts';
import { assessDocument, assessFields } from './assessFields.ts';
import type { CalibrationLookup } from './CalibrationTable.ts';
import { findingBlocks } from '../record/FieldFinding.ts';
import { describeFindings } from '../record/describeFinding.ts';

const emptyText = MappedText.identity('');

/** A calibration that measured the buckets starting with one of `prefixes` on a million fields, none wrong, and nothing else. */
function measured(...prefixes: string[]): CalibrationLookup {
  return (bucket) => (prefixes.some((prefix) => bucket.startsWith(prefix)) ? { fields: 1_000_000, wrong: 0 } : undefined);
}
/** Every bucket measured perfect: a field is auto exactly when nothing blocks it. */
const everyBucket = measured('');

function byId<T extends { id: string }>(fields: readonly T[]): Map<string, T> {
  return new Map(fields.map((field) => [field.id, field]));
}

describe('assessFields', () => {
  it('returns every field of the template once, in template order, in the contract shape', () => {
    const fields = assessFields({ template: gov2019, parse: goldParse(readSeedGold('002')), decodedText: '', normalised: emptyText, calibration: everyBucket });
    expect(fields.map((field) => field.id)).toEqual(gov2019.fields.map((field) => field.id));
    for (const field of fields) expect(fieldRecordSchema.parse(field)).toEqual(field);
  });

  it('commits a cleanly read, rule-confirmed table and sends nothing to review', () => {
    const fields = assessFields({ template: gov2019, parse: goldParse(readSeedGold('002')), decodedText: '', normalised: emptyText, calibration: everyBucket });
    expect(fields.filter((field) => field.status === 'review')).toEqual([]);
    const total = byId(fields).get('applications.newReceived.total')!;
    expect(total.confidence).toBeGreaterThan(0.999);
  });

  it('takes confidence from the measured bucket: 1 − its upper error bound; an unmeasured bucket is 0 and review', () => {
    const calibration: CalibrationLookup = (bucket) => (bucket === 'cell/clean/confirmed/printed' ? { fields: 3000, wrong: 0 } : bucket === 'cell/clean/none/printed' ? { fields: 3000, wrong: 3 } : undefined);
    const table = assessDocument({ template: gov2019, parse: goldParse(readSeedGold('002')), decodedText: '', normalised: emptyText, calibration });
    expect(table.signals.get('applications.newReceived.total')!.bucket).toBe('cell/clean/confirmed/printed');
    const total = byId(table.fields).get('applications.newReceived.total')!;
    expect(total.status).toBe('auto');
    // One-sided 95% Wilson bound with none wrong: z² / (n + z²).
    expect(total.confidence).toBeCloseTo(1 - 2.7055 / 3002.7055, 4);
    const list = assessDocument({ template: gov2014, parse: goldParse(readSeedGold('003')), decodedText: '', normalised: emptyText, calibration });
    expect(list.signals.get('training.meetings')!.bucket).toBe('cell/clean/none/printed');
    expect(byId(list.fields).get('training.meetings')!.status).toBe('review');
    const unmeasured = [...list.signals].find(([, { bucket }]) => bucket === 'cell/clean/confirmed-trivially/printed');
    expect(unmeasured).toBeDefined();
    expect(byId(list.fields).get(unmeasured![0])).toMatchObject({ confidence: 0, status: 'review' });
  });

  it('sends every field of a failed hard rule to review with the rule written out (seed 000)', () => {
    const fields = byId(assessFields({ template: gov2014, parse: goldParse(readSeedGold('000')), decodedText: '', normalised: emptyText, calibration: everyBucket }));
    for (const id of ['requests.completed', 'requests.completedOnTime', 'requests.completedExtended']) {
      const field = fields.get(id)!;
      expect(field.status).toBe('review');
      expect(field.value).toBe(id === 'requests.completedOnTime' ? 2 : 0);
      expect(field.issues).toContain('rule: requests.completed = requests.completedOnTime + requests.completedExtended (0 ≠ 2)');
    }
    expect(fields.get('requests.received')?.status).toBe('auto');
  });

  it('clears the cells of failing rules that one other cell explains, in a bucket of their own; that cell\'s row stays', () => {
    // One printed slip: 予以公开's 自然人 one more than printed, which breaks its row's sum and its column's outcome sum.
    const gold = readSeedGold('002');
    const slipped = 'applications.granted.naturalPerson';
    const parse = goldParse(gold, { [slipped]: { value: gold.fields[slipped]! + 1, raw: String(gold.fields[slipped]! + 1) } });
    const assessment = assessDocument({ template: gov2019, parse, decodedText: '', normalised: emptyText, calibration: everyBucket });
    const fields = byId(assessment.fields);
    expect(fields.get(slipped)).toMatchObject({ status: 'review' });
    expect(assessment.signals.get(slipped)!.bucket).toBe('blocked/rule-failed');
    // The row's other cells stay for a person: the row's failing sum is theirs to settle.
    for (const id of ['applications.granted.total', 'applications.granted.commercial']) expect(fields.get(id)!.status, id).toBe('review');
    // The column's other cells, each confirmed by its own row's sum, are cleared.
    for (const id of ['applications.partiallyGranted.naturalPerson', 'applications.resultTotal.naturalPerson']) {
      expect(assessment.signals.get(id)!.bucket, id).toMatch(/\/failed-elsewhere$/u);
      expect(fields.get(id)!.status, id).toBe('auto');
      // The failing rule still stands among the field's findings.
      expect((fields.get(id)!.findings ?? []).some((finding) => finding.kind === 'rule-failed'), id).toBe(true);
    }
  });

  it('does not let a rule through a value that may be the page number itself confirm the cells beside it', () => {
    // "0 2 2 1 7" then a bare page number 12, one cell per line: the row counted a cell off holds 2 + 2 + 1 + 7 = 12.
    const variant = [...brokenVariants('cell-per-line', 175, 2, (lines, random) => {
      if (lines.some((line) => line.includes('\f'))) return lines;
      let page = 2;
      return lines.flatMap((line) => (random.next() < 0.04 ? [line, String(page++)] : [line]));
    })].find((candidate) => candidate.name.startsWith('0001_'))!;
    const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(variant.text) });
    expect(compareWithGold(result.record, variant.gold, result.buckets).wrongAuto).toEqual([]);
    expect(result.record.fields.find((field) => field.id === 'reconsideration.pending')?.status).toBe('review');
  });

  it('does not let a row\'s own rules confirm its share of a run cut again with its neighbours: they chose it', () => {
    const gold = readSeedGold('002');
    const shared = { support: { readings: 1, anchored: true, placement: 'cell' as const, shareOfRun: true } };
    const row = (key: string) => Object.keys(gold.fields).filter((id) => id.startsWith(`applications.${key}.`));
    const parse = goldParse(gold, Object.fromEntries([...row('granted'), ...row('partiallyGranted')].map((id) => [id, shared])));
    const assessment = assessDocument({ template: gov2019, parse, decodedText: '', normalised: emptyText, calibration: everyBucket });
    // The column rules reach cells read otherwise: they still confirm, and the share is pooled with its kind.
    expect(assessment.signals.get('applications.granted.naturalPerson')!.bucket).toBe('cell/clean/confirmed/printed');
    // Without the outcome rows' other cells, only the rows' own sums would hold: nothing confirms.
    const alone = goldParse({ fields: Object.fromEntries(row('granted').map((id) => [id, gold.fields[id]!])) }, Object.fromEntries(row('granted').map((id) => [id, shared])));
    const aloneAssessment = assessDocument({ template: gov2019, parse: alone, decodedText: '', normalised: emptyText, calibration: everyBucket });
    expect(aloneAssessment.signals.get('applications.granted.total')!.bucket).toBe('cell/clean/none/printed/shared');
  });

  it('clears nothing when no one cell lies in every failing rule (two cells of a row swapped)', () => {
    const gold = readSeedGold('002');
    const [left, right] = ['applications.newReceived.naturalPerson', 'applications.newReceived.commercial'] as const;
    expect(gold.fields[left]).not.toBe(gold.fields[right]);
    const parse = goldParse(gold, { [left]: { value: gold.fields[right]! }, [right]: { value: gold.fields[left]! } });
    const assessment = assessDocument({ template: gov2019, parse, decodedText: '', normalised: emptyText, calibration: everyBucket });
    expect([...assessment.signals.values()].filter((entry) => entry.bucket.endsWith('/failed-elsewhere'))).toEqual([]);
    expect(assessment.signals.get(left)!.bucket).toBe('blocked/rule-failed');
  });

  it('keeps blanks null, flags the blank total and proves blank parts of a printed total 0 (seed 001)', () => {
    const fields = byId(assessFields({ template: gov2014, parse: goldParse(readSeedGold('001')), decodedText: '', normalised: emptyText, calibration: everyBucket }));
    const answered = fields.get('requests.answered')!;
    expect(answered).toMatchObject({ value: null, raw: '', status: 'review', method: 'table' });
    expect(answered.issues.some((issue) => issue.startsWith('rule: requests.answered ='))).toBe(true);
    // 收到申请数 3 = 当面 3 + 传真 "" + 网络 "" + 信函 "": counts are never negative, so each blank is 0.
    const fax = fields.get('requests.fax')!;
    expect(fax).toMatchObject({ value: 0, raw: '', status: 'auto', method: 'inferred' });
    // A blank part of a failing rule proves nothing (requests.answered is blank next to a filled part): it stays null,
    // as printed; the failure is the blank total's, so neither it nor the printed part beside it is held for it,
    // measured apart.
    expect(fields.get('answers.notExist')).toMatchObject({ value: null, status: 'auto', method: 'table' });
    expect(fields.get('answers.granted')).toMatchObject({ value: 3, status: 'auto', method: 'table' });
    const assessment = assessDocument({ template: gov2014, parse: goldParse(readSeedGold('001')), decodedText: '', normalised: emptyText, calibration: everyBucket });
    expect(assessment.signals.get('answers.notExist')!.bucket).toBe('cell/clean/none/blank/failed-on-blanks');
    expect(assessment.signals.get('answers.granted')!.bucket).toBe('cell/clean/none/printed/failed-on-blanks');
    expect(assessment.signals.get('requests.answered')!.bucket).toBe('blocked/rule-failed');
    // Unmeasured, they wait for a person.
    const unmeasured = byId(assessFields({ template: gov2014, parse: goldParse(readSeedGold('001')), decodedText: '', normalised: emptyText, calibration: measured('cell/clean/proven-zero') }));
    expect(unmeasured.get('answers.notExist')).toMatchObject({ value: null, status: 'review' });
    // A blank block that no rule can settle is not a finding: it is read as printed.
    expect(fields.get('litigation.total')).toMatchObject({ value: null, status: 'auto' });
  });

  it('holds every blank of a reading that found no number at all, and says why', () => {
    const gold = readSeedGold('001');
    const blanks = { fields: Object.fromEntries(Object.keys(gold.fields).map((fieldId) => [fieldId, null])) };
    const fields = assessFields({ template: gov2014, parse: goldParse(blanks), decodedText: '', normalised: emptyText, calibration: everyBucket });
    for (const field of fields) {
      expect(field, field.id).toMatchObject({ value: null, status: 'review' });
      expect(field.findings?.map((finding) => finding.kind), field.id).toContain('nothing-read');
    }
    // One number read anywhere, and the blanks are read as printed again (seed 001's blank block of 行政诉讼).
    const oneRead = { fields: { ...blanks.fields, 'org.offices': 1 } };
    const withOne = byId(assessFields({ template: gov2014, parse: goldParse(oneRead), decodedText: '', normalised: emptyText, calibration: everyBucket }));
    expect(withOne.get('litigation.total')).toMatchObject({ value: null, status: 'auto' });
  });

  it('holds a blank whose proof rests on a printed cell of its own row held for review, naming that cell', () => {
    // The column's total read under an inexact label proves nothing: only the row's own sum proves the blank.
    const parse = goldParse(readSeedGold('002'), { 'applications.granted.research': { value: null, raw: '' }, 'applications.resultTotal.research': { labelScore: 0.5 } });
    // Proofs measured clean, printed cells of no rule unmeasured: the row's printed 13s wait, and so does its blank.
    const fields = byId(assessFields({ template: gov2019, parse, decodedText: '', normalised: emptyText, calibration: measured('cell/clean/proven-zero') }));
    expect(fields.get('applications.granted.total')!.status).toBe('review');
    const research = fields.get('applications.granted.research')!;
    expect(research).toMatchObject({ value: 0, raw: '', method: 'inferred', status: 'review' });
    expect(research.findings).toContainEqual(expect.objectContaining({ kind: 'proof-in-doubt', heldField: expect.stringMatching(/^applications\.granted\./u) }));
    expect(research.findings?.map((finding) => finding.kind)).not.toContain('proven-zero');
    // With the row's printed cells committed, the proof stands.
    const settled = byId(assessFields({ template: gov2019, parse, decodedText: '', normalised: emptyText, calibration: everyBucket }));
    expect(settled.get('applications.granted.research')).toMatchObject({ value: 0, status: 'auto' });
  });

  it('records 0, in review, for the sub-rows of （六） a report prints as one aggregate row only when the aggregate is 0', () => {
    const gold = readGoldFile(new URL('../../test/fixtures/synthetic/gold/s01_2021_tab.json', import.meta.url));
    const columns = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
    const subRows = ['otherOverdueAmendment', 'otherOverdueFee'];
    // The 2019 form's one row 其他处理: the sum of the 2021 form's three, matched roughly to 3.其他.
    const printedAsAggregate = (fields: Record<string, number | null>) => {
      const override: Record<string, { value: number; raw: string; labelScore: number }> = {};
      const kept = Object.fromEntries(Object.entries(fields).filter(([id]) => !subRows.some((row) => id.startsWith(`applications.${row}.`))));
      for (const column of columns) {
        const aggregate = ['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling'].reduce((sum, row) => sum + (fields[`applications.${row}.${column}`] ?? 0), 0);
        override[`applications.otherHandling.${column}`] = { value: aggregate, raw: String(aggregate), labelScore: 0.9 };
      }
      return byId(assessFields({ template: gov2021, parse: goldParse({ fields: kept }, override), decodedText: '', normalised: emptyText, calibration: everyBucket }));
    };
    // The three rows made 0, their counts moved to 予以公开 so that every sum still holds.
    const zeroed = { ...gold.fields };
    for (const column of columns) {
      for (const row of [...subRows, 'otherHandling']) {
        const id = `applications.${row}.${column}`;
        zeroed[`applications.granted.${column}`] = (zeroed[`applications.granted.${column}`] ?? 0) + (zeroed[id] ?? 0);
        zeroed[id] = 0;
      }
    }
    const fields = printedAsAggregate(zeroed);
    for (const row of subRows) {
      for (const column of columns) {
        const field = fields.get(`applications.${row}.${column}`)!;
        expect(field).toMatchObject({ value: 0, raw: '', method: 'inferred', status: 'review' });
        expect(field.findings?.map((finding) => finding.kind)).toEqual(['not-found', 'absent-row-zero']);
      }
    }
    // An aggregate above 0 may hold counts of the unprinted rows: nothing is proven.
    const counted = { ...zeroed, 'applications.otherOverdueFee.naturalPerson': 1, 'applications.otherOverdueFee.total': 1, 'applications.granted.naturalPerson': (zeroed['applications.granted.naturalPerson'] ?? 0) - 1, 'applications.granted.total': (zeroed['applications.granted.total'] ?? 0) - 1 };
    const unproven = printedAsAggregate(counted);
    expect(unproven.get('applications.otherOverdueFee.naturalPerson')).toMatchObject({ value: null, status: 'review' });
    expect(unproven.get('applications.otherOverdueAmendment.naturalPerson')).toMatchObject({ value: null, status: 'review' });
    // Columns whose aggregate is 0 are still proven.
    expect(unproven.get('applications.otherOverdueFee.commercial')).toMatchObject({ value: 0, method: 'inferred', status: 'review' });
  });

  it('proves a blank 0 on doubtful premises (an inexact total label) as a bucket of its own, and only proposes next to unread digits', () => {
    const inexactParse = goldParse(readSeedGold('001'), { 'requests.received': { labelScore: 0.8 } });
    // The doubtful proof measured at 5% wrong, everything else perfect: the blank waits, its value proven 0.
    const doubtfulErrs: CalibrationLookup = (bucket) => ({ fields: 1_000_000, wrong: bucket.endsWith('/proven-zero-doubtful') ? 50_000 : 0 });
    const inexactTotal = byId(assessFields({ template: gov2014, parse: inexactParse, decodedText: '', normalised: emptyText, calibration: doubtfulErrs }));
    expect(inexactTotal.get('requests.fax')).toMatchObject({ value: 0, raw: '', status: 'review', method: 'inferred' });
    expect(inexactTotal.get('requests.fax')!.findings!.map((finding) => finding.kind)).toContain('proven-zero');
    expect(inexactTotal.get('requests.fax')!.findings!.map((finding) => finding.kind)).not.toContain('proposed-zero');
    // Measured clean, the same proof is committed.
    const measuredClean = byId(assessFields({ template: gov2014, parse: inexactParse, decodedText: '', normalised: emptyText, calibration: everyBucket }));
    expect(measuredClean.get('requests.fax')).toMatchObject({ value: 0, raw: '', status: 'auto', method: 'inferred' });
    const decodedText = '收到申请数\t件\t3\n传真\t件\t\tO\n';
    const faxAt = decodedText.indexOf('\t\tO') + 1;
    const doubtful = byId(assessFields({
      template: gov2014,
      parse: goldParse(readSeedGold('001'), { 'requests.fax': { start: faxAt, end: faxAt } }),
      decodedText,
      normalised: MappedText.identity(decodedText),
      calibration: everyBucket,
    }));
    expect(doubtful.get('requests.fax')).toMatchObject({ value: null, status: 'review' });
    expect(doubtful.get('requests.online')).toMatchObject({ value: null, status: 'review' });
  });

  it('proves a blank of a row printed with no value 0 when its total is reached, and otherwise keeps it ambiguous', () => {
    const emptyRow = { ambiguous: true, support: { readings: 0, anchored: true, placement: 'count' as const, emptyRow: true } };
    const proven = byId(assessFields({
      template: gov2014, parse: goldParse(readSeedGold('001'), { 'requests.fax': emptyRow }), decodedText: '', normalised: emptyText, calibration: everyBucket,
    }));
    expect(proven.get('requests.fax')).toMatchObject({ value: 0, raw: '', method: 'inferred', status: 'auto' });
    const short = byId(assessFields({
      template: gov2014, parse: goldParse(readSeedGold('001'), { 'requests.fax': emptyRow, 'requests.inPerson': { value: 2, raw: '2' } }), decodedText: '', normalised: emptyText, calibration: everyBucket,
    }));
    expect(short.get('requests.fax')).toMatchObject({ value: null, status: 'review' });
    expect(short.get('requests.fax')!.findings!.map((finding) => finding.kind)).toContain('ambiguous');
  });

  it('proves nothing when the printed parts do not reach the total, or a part is ambiguous', () => {
    const short = byId(assessFields({
      template: gov2014, parse: goldParse(readSeedGold('001'), { 'requests.inPerson': { value: 2, raw: '2' } }), decodedText: '', normalised: emptyText, calibration: everyBucket,
    }));
    expect(short.get('requests.fax')).toMatchObject({ value: null, status: 'review', method: 'table' });
    const ambiguous = byId(assessFields({
      template: gov2014, parse: goldParse(readSeedGold('001'), { 'requests.inPerson': { ambiguous: true } }), decodedText: '', normalised: emptyText, calibration: everyBucket,
    }));
    expect(ambiguous.get('requests.fax')).toMatchObject({ value: null, status: 'review' });
  });

  it('says why an ambiguous cell waits: a printed inconsistency is a rule failure, a parser note is enough', () => {
    const inconsistent = 'glued run "20000011" admits no split (printed inconsistency)';
    const parse = goldParse(readSeedGold('002'), {
      'applications.resultTotal.total': { value: null, raw: '20000011', ambiguous: true, layout: 'glued-digits', notes: [inconsistent] },
      'disclosure.procurement.amount': { ambiguous: true, notes: ['ambiguous: amount printed without a unit (元 or 万元?)'] },
      'applications.granted.total': { value: null, raw: '1113', ambiguous: true, layout: 'glued-digits', notes: [] },
    });
    const fields = byId(assessFields({ template: gov2019, parse, decodedText: '', normalised: emptyText, calibration: everyBucket }));
    const total = fields.get('applications.resultTotal.total')!;
    expect(total.status).toBe('review');
    expect(total.issues).toContain(`rule: no reading of the printed digits satisfies the form's rules (${inconsistent})`);
    const amount = fields.get('disclosure.procurement.amount')!;
    expect(amount.status).toBe('review');
    expect(amount.issues.filter((issue) => issue.startsWith('ambiguous'))).toEqual(['ambiguous: amount printed without a unit (元 or 万元?)']);
    expect(fields.get('applications.granted.total')!.issues).toContain('ambiguous: more than one reading of the table satisfies every rule, and they differ in this cell');
  });

  it('quotes evidence from the original text and lists repairs as issues', () => {
    const decodedText = '收到申请数\t件\tO\n';
    const parse = goldParse(readSeedGold('003'), {
      'requests.received': { start: 8, end: 9, raw: 'O', value: 0, repairs: ['OCR letter O read as 0'] },
    });
    const field = byId(assessFields({ template: gov2014, parse, decodedText, normalised: MappedText.identity(decodedText), calibration: everyBucket })).get('requests.received')!;
    expect(field.evidence).toEqual({ start: 8, end: 9, text: 'O' });
    expect(field.issues).toContain('OCR letter O read as 0');
  });

  it('sends a field the parser did not find to review with no evidence', () => {
    const parse = goldParse(readSeedGold('003'));
    (parse.cells as Map<string, unknown>).delete('org.budget');
    const field = byId(assessFields({ template: gov2014, parse, decodedText: '', normalised: emptyText, calibration: measured('cell/') })).get('org.budget')!;
    expect(field).toMatchObject({ value: null, raw: '', confidence: 0, status: 'review', evidence: null, issues: ['not found in the document'] });
  });

  it('never commits an ambiguous cell, and commits a weaker reading only where its own bucket was measured', () => {
    const parse = goldParse(readSeedGold('003'), {
      'active.total': { ambiguous: true },
      'active.viaWebsite': { layout: 'column-order' },
      'training.meetings': { labelScore: 0.7 },
    });
    const assessment = assessDocument({ template: gov2014, parse, decodedText: '', normalised: emptyText, calibration: measured('cell/clean/', 'blocked/') });
    const fields = byId(assessment.fields);
    expect(fields.get('active.total')).toMatchObject({ status: 'review' });
    expect(assessment.signals.get('active.total')!.bucket).toBe('blocked/ambiguous');
    expect(assessment.signals.get('active.viaWebsite')!.bucket).toMatch(/^position\/clean\//u);
    expect(fields.get('active.viaWebsite')!.status).toBe('review');
    expect(assessment.signals.get('training.meetings')!.bucket).toMatch(/^cell\/doubt\//u);
    expect(fields.get('training.meetings')!.status).toBe('review');
    expect(fields.get('active.viaWeibo')!.status).toBe('auto');
    const everywhere = byId(assessFields({ template: gov2014, parse, decodedText: '', normalised: emptyText, calibration: everyBucket }));
    expect(everywhere.get('active.viaWebsite')!.status).toBe('auto');
    expect(everywhere.get('active.total')!.status).toBe('review');
  });

  it('records the parser\'s placement signals when it gives them: several readings or no anchor make a doubtful bucket', () => {
    const parse = goldParse(readSeedGold('003'), {
      'requests.received': { support: { readings: 2, anchored: true, placement: 'count' } },
      'requests.inPerson': { support: { readings: 1, anchored: true, placement: 'count' } },
    });
    const signals = assessDocument({ template: gov2014, parse, decodedText: '', normalised: emptyText, calibration: everyBucket }).signals;
    expect(signals.get('requests.received')!.bucket).toMatch(/^count\/doubt\//u);
    expect(signals.get('requests.inPerson')!.bucket).toMatch(/^count\/clean\//u);
  });

  it('adds a narrative warning that blocks, and records agreement as a signal', () => {
    const gold = readSeedGold('003');
    const text = '2018年，共受理政府信息公开申请35件。全年召开政务公开工作会议2次。';
    const parse = goldParse({ ...gold, fields: { ...gold.fields, 'requests.received': 36, 'requests.inPerson': 36 } });
    const assessment = assessDocument({ template: gov2014, parse, decodedText: text, normalised: MappedText.identity(text), calibration: everyBucket });
    const fields = byId(assessment.fields);
    const received = fields.get('requests.received')!;
    expect(received.issues).toContain("narrative: '受理政府信息公开申请35件' says 35, table says 36");
    expect(received.status).toBe('review');
    const meetings = fields.get('training.meetings')!;
    expect(meetings.issues).toEqual([]);
    expect(assessment.signals.get('training.meetings')!.signals.narrative).toBe('agrees');
    expect(assessment.signals.get('requests.received')!.bucket).toBe('blocked/narrative-disagrees');
  });

  it('never takes a cell read without a value (an unsolved glued run) for a blank', () => {
    const parse = goldParse(readSeedGold('003'), {
      'requests.fax': { value: null, raw: '00', ambiguous: true },
      'requests.mail': { value: null, raw: '5426' },
    });
    const assessment = assessDocument({ template: gov2014, parse, decodedText: '', normalised: emptyText, calibration: everyBucket });
    expect(assessment.rules.proposedZeros.size).toBe(0);
    const fields = byId(assessment.fields);
    expect(fields.get('requests.fax')).toMatchObject({ status: 'review', value: null });
    expect(fields.get('requests.mail')).toMatchObject({ status: 'review', value: null });
    expect(fields.get('requests.mail')!.issues).toContain("no value read from the printed '5426'");
  });

  it('offers a cell\'s proposal as the value to review, never commits it and never checks a rule with it', () => {
    const gold = readSeedGold('003');
    const parse = goldParse(gold, {
      'requests.fax': { value: null, raw: '00', ambiguous: true, proposal: 0 },
      'requests.mail': { value: null, raw: '5426', ambiguous: true, proposal: gold.fields['requests.mail'] ?? 7 },
    });
    const assessment = assessDocument({ template: gov2014, parse, decodedText: '', normalised: emptyText, calibration: everyBucket });
    const fields = byId(assessment.fields);
    expect(fields.get('requests.fax')).toMatchObject({ status: 'review', value: 0, method: 'table' });
    expect(fields.get('requests.mail')).toMatchObject({ status: 'review', value: gold.fields['requests.mail'] ?? 7 });
    // The rule reaching them sees them unread: it confirms nothing and proposes nothing.
    expect(assessment.rules.proposedZeros.size).toBe(0);
    const received = assessment.rules.fields.get('requests.received');
    expect(received?.confirmedBy.some((evaluation) => [...evaluation.rule.left, ...evaluation.rule.right].includes('requests.fax')) ?? false).toBe(false);
  });

  it('doubts a blank whose row holds a number-like piece nobody read (an unrepaired OCR "I")', () => {
    const decodedText = '（三）从事政府信息公开工作人员数\t人\tI\n2.兼职人员数\t人\t\n';
    const blankAt = decodedText.indexOf('\tI');
    const partTimeAt = decodedText.lastIndexOf('\t');
    const parse = goldParse(readSeedGold('003'), {
      'org.staff': { value: null, raw: '', start: blankAt, end: blankAt },
      'org.staffPartTime': { value: null, raw: '', start: partTimeAt, end: partTimeAt },
      'org.staffFullTime': { value: null, raw: '', start: 0, end: 0 },
    });
    const fields = byId(assessFields({ template: gov2014, parse, decodedText, normalised: MappedText.identity(decodedText), calibration: everyBucket }));
    expect(fields.get('org.staff')).toMatchObject({ status: 'review' });
    expect(fields.get('org.staff')!.issues).toContain("read as blank, but 'I' stands unread in the same row");
    expect(fields.get('org.staffPartTime')!.issues.some((issue) => issue.startsWith('read as blank'))).toBe(false);
  });

  it('measures cells placed by position in a section the parser could not resolve apart, per layout class', () => {
    const gold = readSeedGold('002');
    const override = Object.fromEntries(Object.keys(gold.fields)
      .filter((id) => id.startsWith('applications.'))
      .map((id) => [id, { layout: 'column-order' }]));
    const parse = goldParse(gold, override);
    const sectionFields = Object.keys(override);
    const unresolved = { ...parse, sections: [{ id: 'gov-2019/三', heading: '三', start: 0, end: 0, fieldIds: sectionFields, resolved: false }] };
    const resolved = { ...parse, sections: [{ id: 'gov-2019/三', heading: '三', start: 0, end: 0, fieldIds: sectionFields, resolved: true }] };
    // Unresolved column-order readings measured at 5% wrong, everything else perfect.
    const unresolvedErrs: CalibrationLookup = (bucket) => ({ fields: 1_000_000, wrong: bucket.endsWith('/unresolved-columnOrder') ? 50_000 : 0 });
    const fieldOf = (input: typeof parse, calibration: CalibrationLookup) => byId(assessFields({ template: gov2019, parse: input, decodedText: '', normalised: emptyText, calibration }))
      .get('applications.granted.naturalPerson')!;
    expect(fieldOf(resolved, unresolvedErrs).status).toBe('auto');
    expect(fieldOf(unresolved, unresolvedErrs).status).toBe('review');
    // Measured clean, the same reading is committed: the section's state is a signal, not a blocker.
    expect(fieldOf(unresolved, everyBucket).status).toBe('auto');
  });

  it('records every blocker as a typed finding, and writes the issues from the findings', () => {
    const parse = goldParse(readSeedGold('001'), { 'active.total': { ambiguous: true }, 'requests.mail': { value: null, raw: '5426' } });
    (parse.cells as Map<string, unknown>).delete('org.budget');
    const fields = assessFields({ template: gov2014, parse, decodedText: '', normalised: emptyText, calibration: everyBucket });
    const review = fields.filter((field) => field.status === 'review');
    expect(review.length).toBeGreaterThan(0);
    for (const field of review) expect(field.findings!.some(findingBlocks), field.id).toBe(true);
    for (const field of fields) expect(field.issues).toEqual(describeFindings(field.findings!, { language: 'en', rules: gov2014.rules }));
    const byField = byId(fields);
    expect(byField.get('org.budget')!.findings).toEqual([{ kind: 'not-found' }]);
    expect(byField.get('requests.mail')!.findings).toContainEqual({ kind: 'value-not-read', raw: '5426' });
    expect(byField.get('active.total')!.findings).toContainEqual({ kind: 'ambiguous' });
    expect(byField.get('requests.completedExtended')!.findings).toEqual([{ kind: 'proven-zero', ruleId: 'requests.completed' }]);
  });
});

describe('assessFields: a section read by its numbers alone, one of them joined from two lines', () => {
  it('lets no rule through the joined number confirm the others (seed 253 bare-pages: 3 | 3 | 12 | 9 | 27 for 3 | 3 | 1 | 2 | 9)', () => {
    // Page 27 after 四's values made 16 numbers for 15 cells: "1" / "2" joined as 12, and 3 + 3 + 12 + 9 = 27 held.
    const pages = brokenVariants('cell-per-line', 257, 12, (lines, random) => {
      if (lines.some((line) => line.includes('\f'))) return lines;
      let page = 2;
      return lines.flatMap((line) => (random.next() < 0.04 ? [line, String(page++)] : [line]));
    });
    const variant = [...pages].find((candidate) => candidate.name.startsWith('0011_'))!;
    const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(variant.text) });
    expect(compareWithGold(result.record, variant.gold, result.buckets).wrongAuto).toEqual([]);
  });
});
