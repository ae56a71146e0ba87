import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDataset, exportRequestSchema } from '../../src/export/exportDataset.ts';
import { seedBytes, seedNames } from '../../src/http/testHarness.ts';
import { createDeterministicProcessor } from '../../src/pipeline/deterministicProcessor.ts';
import { applyProcessing } from '../../src/review/applyProcessing.ts';
import type { Store } from '../../src/store/Store.ts';
import { createPostgresStore, type PostgresStore } from '../../src/store/postgres/createPostgresStore.ts';
import { sampleSummary, sha256Of } from '../../src/store/testFixtures.ts';
import { seededRandom } from '../support/seededRandom.ts';
import { postgresTestsEnabled, startPostgres, type TestPostgres } from '../support/startPostgres.ts';

async function text(store: Store, query: Record<string, string>): Promise<string> {
  const dataset = exportDataset(store, exportRequestSchema.parse(query), new Date(Date.UTC(2025, 0, 1)));
  return new Response(dataset.stream).text();
}

/**
 * The wide export on PostgreSQL reads each document's `export_row` (migration 003) in keyset batches instead of
 * its record: the file it gives must be the one the records give, byte for byte, in every case the row can
 * differ from its record — fields in another order or missing (matched by id), documents not committed, other
 * templates, ties in submission time, more documents than one batch.
 */
describe.skipIf(!postgresTestsEnabled())('wide export from export rows on PostgreSQL', () => {
  let cluster: TestPostgres;
  let store: PostgresStore;
  beforeAll(async () => {
    cluster = await startPostgres();
    store = await createPostgresStore(await cluster.createDatabase());
    const processor = createDeterministicProcessor();
    const processed = await Promise.all(seedNames.map((name) => processor.process({ name, bytes: seedBytes(name) })));
    const random = seededRandom(7);
    for (let index = 0; index < 900; index++) {
      const seed = processed[index % processed.length]!;
      const id = sha256Of(`wide ${index}`);
      // Ties in submission time: the id decides the order.
      const submittedAt = new Date(Date.UTC(2024, 0, 1, 0, 0, random.integer(0, 300))).toISOString();
      await store.createDocument(sampleSummary(id, { name: `${index}_${seedNames[index % seedNames.length]}`, submittedAt }), new Uint8Array([1]));
      let fields = seed.record.fields.map((field) => ({ ...field, value: field.value === null ? null : field.value + index }));
      if (index % 7 === 3) fields = fields.map((field) => ({ field, key: random.integer(0, 1_000_000) })).sort((a, b) => a.key - b.key).map(({ field }) => field);
      if (index % 11 === 5) fields = fields.filter(() => random.chance(0.8));
      const committed = random.chance(0.85);
      await store.updateDocument(id, (entry) => {
        const next = applyProcessing(entry, { ...seed, record: { ...seed.record, fields } }, new Date(submittedAt));
        return committed ? { ...next, summary: { ...next.summary, state: 'committed', committedAt: submittedAt } } : next;
      });
    }
  }, 240_000);
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it('gives the file the records give (every template, every header), in more than one batch', async () => {
    const { committedWideRows: _rows, ...recordsOnly } = store;
    const templates = new Set<string>();
    for (const template of ['gov-2014', 'gov-2019', 'gov-2021']) {
      for (const header of ['label', 'id', 'both']) {
        const query = { format: 'csv', shape: 'wide', template, header };
        const fromRows = await text(store, query);
        expect(fromRows).toBe(await text(recordsOnly, query));
        if (fromRows.split('\r\n').length > 3) templates.add(template);
      }
    }
    expect(templates.size).toBeGreaterThan(1);
    const [row] = await store.sql<{ committed: number }[]>`SELECT count(*)::integer AS committed FROM documents WHERE state = 'committed'`;
    expect(row!.committed).toBeGreaterThan(500);
  });
});
