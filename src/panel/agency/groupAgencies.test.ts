import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupAgencies, type AgencySighting } from './groupAgencies.ts';

interface SightingsFixture {
  readonly sightings: AgencySighting[];
  readonly sameKey: { key: string; documentIds: string[] }[];
  readonly proposals: { from: string; into: string; rule: string }[];
  readonly apart: [string, string][];
  readonly unnamed: string[];
}
const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/panel/agency-sightings.json', import.meta.url), 'utf8')) as SightingsFixture;

describe('groupAgencies on the wild set names', () => {
  const grouping = groupAgencies(fixture.sightings);
  const keyOf = (documentId: string) => grouping.groups.find((group) => group.documentIds.includes(documentId))?.key;

  it('files the names of one issuer under one key, with the evidence', () => {
    for (const expected of fixture.sameKey) {
      for (const documentId of expected.documentIds) expect(keyOf(documentId), documentId).toBe(expected.key);
    }
    const kewei = grouping.groups.find((group) => group.key === '上海市科学技术委员会')!;
    expect(kewei.evidence.map((step) => step.rule)).toEqual(expect.arrayContaining(['alias', 'bracketed-abbreviation']));
    expect(kewei.confidence).toBeLessThan(1);
  });

  it('proposes the prefix and administration merges, never applying them', () => {
    for (const expected of fixture.proposals) {
      const proposal = grouping.proposals.find((candidate) => candidate.from === expected.from && candidate.into === expected.into);
      expect(proposal, `${expected.from} → ${expected.into}`).toBeDefined();
      expect(proposal!.evidence[0]!.rule).toBe(expected.rule);
      expect(proposal!.confidence).toBeGreaterThan(0);
      expect(proposal!.confidence).toBeLessThan(1);
    }
    // The short name keeps its own key until a reviewer merges it.
    expect(keyOf('hebei-jyt-2018')).toBe('省教育厅');
    const hebei = grouping.proposals.find((candidate) => candidate.from === '省教育厅')!;
    expect(hebei).toMatchObject({ fromYears: [2018], intoYears: [2019, 2021], alternatives: [] });
    expect(hebei.evidence[0]!.detail).toMatch(/without 河北省/u);
  });

  it('keeps different issuers apart: an office is not its government', () => {
    for (const [left, right] of fixture.apart) {
      expect(grouping.groups.some((group) => group.key === left)).toBe(true);
      expect(grouping.groups.some((group) => group.key === right)).toBe(true);
      const related = grouping.proposals.filter((proposal) =>
        (proposal.from === left && proposal.into === right) || (proposal.from === right && proposal.into === left));
      expect(related, `${left} / ${right}`).toEqual([]);
    }
  });

  it('lists documents whose name names no agency', () => {
    expect([...grouping.unnamed].sort()).toEqual([...fixture.unnamed].sort());
  });

  it('lowers the confidence when a short name fits several keys', () => {
    const many = groupAgencies([
      { documentId: 'a', name: '市科委', year: 2020 },
      { documentId: 'b', name: '上海市科委', year: 2021 },
      { documentId: 'c', name: '北京市科委', year: 2021 },
    ]);
    const proposals = many.proposals.filter((proposal) => proposal.from === '市科学技术委员会');
    expect(proposals.map((proposal) => proposal.into).sort()).toEqual(['上海市科学技术委员会', '北京市科学技术委员会']);
    for (const proposal of proposals) {
      expect(proposal.alternatives).toHaveLength(1);
      expect(proposal.confidence).toBeLessThan(0.5);
    }
  });
});

describe('groupAgencies with confirmed identities', () => {
  it('files merged names under the confirmed key and stops proposing decided pairs', () => {
    const identities = [{
      key: '河北省教育厅', displayName: '河北省教育厅', names: [], mergedKeys: ['省教育厅'], keptApart: ['平潭综合实验区'],
      evidence: [], decidedBy: 'reviewer', decidedAt: '2026-01-01T00:00:00Z',
    }];
    const grouping = groupAgencies(fixture.sightings, identities);
    const hebei = grouping.groups.find((group) => group.key === '河北省教育厅')!;
    expect(hebei.confirmed).toBe(true);
    expect(hebei.years).toEqual([2018, 2019, 2021]);
    expect(grouping.proposals.some((proposal) => proposal.from === '省教育厅')).toBe(false);
  });
});
