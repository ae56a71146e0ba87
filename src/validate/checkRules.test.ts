import { describe, expect, it } from 'vitest';
import { goldParse, readSeedGold } from '../../test/support/goldParse.ts';
import { gov2014 } from '../templates/gov2014.ts';
import { gov2019 } from '../templates/gov2019.ts';
import type { RuleDefinition } from '../templates/TemplateDefinition.ts';
import { describeFindings } from '../record/describeFinding.ts';
import { checkRules } from './checkRules.ts';
import { readBlanksAsZero } from './readBlanksAsZero.ts';
import { seededRandom } from '../../test/support/seededRandom.ts';
import { findingBlocks } from '../record/FieldFinding.ts';

const sum: RuleDefinition = {
  id: 'sum', kind: 'equal', severity: 'hard', left: ['t'], right: ['a', 'b', 'c'], description: 't = a + b + c',
};

/** The field's rule findings in words, as the record's issues write them. */
function sentences(check: ReturnType<typeof checkRules>, fieldId: string, rules: readonly RuleDefinition[]): string[] {
  return describeFindings(check.fields.get(fieldId)?.findings ?? [], { language: 'en', rules });
}

function values(map: Record<string, number | null>) {
  return (id: string) => map[id];
}

describe('readBlanksAsZero', () => {
  it('forces blank parts to 0 when the filled parts already make the total', () => {
    expect(readBlanksAsZero(sum, values({ t: 3, a: 3, b: null, c: null })).outcome).toBe('forced-zero');
    expect(readBlanksAsZero(sum, values({ t: null, a: 0, b: 0, c: 0 })).outcome).toBe('forced-zero');
  });

  it('proposes nothing when other readings fit or the block is empty', () => {
    expect(readBlanksAsZero(sum, values({ t: null, a: 0, b: null, c: 0 })).outcome).toBe('holds-unforced');
    expect(readBlanksAsZero(sum, values({ t: null, a: null, b: null, c: null })).outcome).toBe('holds-unforced');
  });

  it('reports a contradiction when blanks as 0 cannot make the sum hold', () => {
    expect(readBlanksAsZero(sum, values({ t: null, a: 3, b: null, c: null })).outcome).toBe('contradicted');
    expect(readBlanksAsZero(sum, values({ t: 5, a: 3, b: null, c: null })).outcome).toBe('contradicted');
  });

  it('never takes an unread cell as 0', () => {
    expect(readBlanksAsZero(sum, values({ t: 3, a: 3, b: null })).outcome).toBe('not-applicable');
  });
});

