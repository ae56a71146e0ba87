import { valueRead } from '../../record/FieldFinding.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../test/support/readCsv.ts';
import { createRecordProcessor, fixtureDocument } from '../../../test/support/recordProcessor.ts';
import { createDeterministicProcessor } from '../../pipeline/deterministicProcessor.ts';
import type { ExtractionRecord, FieldRecord } from '../../record/ExtractionRecord.ts';
import { createTestApp, type TestClient } from '../testHarness.ts';

const fixtures = new URL('../../../test/fixtures/', import.meta.url);
const wildBytes = (name: string) => new Uint8Array(readFileSync(new URL(`wild/${name}.txt`, fixtures)));

async function upload(client: TestClient, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const response = await client.request(`/api/documents?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: bytes });
  expect(response.status).toBeLessThan(300);
  return ((await response.json()) as { document: { id: string } }).document.id;
}

async function recordOf(client: TestClient, id: string): Promise<ExtractionRecord> {
  return ((await (await client.request(`/api/documents/${id}`)).json()) as { document: { record: ExtractionRecord } }).document.record;
}

const field = (record: ExtractionRecord, id: string): FieldRecord => record.fields.find((candidate) => candidate.id === id)!;

describe('cross-year rules in the store', () => {
  it('settles a glued run when the neighbouring year arrives, and warns of a broken chain on both documents when read', async () => {
    const test = await createTestApp({ processor: createDeterministicProcessor() });
    const admin = await test.login('admin', 'admin-password-1');
    const earlier = await upload(admin, '43_hebei-gxt_2022_gov2021.txt', wildBytes('43_hebei-gxt_2022_gov2021'));
    await test.service.idle();
    // Unsettled, the run's likeliest reading is offered for review, as no value read.
    const unsettled = field(await recordOf(admin, earlier), 'disclosure.normativeDocs.issued');
    expect(unsettled.status).toBe('review');
    expect(valueRead(unsettled)).toBeNull();

    const later = await upload(admin, '44_hebei-gxt_2023_gov2021.txt', wildBytes('44_hebei-gxt_2023_gov2021'));
    await test.service.idle();
    for (const [id, values] of [[earlier, [5, 4, 26]], [later, [1, 1, 26]]] as const) {
      const record = await recordOf(admin, id);
      const settled = ['issued', 'repealed', 'inForce'].map((name) => field(record, `disclosure.normativeDocs.${name}`));
      expect(settled.map((cell) => [cell.value, cell.status, cell.method])).toEqual(values.map((value) => [value, 'auto', 'table']));
      expect(settled[0]!.findings?.find((finding) => finding.kind === 'cross-year-settled')).toMatchObject({ decidedBy: [{ year: id === earlier ? 2023 : 2022 }] });
      const processing = ((await (await admin.request(`/api/documents/${id}`)).json()) as { document: { processing: { messages: string[] } } }).document.processing;
      expect(processing.messages.some((message) => message.startsWith('cross-year: 3 field(s)'))).toBe(true);
    }

    // A chain that breaks (2023's 上年结转 one more than 2022 carried forward) is shown on both, computed when read.
    await test.store.updateDocument(later, (current) => ({
      summary: current.summary,
      document: {
        ...current.document!,
        record: {
          ...current.document!.record,
          fields: current.document!.record.fields.map((cell) => (cell.id === 'applications.carriedOver.naturalPerson' ? { ...cell, value: (cell.value ?? 0) + 1 } : cell)),
        },
      },
    }));
    const brokenOn = (record: ExtractionRecord) => record.fields.filter((cell) => cell.findings?.some((finding) => finding.kind === 'cross-year-broken')).map((cell) => cell.id);
    expect(brokenOn(await recordOf(admin, earlier))).toContain('applications.carriedForward.naturalPerson');
    expect(brokenOn(await recordOf(admin, later))).toContain('applications.carriedOver.naturalPerson');
    const stored = await test.store.readDocument(earlier);
    expect(brokenOn(stored!.record)).toEqual([]);
  });
});

describe('cross-year rules after a merge of agency keys', () => {
  it('settles the glued runs of reports filed apart until a reviewer merged their keys', async () => {
    const test = await createTestApp({ processor: createDeterministicProcessor() });
    const admin = await test.login('admin', 'admin-password-1');
    const later = await upload(admin, '44_hebei-gxt_2023_gov2021.txt', wildBytes('44_hebei-gxt_2023_gov2021'));
    await test.service.idle();
    const version = ((await (await admin.request(`/api/documents/${later}`)).json()) as { document: { version: number } }).document.version;
    expect((await admin.json(`/api/documents/${later}/decisions`, { action: 'meta', version, agency: '省工业和信息化厅', year: 2023 })).status).toBe(200);
    const earlier = await upload(admin, '43_hebei-gxt_2022_gov2021.txt', wildBytes('43_hebei-gxt_2022_gov2021'));
    await test.service.idle();
    expect(valueRead(field(await recordOf(admin, earlier), 'disclosure.normativeDocs.issued'))).toBeNull();

    expect((await admin.json('/api/agencies/decisions', { action: 'merge', from: '省工业和信息化厅', into: '河北省工业和信息化厅' })).status).toBe(200);
    const settled = await recordOf(admin, earlier);
    expect(['issued', 'repealed', 'inForce'].map((name) => field(settled, `disclosure.normativeDocs.${name}`).value)).toEqual([5, 4, 26]);
  });
});

describe('cross-year rules after a corrected agency', () => {
  it('settles when a reviewer corrects the agency to the neighbouring year\'s, and answers with the version after it', async () => {
    const test = await createTestApp({ processor: createDeterministicProcessor() });
    const admin = await test.login('admin', 'admin-password-1');
    const later = await upload(admin, '44_hebei-gxt_2023_gov2021.txt', wildBytes('44_hebei-gxt_2023_gov2021'));
    await test.service.idle();
    const versionOf = async (id: string) => ((await (await admin.request(`/api/documents/${id}`)).json()) as { document: { version: number } }).document.version;
    expect((await admin.json(`/api/documents/${later}/decisions`, { action: 'meta', version: await versionOf(later), agency: '某某厅', year: 2023 })).status).toBe(200);
    const earlier = await upload(admin, '43_hebei-gxt_2022_gov2021.txt', wildBytes('43_hebei-gxt_2022_gov2021'));
    await test.service.idle();
    expect(valueRead(field(await recordOf(admin, earlier), 'disclosure.normativeDocs.issued'))).toBeNull();

    const answer = await admin.json(`/api/documents/${later}/decisions`, { action: 'meta', version: await versionOf(later), agency: '河北省工业和信息化厅', year: 2023 });
    expect(answer.status).toBe(200);
    const { document } = (await answer.json()) as { document: { version: number; record: ExtractionRecord } };
    expect(document.version).toBe(await versionOf(later));
    expect(field(document.record, 'disclosure.normativeDocs.issued').value).toBe(1);
    expect(field(await recordOf(admin, earlier), 'disclosure.normativeDocs.issued').value).toBe(5);
  });
});

describe('agency identity, queue filter and overview', () => {
  const documents = [
    fixtureDocument(new URL('corpus/', fixtures), new URL('gold/003_325a78626e0cba12.json', fixtures), { agency: '省教育厅', year: 2017 }),
    fixtureDocument(new URL('synthetic/', fixtures), new URL('synthetic/gold/s28_2019_tab.json', fixtures), { agency: '河北省教育厅', year: 2019 }),
    fixtureDocument(new URL('synthetic/', fixtures), new URL('synthetic/gold/s01_2021_tab.json', fixtures), { agency: '河北省教育厅', year: 2021 }),
  ];

  it('proposes a merge with its evidence; a reviewer merges it (audited); the queue, panel and overview use the key', async () => {
    const test = await createTestApp({ processor: createRecordProcessor(documents) });
    const admin = await test.login('admin', 'admin-password-1');
    for (const document of documents) await upload(admin, document.name, document.bytes);
    await test.service.idle();

    const before = (await (await admin.request('/api/agencies')).json()) as { proposals: { from: string; into: string; evidence: { rule: string }[] }[]; groups: { key: string }[] };
    const proposal = before.proposals.find((candidate) => candidate.from === '省教育厅')!;
    expect(proposal).toMatchObject({ into: '河北省教育厅' });
    expect(proposal.evidence.map((step) => step.rule)).toContain('region-prefix');
    expect((await (await admin.request('/api/queue?state=all&agencyKey=河北省教育厅')).json()).total).toBe(2);

    const merged = await admin.json('/api/agencies/decisions', { action: 'merge', from: proposal.from, into: proposal.into, evidence: proposal.evidence });
    expect(merged.status).toBe(200);
    const again = await admin.json('/api/agencies/decisions', { action: 'merge', from: '省教育厅', into: '河北省教育厅' });
    expect(again.status).toBe(409);
    const audit = (await (await admin.request('/api/agencies/decisions')).json()) as { decisions: { kind: string; by: string; from: string }[] };
    expect(audit.decisions).toMatchObject([{ kind: 'merge', by: 'admin', from: '省教育厅' }]);

    const queue = (await (await admin.request('/api/queue?state=all&agencyKey=河北省教育厅')).json()) as { total: number; facets: { agencyKeys: Record<string, number> } };
    expect(queue.total).toBe(3);
    expect(queue.facets.agencyKeys).toEqual({ 河北省教育厅: 3 });
    const resolved = (await (await admin.request(`/api/agencies/resolve?name=${encodeURIComponent('省教育厅')}`)).json()) as { key: string; confirmed: boolean };
    expect(resolved).toMatchObject({ key: '河北省教育厅', confirmed: true });

    const panel = (await (await admin.request('/api/export?format=jsonl&shape=panel')).text()).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { agencyKey: string; agencyConfirmed: boolean; year: number });
    expect(new Set(panel.map((row) => `${row.agencyKey} ${row.agencyConfirmed}`))).toEqual(new Set(['河北省教育厅 true']));

    const overview = (await (await admin.request('/api/overview')).json()) as { byYearForm: unknown[]; byState: Record<string, number>; agencies: { key: string; years: number[] }[] };
    expect(overview.byYearForm).toEqual([
      { year: 2017, form: 'gov-2014', documents: 1 }, { year: 2019, form: 'gov-2019', documents: 1 }, { year: 2021, form: 'gov-2021', documents: 1 },
    ]);
    expect(overview.byState).toEqual({ committed: 3 });
    expect(overview.agencies).toMatchObject([{ key: '河北省教育厅', years: [2017, 2019, 2021] }]);

    const series = (await (await admin.request(`/api/overview/series?indicator=applications.received&agency=${encodeURIComponent('河北省教育厅')}`)).json()) as { series: { points: { year: number; value: number | null }[] }[] };
    const received = (document: (typeof documents)[number], id: string) => document.record.fields.find((cell) => cell.id === id)!.value;
    expect(series.series).toHaveLength(1);
    expect(series.series[0]!.points.map((point) => [point.year, point.value])).toEqual([
      [2017, received(documents[0]!, 'requests.received')],
      [2019, received(documents[1]!, 'applications.newReceived.total')],
      [2021, received(documents[2]!, 'applications.newReceived.total')],
    ]);
    const csvResponse = await admin.request(`/api/overview/series?indicator=applications.received&format=csv`);
    expect(csvResponse.headers.get('content-disposition')).toMatch(/gongkai-series-applications\.received-/u);
    const csv = readCsv(new TextDecoder().decode(new Uint8Array(await csvResponse.arrayBuffer())).replace(/^\uFEFF/u, ''));
    expect(csv[0]).toEqual(['agency_key', 'agency', 'indicator', 'unit', 'year', 'value', 'blank_reason', 'form', 'sha256']);
    expect(csv.slice(1).map((row) => row[4])).toEqual(['2017', '2019', '2021']);
    expect((await admin.request('/api/overview/series?indicator=nope')).status).toBe(400);
  });
});
