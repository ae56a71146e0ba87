import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeedGold } from '../../test/support/goldParse.ts';
import { MappedText } from '../text/MappedText.ts';
import { checkNarrative, describeNarrativeFinding } from './checkNarrative.ts';

function fixture(path: string): string {
  return readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url), 'utf8');
}

function goldValues(prefix: string) {
  const gold = readSeedGold(prefix);
  return (id: string) => gold.fields[id];
}

describe('checkNarrative', () => {
  it('finds the statements of seed 001 and agrees with its table', () => {
    const text = MappedText.identity(fixture('corpus/001_f8ed6e34138a7c30.txt'));
    const findings = checkNarrative({ templateId: 'gov-2014', text, valueOf: goldValues('001') });
    const byClaim = new Map(findings.map((finding) => [finding.claimId, finding]));
    expect(byClaim.get('requests.received')).toMatchObject({ stated: 3, agrees: true });
    expect(byClaim.get('response.pressConferences')).toMatchObject({ stated: 4, agrees: true });
    expect(byClaim.get('training.meetings')).toMatchObject({ stated: 1, agrees: true });
    expect(byClaim.get('training.sessions')).toMatchObject({ stated: 2, agrees: true });
    expect(byClaim.get('training.trainees')).toMatchObject({ stated: 100, agrees: true });
    expect(byClaim.get('org.staffFullTime')).toMatchObject({ stated: 1, agrees: true });
    expect(byClaim.get('org.staffPartTime')).toMatchObject({ stated: 3, agrees: true });
    expect(byClaim.get('org.budget')).toMatchObject({ stated: 5, agrees: true });
    expect(findings.filter((finding) => !finding.agrees)).toEqual([]);
    // Evidence points into the original text.
    const received = byClaim.get('requests.received')!;
    expect(text.text.slice(received.start, received.end)).toContain('3件');
  });

  it('reads a statement broken by PDF line wraps and spaces (seed 000)', () => {
    const text = MappedText.identity(fixture('corpus/000_b19e0a271049421c.txt'));
    const findings = checkNarrative({ templateId: 'gov-2014', text, valueOf: goldValues('000') });
    expect(findings.find((finding) => finding.claimId === 'requests.received')).toMatchObject({ stated: 2, agrees: true });
    expect(findings.filter((finding) => !finding.agrees)).toEqual([]);
  });

  it('agrees with the flattened seed 004 and the new-format seed 002', () => {
    const flattened = checkNarrative({
      templateId: 'gov-2014',
      text: MappedText.identity(fixture('corpus/004_36f0e1c09a832b79.txt')),
      valueOf: goldValues('004'),
    });
    expect(flattened.find((finding) => finding.claimId === 'active.total')).toMatchObject({ stated: 3965, agrees: true });
    expect(flattened.filter((finding) => !finding.agrees)).toEqual([]);
    const newFormat = checkNarrative({
      templateId: 'gov-2019',
      text: MappedText.identity(fixture('corpus/002_2520afaa29647670.txt')),
      valueOf: goldValues('002'),
    });
    expect(newFormat.find((finding) => finding.claimId === 'applications.newReceived')).toMatchObject({ stated: 35, agrees: true });
  });

  it('warns when the narrative states another number than the table', () => {
    const text = MappedText.identity('2020年受理依申请公开35件，答复率100%。');
    const [finding] = checkNarrative({
      templateId: 'gov-2019',
      text,
      valueOf: (id) => ({ 'applications.newReceived.total': 36, 'applications.carriedOver.total': 0, 'applications.resultTotal.total': 36 })[id],
    });
    expect(finding).toMatchObject({ agrees: false, stated: 35, tableValue: 36, fieldIds: ['applications.newReceived.total'] });
    expect(describeNarrativeFinding(finding!)).toBe("narrative: '受理依申请公开35件' says 35, table says 36");
  });

  it('reports the conflicts of wild/30 (解读16 vs table 50; no 复议 vs table 1) as disagreements', () => {
    const text = MappedText.identity(fixture('wild/30_hebei-jyt_2018_gov2014.txt'));
    const table: Record<string, number> = {
      'active.total': 1683, 'response.pressConferences': 2, 'response.interpretations': 50,
      'requests.received': 1, 'reconsideration.total': 1, 'litigation.total': 5,
    };
    const findings = checkNarrative({ templateId: 'gov-2014', text, valueOf: (id) => table[id] });
    const disagreements = findings.filter((finding) => !finding.agrees).map((finding) => finding.claimId).sort();
    expect(disagreements).toEqual(['litigation.none', 'reconsideration.none', 'response.interpretations']);
    expect(findings.find((finding) => finding.claimId === 'active.total')?.agrees).toBe(true);
  });

  it('ignores table lines, by-head rows and blank cells', () => {
    const text = MappedText.identity([
      '（一）收到申请数\t件\t2',
      '其中：主要负责同志参加新闻发布会1次。',
      '没有发生行政复议。',
    ].join('\n'));
    const findings = checkNarrative({ templateId: 'gov-2014', text, valueOf: (id) => (id === 'reconsideration.total' ? null : 4) });
    expect(findings).toEqual([]);
  });
});