describe('checkRules', () => {
  const everyCell = { printed: () => true, blank: () => true };
  const partOf: RuleDefinition = { id: 'part', kind: 'equal', severity: 'hard', left: ['a'], right: ['a1', 'a2'], description: 'a = a1 + a2' };

  it('proves blank parts of a printed total 0, and checks the rules with them as 0', () => {
    const check = checkRules([sum], values({ t: 3, a: 3, b: null, c: null }), everyCell);
    expect([...check.provenZeros.keys()]).toEqual(['b', 'c']);
    expect(check.proposedZeros.size).toBe(0);
    expect(check.fields.get('t')?.confirmedNonTrivially).toBe(true);
    expect(check.fields.get('b')?.provenZeroBy?.id).toBe('sum');
  });

  it('never fills a blank total, never proves from a blank total or a proven 0 as a total, and proves nothing without eligibility', () => {
    expect(checkRules([sum], values({ t: null, a: 0, b: 0, c: 0 }), everyCell).provenZeros.size).toBe(0);
    // t = a + b + c proves b and c, but a proven 0 is no total: a1 and a2 stay unproven under a blank a.
    const chained = checkRules([sum, partOf], values({ t: 3, a: null, b: 3, c: null, a1: null, a2: null }), everyCell);
    expect([...chained.provenZeros.keys()].sort()).toEqual(['a', 'c']);
    expect(checkRules([sum], values({ t: 3, a: 3, b: null, c: null })).provenZeros.size).toBe(0);
    expect(checkRules([sum], values({ t: 3, a: 3, b: null, c: null }), { printed: () => true, blank: (id) => id !== 'c' }).provenZeros.size).toBe(0);
    expect(checkRules([sum], values({ t: 3, a: 3, b: null, c: null }), { printed: (id) => id !== 't', blank: () => true }).provenZeros.size).toBe(0);
  });

  it('proves nothing when the printed parts do not reach the total, or a cell of the proof fails another rule', () => {
    expect(checkRules([sum], values({ t: 5, a: 3, b: null, c: null }), everyCell).provenZeros.size).toBe(0);
    const failing: RuleDefinition = { id: 'other', kind: 'equal', severity: 'hard', left: ['a'], right: ['d'], description: 'a = d' };
    expect(checkRules([sum, failing], values({ t: 3, a: 3, b: null, c: null, d: 4 }), everyCell).provenZeros.size).toBe(0);
  });

  it('proves nothing by a rule the eligibility rules out, on the strict and the doubtful premises alike', () => {
    const read = values({ t: 3, a: 3, b: null, c: null });
    const notSum = (rule: RuleDefinition) => rule.id !== 'sum';
    expect(checkRules([sum], read, { ...everyCell, ruleProves: notSum }).provenZeros.size).toBe(0);
    const doubtfulOnly = { printed: () => false, blank: () => false, doubtful: { printed: () => true, blank: () => true } };
    expect(checkRules([sum], read, doubtfulOnly).provenZeros.size).toBe(2);
    expect(checkRules([sum], read, { ...doubtfulOnly, doubtful: { ...doubtfulOnly.doubtful, ruleProves: notSum } }).provenZeros.size).toBe(0);
  });

  it('lets a row whose total is blank take part in a doubtful proof when its blank total is a blank on the doubtful premises', () => {
    // Column: t = a + b + c. Row of a: a = a1 + a2 with its total a printed, and row r = a + x whose total r is blank.
    const row: RuleDefinition = { id: 'row', kind: 'equal', severity: 'hard', left: ['r'], right: ['a', 'x'], description: 'r = a + x' };
    const read = values({ t: 3, a: 3, b: null, c: null, r: null, x: 2 });
    // Strictly, r is no blank (its section unresolved, say): the failing row holds a out of every proof.
    const strictOnly = { printed: () => true, blank: (id: string) => id === 'b' || id === 'c' };
    expect(checkRules([sum, row], read, strictOnly).provenZeros.size).toBe(0);
    // On the doubtful premises r is a blank: it explains its row's failure, a serves the column's proof, b and c
    // are proven 0 as doubtful.
    const check = checkRules([sum, row], read, { ...strictOnly, doubtful: { printed: () => true, blank: () => true } });
    expect([...check.provenZeros.keys()].sort()).toEqual(['b', 'c']);
    expect(check.fields.get('b')?.provenZeroDoubtful).toBe(true);
    expect(check.fields.get('r')?.provenZeroBy ?? null).toBeNull();
  });

  it('flags the printed inconsistency of seed 000 with the rule and its numbers', () => {
    const parse = goldParse(readSeedGold('000'));
    const check = checkRules(gov2014.rules, (id) => parse.cells.get(id)?.value);
    const expected = 'rule: requests.completed = requests.completedOnTime + requests.completedExtended (0 ≠ 2)';
    for (const id of ['requests.completed', 'requests.completedOnTime', 'requests.completedExtended']) {
      expect(check.fields.get(id)?.failedHard).toHaveLength(1);
      expect(sentences(check, id, gov2014.rules)).toContain(expected);
      expect(check.fields.get(id)?.findings).toContainEqual({ kind: 'rule-failed', ruleId: 'requests.completed', severity: 'hard', leftSum: 0, rightSum: 2 });
    }
    expect(check.fields.get('requests.received')?.confirmedNonTrivially).toBe(true);
    expect(check.fields.get('reconsideration.total')?.confirmedBy).toHaveLength(1);
    expect(check.fields.get('reconsideration.total')?.confirmedNonTrivially).toBe(false);
    expect(check.proposedZeros.size).toBe(0);
  });

  it('flags the blank total of seed 001 and proposes its forced blanks as 0 without changing them', () => {
    const parse = goldParse(readSeedGold('001'));
    const check = checkRules(gov2014.rules, (id) => parse.cells.get(id)?.value);
    const answered = check.fields.get('requests.answered');
    expect(answered?.failedHard.map((rule) => rule.id)).toEqual(['requests.answered']);
    expect(sentences(check, 'requests.answered', gov2014.rules)[0]).toMatch(/^rule: requests\.answered = .*with blanks as 0: 0 ≠ 3\)$/u);
    expect([...check.proposedZeros].sort()).toEqual(['requests.completedExtended', 'requests.fax', 'requests.mail', 'requests.online']);
    expect(check.fields.get('requests.fax')?.findings).toEqual([{ kind: 'proposed-zero', ruleId: 'requests.received' }]);
    expect(sentences(check, 'requests.fax', gov2014.rules)).toContain(
      'proposed 0 (inferred): blank; proposed 0 because requests.received = requests.inPerson + requests.fax + requests.online + requests.mail holds only with blanks as 0',
    );
    expect(check.fields.get('requests.received')?.heldWithProposals).toHaveLength(1);
    // The empty 复议 block proposes nothing and flags nothing.
    expect(check.fields.get('reconsideration.total')?.findings ?? []).toEqual([]);
    expect(parse.cells.get('requests.fax')?.value).toBeNull();
  });

  it('passes every rule of seed 002 (gov-2019) as printed', () => {
    const parse = goldParse(readSeedGold('002'));
    const check = checkRules(gov2019.rules, (id) => parse.cells.get(id)?.value);
    expect(check.failedHardRules).toEqual([]);
    expect(check.fields.get('applications.newReceived.total')?.confirmedNonTrivially).toBe(true);
  });

  it('writes soft rule failures as warnings', () => {
    const parse = goldParse(readSeedGold('003'), { 'response.pressConferencesByHead': { value: 3, raw: '3' } });
    const check = checkRules(gov2014.rules, (id) => parse.cells.get(id)?.value);
    const findings = check.fields.get('response.pressConferencesByHead');
    expect(findings?.failedSoft).toHaveLength(1);
    expect(findings?.failedHard).toHaveLength(0);
    expect(sentences(check, 'response.pressConferencesByHead', gov2014.rules)[0]).toBe('warning: response.pressConferencesByHead ≤ response.pressConferences (3 > 0)');
  });

  it('propagates proposals: a rule completed by earlier proposals is checked with them', () => {
    const rules: RuleDefinition[] = [
      sum,
      { id: 'second', kind: 'equal', severity: 'hard', left: ['u'], right: ['b', 'd'], description: 'u = b + d' },
    ];
    const check = checkRules(rules, values({ t: 3, a: 3, b: null, c: null, u: 2, d: 2 }));
    expect([...check.proposedZeros].sort()).toEqual(['b', 'c']);
    expect(check.fields.get('d')?.heldWithProposals.map((rule) => rule.id)).toEqual(['second']);
  });

  it('fails a sum whose read parts already exceed its total, whatever the unread parts hold', () => {
    const check = checkRules([sum], values({ t: 0, a: 4, b: 1 }));
    expect(check.fields.get('t')?.failedHard).toHaveLength(1);
    expect(sentences(check, 't', [sum])[0]).toBe('rule: t = a + b + c (cannot hold whatever the blank or unread cells hold: 0 ≠ 5 + ?)');
    // Unread parts that could still make up the total are no finding.
    expect(checkRules([sum], values({ t: 9, a: 4, b: 1 })).failedHardRules).toEqual([]);
  });
});

