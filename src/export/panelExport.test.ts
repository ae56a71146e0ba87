import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../test/support/readCsv.ts';
import { createRecordProcessor, fixtureDocument, type FixtureDocument } from '../../test/support/recordProcessor.ts';
import { createTestApp, type TestClient } from '../http/testHarness.ts';
import { crosswalk } from '../panel/crosswalk/crosswalk.ts';
import type { ExtractionRecord } from '../record/ExtractionRecord.ts';

const fixtures = new URL('../../test/fixtures/', import.meta.url);
const seed = (name: string, meta?: ExtractionRecord['meta']) => fixtureDocument(new URL('corpus/', fixtures), new URL(`gold/${name}.json`, fixtures), meta);
const synthetic = (name: string, meta?: ExtractionRecord['meta']) =>
  fixtureDocument(new URL('synthetic/', fixtures), new URL(`synthetic/gold/${name}.json`, fixtures), meta);
const wild = (name: string) => fixtureDocument(new URL('wild/', fixtures), new URL(`wild-gold/${name}`, fixtures));

/** The value an indicator has on a record, from the crosswalk and the record's fields (null when any part is not a number). */
function expectedValue(record: ExtractionRecord, indicatorId: string): number | null {
  const source = crosswalk.indicators.find((indicator) => indicator.id === indicatorId)!.forms[record.template as 'gov-2014']!;
  let sum = 0;
  for (const id of source.fields) {
    const value = record.fields.find((field) => field.id === id)?.value;
    if (value === undefined || value === null) return null;
    sum += value;
  }
  return Math.round(sum * 1e6) / 1e6;
}

