import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/support/seededRandom.ts';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from '../../../test/support/startPostgres.ts';
import { documentFilterSchema, filterDocuments } from '../../review/documentFilter.ts';
import type { DocumentSummary } from '../storeSchemas.ts';
import { sampleSummary, sha256Of } from '../testFixtures.ts';
import { countSummaries } from '../documentCounts.ts';
import { createPostgresStore, type PostgresStore } from './createPostgresStore.ts';
import { queryDocuments } from './queryDocuments.ts';

const states = ['queued', 'review', 'committed', 'rejected', 'failed'] as const;
const templates = ['gov-2014', 'gov-2019', 'gov-2021', 'unknown'] as const;
const agencies = ['银川经济技术开发区', '北京市 Haidian 区', 'Shanghai 科委', '某某局_100%', null];
const reasons = ['rule:requests.completed', 'rule:requests.total', 'missing:section-3', 'ambiguous:a.b', 'llm', 'warning:x:y'];
const currencies = ['USD', 'CNY', undefined];

/** The indexed parts of an entry, drawn at random (what the queue filters on and the stats count). */
function randomParts(random: ReturnType<typeof seededRandom>): Partial<DocumentSummary> {
  const currency = random.pick(currencies);
  return {
    state: random.pick(states),
    template: random.chance(0.2) ? null : random.pick(templates),
    year: random.chance(0.2) ? null : random.integer(2014, 2024),
    agency: random.pick(agencies),
    reasons: reasons.filter(() => random.chance(0.3)),
    reviewCount: random.integer(0, 9),
    ...(random.chance(0.3)
      ? { llmUsage: { calls: random.integer(1, 5), inputTokens: random.integer(0, 9000), outputTokens: random.integer(0, 900), estimatedCost: random.integer(0, 1000) / 7000, ...(currency ? { currency } : {}) } }
      : {}),
  };
}

describe.skipIf(!postgresTestsEnabled())('queue in SQL', () => {
  let cluster: TestPostgres;
  let store: PostgresStore;
  const all: DocumentSummary[] = [];
  beforeAll(async () => {
    cluster = await startPostgres();
    store = await createPostgresStore(await cluster.createDatabase());
    const random = seededRandom(11);
    for (let index = 0; index < 300; index++) {
      const summary = sampleSummary(sha256Of(`queue ${index}`), {
        name: `${random.pick(['年报', 'Report', 'report_x%'])}-${index}.txt`,
        // Ties in submission time: the id decides.
        submittedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, random.integer(0, 40))).toISOString(),
        ...randomParts(random),
      });
      all.push(summary);
      await store.createDocument(summary, new Uint8Array([index % 256]));
    }
    // Documents that change afterwards (extracted, decided, committed, retried): the database's counts follow.
    for (let round = 0; round < 150; round++) {
      const index = random.integer(0, all.length - 1);
      const { llmUsage: _dropped, ...previous } = all[index]!;
      const changed: DocumentSummary = { ...previous, ...randomParts(random), version: previous.version + 1 };
      all[index] = changed;
      await store.updateDocument(changed.id, ({ document }) => ({ summary: changed, document }));
    }
  });
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it('answers every filter exactly as filterDocuments does over all index entries (seeded random filters)', async () => {
    const random = seededRandom(2026);
    for (let round = 0; round < 120; round++) {
      const filter = documentFilterSchema.parse({
        state: random.chance(0.8) ? random.pick([...states, 'all']) : undefined,
        template: random.chance(0.3) ? random.pick(templates) : undefined,
        year: random.chance(0.3) ? random.integer(2014, 2024) : undefined,
        agency: random.chance(0.3) ? random.pick(['银川', 'haidian', 'SHANGHAI', '_100%', '区']) : undefined,
        reason: random.chance(0.4) ? random.pick(['rule', 'missing', 'rule:requests.completed', 'llm', 'ambiguous:a', 'warning', 'warning:x', 'warning:x:y']) : undefined,
        q: random.chance(0.2) ? random.pick(['report', '年报', 'x%', '-1']) : undefined,
        after: random.chance(0.3) ? random.pick(all).id : undefined,
        offset: random.pick([0, 0, 5, 50]),
        limit: random.pick([10, 100, 1000]),
      });
      const expected = filterDocuments(all, filter);
      const actual = await queryDocuments(store.sql, filter);
      expect({ ...actual, documents: actual.documents.map((summary) => summary.id) }, JSON.stringify(filter))
        .toEqual({ ...expected, documents: expected.documents.map((summary) => summary.id) });
    }
  });

  it('keeps the stats counts equal to counting every index entry (countSummaries)', async () => {
    const expected = countSummaries(all);
    const actual = await store.countDocuments!();
    const withoutCost = (counts: typeof expected) => ({
      ...counts,
      llm: { ...counts.llm, estimatedCost: 0, byTemplate: Object.fromEntries(Object.entries(counts.llm.byTemplate).map(([key, totals]) => [key, { ...totals, estimatedCost: 0 }])) },
    });
    expect(withoutCost(actual)).toEqual(withoutCost(expected));
    // Sums kept by the database add in another order: equal to float noise, which the 1e-8 rounding removes.
    expect(actual.llm.estimatedCost).toBeCloseTo(expected.llm.estimatedCost, 6);
    for (const [template, totals] of Object.entries(expected.llm.byTemplate)) {
      expect(actual.llm.byTemplate[template]!.estimatedCost).toBeCloseTo(totals.estimatedCost, 6);
    }
  });
});