describe('checkRules: rows the document does not print', () => {
  const everyRow = (absent: ReadonlySet<string>) => ({
    printed: () => true,
    blank: () => true,
    absentRows: { absent: (id: string) => absent.has(id), printed: () => true, exactLabel: () => true },
  });

  it('proves the absent parts 0 exactly when the printed parts make the total (seeded), and keeps them in review', () => {
    const random = seededRandom(20261203);
    for (let round = 0; round < 300; round += 1) {
      const parts = Array.from({ length: random.integer(2, 8) }, (_, index) => `p${index}`);
      const rule: RuleDefinition = { id: 'outcomes', kind: 'equal', severity: 'hard', left: ['t'], right: parts, description: 't = sum' };
      const absent = new Set(parts.filter(() => random.chance(0.3)));
      const values = new Map<string, number>();
      for (const part of parts) if (!absent.has(part)) values.set(part, random.chance(0.5) ? 0 : random.integer(1, 50));
      const printedSum = [...values.values()].reduce((sum, value) => sum + value, 0);
      // The printed total: the parts' sum (the absent rows were 0), or more (an absent row held something).
      const holds = random.chance(0.6);
      const total = holds ? printedSum : printedSum + random.integer(1, 20);
      const valueOf = (id: string) => (id === 't' ? total : values.get(id));
      const check = checkRules([rule], valueOf, everyRow(absent));
      const expected = holds ? [...absent].sort() : [];
      expect([...check.absentZeros.keys()].sort(), `round ${round}`).toEqual(expected);
      for (const id of expected) {
        const findings = check.fields.get(id)!;
        expect(findings.absentZeroBy?.id).toBe('outcomes');
        // The value is 0 but a person confirms it: the finding blocks auto.
        expect(findings.findings.some((finding) => finding.kind === 'absent-row-zero' && findingBlocks(finding))).toBe(true);
      }
      // Never a total, never a printed cell; the rules stay checked on what is printed.
      expect(check.absentZeros.has('t')).toBe(false);
      for (const id of values.keys()) expect(check.absentZeros.has(id)).toBe(false);
      expect(check.provenZeros.size).toBe(0);
    }
  });

  it('proves nothing without the eligibility, from a total not printed, or past a cell that is read but unread-valued', () => {
    const rule: RuleDefinition = { id: 'outcomes', kind: 'equal', severity: 'hard', left: ['t'], right: ['a', 'b', 'c'], description: 't = a + b + c' };
    const absentC = new Set(['c']);
    expect(checkRules([rule], values({ t: 3, a: 3, b: 0 }), { printed: () => true, blank: () => true }).absentZeros.size).toBe(0);
    expect(checkRules([rule], values({ a: 3, b: 0 }), everyRow(absentC)).absentZeros.size).toBe(0);
    // b has a cell whose value was not read (undefined but not absent): it might hold anything.
    expect(checkRules([rule], values({ t: 3, a: 3 }), everyRow(absentC)).absentZeros.size).toBe(0);
    expect(checkRules([rule], values({ t: 3, a: 3, b: 0 }), everyRow(absentC)).absentZeros.size).toBe(1);
  });

  it('lets a part whose label matched only roughly take part only as 0: it may be the row that holds the absent rows', () => {
    const rule: RuleDefinition = { id: 'outcomes', kind: 'equal', severity: 'hard', left: ['t'], right: ['a', 'b', 'c'], description: 't = a + b + c' };
    const rough = (id: string) => ({ printed: () => true, blank: () => true, absentRows: { absent: (cell: string) => cell === 'a', printed: () => true, exactLabel: (cell: string) => cell !== id } });
    // c is an aggregate row read as one of its sub-rows: 2 of it may belong to the absent a.
    expect(checkRules([rule], values({ t: 5, b: 3, c: 2 }), rough('c')).absentZeros.size).toBe(0);
    expect([...checkRules([rule], values({ t: 3, b: 3, c: 0 }), rough('c')).absentZeros.keys()]).toEqual(['a']);
    expect(checkRules([rule], values({ t: 5, b: 3, c: 2 }), rough('b')).absentZeros.size).toBe(0);
  });
});