async function storeWith(documents: readonly FixtureDocument[]) {
  const test = await createTestApp({ processor: createRecordProcessor(documents) });
  const admin = await test.login('admin', 'admin-password-1');
  for (const document of documents) {
    const response = await admin.request(`/api/documents?name=${encodeURIComponent(document.name)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: document.bytes });
    expect(response.status, document.name).toBeLessThan(300);
  }
  await test.service.idle();
  return { test, admin };
}

async function panelJsonl(client: TestClient, query = ''): Promise<Record<string, any>[]> {
  const response = await client.request(`/api/export?format=jsonl&shape=panel${query}`);
  expect(response.status).toBe(200);
  return (await response.text()).split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as Record<string, any>);
}

describe('export shape=panel', () => {
  // One agency, printed three ways, reporting on the three forms: 2014 (a seed), 2019 and 2021 (synthetic reports).
  const agency = [
    seed('003_325a78626e0cba12', { agency: '上海市科学技术委员会', year: 2016 }),
    synthetic('s28_2019_tab', { agency: '上海市科委', year: 2019 }),
    synthetic('s01_2021_tab', { agency: '上海市科学技术委员会（市科委）', year: 2021 }),
  ];
  const evil = seed('000_b19e0a271049421c', { agency: '=HYPERLINK("http://evil.example","点我")', year: 2018 });

  it('gives one agency key across the three forms, a row per indicator its form gives, values from the crosswalk', async () => {
    const { admin } = await storeWith([...agency, evil]);
    const rows = await panelJsonl(admin);
    const ours = rows.filter((row) => row.agencyKey === '上海市科学技术委员会');
    expect([...new Set(ours.map((row) => `${row.year} ${row.form}`))]).toEqual(['2016 gov-2014', '2019 gov-2019', '2021 gov-2021']);
    for (const document of agency) {
      const { record } = document;
      const mine = ours.filter((row) => row.provenance.sha256 === record.sha256);
      const indicators = crosswalk.indicators.filter((indicator) => indicator.forms[record.template as 'gov-2014'] !== undefined);
      expect(mine.map((row) => row.indicator)).toEqual(indicators.map((indicator) => indicator.id));
      for (const row of mine) {
        expect(row.value, `${record.template} ${row.indicator}`).toBe(expectedValue(record, row.indicator));
        expect(row.agency).toBe(record.meta.agency);
        expect(row.agencyConfirmed).toBe(false);
        expect(row.provenance.document).toBe(record.document);
        for (const field of row.provenance.fields) expect(field).toMatchObject({ method: 'table', status: 'auto' });
        if (row.value === null) expect(row.blankReason.kind).toBe('printed-blank');
      }
    }
    // What the forms call differently lands on one line: received, and 2014's two "granted" answers summed.
    const received = ours.filter((row) => row.indicator === 'applications.received').map((row) => [row.year, row.sourceFields.join('+'), row.value]);
    expect(received).toEqual([
      [2016, 'requests.received', expectedValue(agency[0]!.record, 'applications.received')],
      [2019, 'applications.newReceived.total', expectedValue(agency[1]!.record, 'applications.received')],
      [2021, 'applications.newReceived.total', expectedValue(agency[2]!.record, 'applications.received')],
    ]);
    const granted2014 = ours.find((row) => row.year === 2016 && row.indicator === 'applications.granted')!;
    expect(granted2014).toMatchObject({ summed: true, comparability: 'close', sourceFields: ['answers.alreadyPublic', 'answers.granted'] });
    expect(granted2014.comparabilityNote.length).toBeGreaterThan(0);
    // Figures that are not comparable never share an indicator.
    expect(ours.filter((row) => row.indicator === 'normativeDocs.inForce').map((row) => row.form)).toEqual(['gov-2021']);
  });

  it('CSV: UTF-8 with BOM, labels, formula-neutralised text, numbers as numbers; XLSX: the panel and the indicators', async () => {
    const { admin } = await storeWith([...agency, evil]);
    const jsonl = await panelJsonl(admin);
    const response = await admin.request('/api/export?format=csv&shape=panel');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/filename="gongkai-panel-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = readCsv(new TextDecoder().decode(bytes));
    expect(csv[0]!.slice(0, 4)).toEqual(['机关标识', '机关（报告所署）', '机关标识已确认', '年度']);
    expect(csv.length - 1).toBe(jsonl.length);
    const evilRows = csv.filter((row) => row[16] === evil.record.sha256);
    expect(evilRows.length).toBeGreaterThan(0);
    for (const row of evilRows) expect(row[1]).toBe(`'${evil.record.meta.agency}`);
    const received = csv.find((row) => row[4] === 'applications.received' && row[3] === '2019')!;
    expect(received[7]).toBe(String(expectedValue(agency[1]!.record, 'applications.received')));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await admin.request('/api/export?format=xlsx&shape=panel')).arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['panel', 'indicators']);
    const sheet = workbook.getWorksheet('panel')!;
    expect(sheet.rowCount).toBe(jsonl.length + 2);
    expect(sheet.getRow(2).getCell(1).value).toBe('agency_key');
    const numbers = sheet.getColumn(8).values.slice(3).filter((value) => value !== null && value !== undefined);
    expect(numbers.length).toBeGreaterThan(0);
    for (const value of numbers) expect(typeof value).toBe('number');
    const indicators = workbook.getWorksheet('indicators')!;
    expect(indicators.rowCount - 2).toBe(crosswalk.indicators.reduce((count, indicator) => count + Object.keys(indicator.forms).length, 0));

    const dictionary = readCsv(new TextDecoder().decode(await (await admin.request('/api/export?format=csv&shape=panel-dictionary&header=id')).arrayBuffer()));
    expect(dictionary[0]).toEqual(['indicator', 'label', 'label_en', 'unit', 'form', 'source', 'comparability', 'comparability_meaning', 'note', 'not_comparable_with']);
    expect(dictionary.find((row) => row[0] === 'applications.granted' && row[4] === 'gov-2014')![5]).toBe('answers.alreadyPublic + answers.granted');
  });

  it('exports every committed document of the wild set and the seeds, the crosswalk applied', async () => {
    const wildDocuments = readdirSync(new URL('wild-gold/', fixtures)).filter((name) => name.endsWith('.json')).sort().map(wild);
    const seeds = readdirSync(new URL('gold/', fixtures)).filter((name) => name.endsWith('.json')).sort().map((name) => seed(name.replace(/\.json$/u, '')));
    const documents = [...wildDocuments, ...seeds];
    const { admin } = await storeWith(documents);
    const committed = ((await (await admin.request('/api/documents?state=committed&limit=1000')).json()) as { documents: { id: string }[] }).documents.map((entry) => entry.id);
    // Every wild report with a known form, agency and year commits (the others wait for a person: no meta).
    const placeable = documents.filter(({ record }) => record.template !== 'unknown' && record.meta.agency !== null && record.meta.year !== null);
    expect(committed.sort()).toEqual(placeable.map(({ record }) => record.sha256).sort());

    const rows = await panelJsonl(admin);
    expect([...new Set(rows.map((row) => row.provenance.sha256))].sort()).toEqual(committed.sort());
    const bySha = new Map(documents.map((document) => [document.record.sha256, document.record]));
    let valued = 0;
    for (const row of rows) {
      const record = bySha.get(row.provenance.sha256)!;
      const source = crosswalk.indicators.find((indicator) => indicator.id === row.indicator)!.forms[record.template as 'gov-2014']!;
      expect(row.sourceFields).toEqual(source.fields);
      const unknown = source.fields.filter((id: string) => !record.fields.some((field) => field.id === id));
      if (unknown.length > 0) expect(row.blankReason).toEqual({ kind: 'not-read', fieldIds: unknown });
      else expect(row.value, `${record.document} ${row.indicator}`).toBe(expectedValue(record, row.indicator));
      if (row.value !== null) valued++;
    }
    expect(valued).toBeGreaterThan(500);
    // The agencies with consecutive years are one key each.
    const yearsOf = (key: string) => [...new Set(rows.filter((row) => row.agencyKey === key).map((row) => row.year))];
    expect(yearsOf('平潭综合实验区')).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(yearsOf('河北省教育厅')).toEqual([2018, 2019, 2021, 2023]);
    expect(yearsOf('河北省工业和信息化厅')).toEqual([2022, 2023]);
  });
});
