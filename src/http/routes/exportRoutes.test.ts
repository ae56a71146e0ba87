import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../test/support/readCsv.ts';
import { createTestApp, seedBytes, seedNames, type TestClient } from '../testHarness.ts';

const EVIL_AGENCY = '=HYPERLINK("http://evil.example","点我")';

async function upload(client: TestClient, name: string) {
  return client.request(`/api/documents?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: seedBytes(name) });
}

/** The five seeds committed; seed 000 corrected, its agency a formula, org.budget -3 printed as "-3". */
async function committedStore() {
  const test = await createTestApp();
  const admin = await test.login('admin', 'admin-password-1');
  for (const name of seedNames) await upload(admin, name);
  await test.service.idle();
  const id = ((await (await admin.request('/api/queue')).json()) as { documents: { id: string }[] }).documents[0]!.id;
  await admin.json(`/api/documents/${id}/decisions`, { action: 'correct', version: 1, fieldId: 'requests.completed', value: 2 });
  await admin.json(`/api/documents/${id}/decisions`, { action: 'meta', version: 2, agency: EVIL_AGENCY, year: 2018 });
  await admin.json(`/api/documents/${id}/decisions`, { action: 'correct', version: 3, fieldId: 'org.budget', value: 3, confirm: true });
  // A report that printed "-3" (a reviewer cannot enter a negative amount, a stored record can hold one): raw text
  // and evidence keep the sign as printed.
  await test.store.updateDocument(id, (current) => ({
    summary: current.summary,
    document: {
      ...current.document!,
      record: {
        ...current.document!.record,
        fields: current.document!.record.fields.map((field) => (field.id === 'org.budget'
          ? { ...field, value: -3, raw: '-3', evidence: { start: field.evidence?.start ?? 0, end: (field.evidence?.start ?? 0) + 2, text: '-3' } }
          : field)),
      },
    },
  }));
  return { test, admin, id };
}

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

describe('export', () => {
  it('wide CSV is one template per file, UTF-8 with BOM, Chinese labels with units, numbers as printed', async () => {
    const { admin, id } = await committedStore();
    const refused = await admin.request('/api/export?format=csv&shape=wide');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('template=gov-2014');

    const response = await admin.request('/api/export?format=csv&shape=wide&template=gov-2014');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="gongkai-wide-gov-2014-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(new TextDecoder().decode(bytes));
    const header = rows[0]!;
    expect(header.slice(0, 5)).toEqual(['文件名', 'SHA-256', '机关', '年度', '表式']);
    expect(header).toContain('申请办结数(件)');
    expect(header).toContain('按时办结数(件)');
    expect(new Set(header).size).toBe(header.length);
    const row = rows.find((cells) => cells[1] === id)!;
    expect(row[2]).toBe(`'${EVIL_AGENCY}`);
    expect(row[header.indexOf('申请办结数(件)')]).toBe('2');
    expect(row[header.indexOf('按时办结数(件)')]).toBe('2');
    const budget = header.findIndex((label) => label.includes('经费') && label.includes('万元'));
    expect(budget).toBeGreaterThan(0);
    expect(row[budget]).toBe('-3');
    for (const cells of rows.slice(1)) expect(cells[4]).toBe('gov-2014');
  });

  it('CSV header by id, or both as two rows', async () => {
    const { admin } = await committedStore();
    const byId = readCsv(await (await admin.request('/api/export?format=csv&shape=wide&template=gov-2014&header=id')).text());
    expect(byId[0]!.slice(0, 5)).toEqual(['document', 'sha256', 'agency', 'year', 'template']);
    expect(byId[0]).toContain('requests.completed');
    const both = readCsv(await (await admin.request('/api/export?format=csv&shape=wide&template=gov-2014&header=both')).text());
    const labelColumn = both[0]!.indexOf('申请办结数(件)');
    expect(both[1]![labelColumn]).toBe('requests.completed');
  });

  it('long CSV keeps a printed "-3" in raw and evidence, neutralises only formulas; the dictionary keeps 本年增/减 whole', async () => {
    const { admin, id } = await committedStore();
    const long = readCsv(await (await admin.request('/api/export?format=csv&shape=long&template=gov-2014&header=id')).text());
    const header = long[0]!;
    expect(header).toEqual(['document', 'sha256', 'agency', 'year', 'template', 'field', 'label', 'value', 'unit', 'raw', 'method', 'confidence', 'status', 'reviewer', 'evidence_start', 'evidence_end', 'evidence_text']);
    const column = (name: string) => header.indexOf(name);
    const budget = long.find((cells) => cells[1] === id && cells[column('field')] === 'org.budget')!;
    expect(budget[column('value')]).toBe('-3');
    expect(budget[column('raw')]).toBe('-3');
    expect(budget[column('evidence_text')]).toBe('-3');
    expect(budget[column('agency')]).toBe(`'${EVIL_AGENCY}`);
    const corrected = long.find((cells) => cells[1] === id && cells[column('field')] === 'requests.completed')!;
    expect(corrected[column('label')]).toBe('申请办结数');
    expect(corrected[column('value')]).toBe('2');
    expect(corrected[column('reviewer')]).toBe('admin');
    expect(corrected[column('method')]).toBe('reviewer');

    const dictionary = readCsv(await (await admin.request('/api/export?format=csv&shape=dictionary')).text());
    expect(dictionary[0]).toEqual(['表式', '字段', '指标', '表中位置', '单位', '上级字段']);
    const change = dictionary.find((cells) => cells[0] === 'gov-2019' && cells[1] === 'disclosure.licensing.change')!;
    expect(change[2]).toBe('行政许可·本年增/减');
    expect(change[3]).toBe('二、主动公开政府信息情况 › 第二十条第（五）项 › 行政许可 › 本年增/减');
    expect(dictionary.find((cells) => cells[1] === 'requests.completed')!.slice(2, 5)).toEqual(['申请办结数', '（二）申请办结数', '件']);
    for (const template of ['gov-2014', 'gov-2019', 'gov-2021']) {
      const labels = dictionary.filter((cells) => cells[0] === template).map((cells) => cells[2]);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('JSONL has one object per committed document with its values', async () => {
    const { admin, id } = await committedStore();
    const jsonl = (await (await admin.request('/api/export?format=jsonl')).text()).trim().split('\n').map((line) => JSON.parse(line) as { sha256: string; values: Record<string, number | null> });
    expect(jsonl).toHaveLength(5);
    expect(jsonl.find((line) => line.sha256 === id)!.values['requests.completed']).toBe(2);
  });

  it('XLSX (the default): a sheet per template, two bold frozen header rows, numbers as numbers, no apostrophes', async () => {
    const { admin, id } = await committedStore();
    const response = await admin.request('/api/export');
    expect(response.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['gov-2014', 'gov-2019', 'gov-2021', 'dictionary']);
    const sheet = workbook.getWorksheet('gov-2014')!;
    const labels = sheet.getRow(1).values as unknown[];
    const ids = sheet.getRow(2).values as unknown[];
    expect(labels.indexOf('申请办结数(件)')).toBe(ids.indexOf('requests.completed'));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 });
    const completedColumn = sheet.getColumn(ids.indexOf('requests.completed'));
    expect(completedColumn.width).toBeGreaterThanOrEqual(8);
    expect(completedColumn.width).toBeLessThanOrEqual(24);
    const row = sheet.getRows(3, sheet.rowCount - 2)!.find((candidate) => candidate.getCell(2).value === id)!;
    expect(row.getCell(ids.indexOf('requests.completed')).value).toBe(2);
    expect(row.getCell(ids.indexOf('org.budget')).value).toBe(-3);
    expect(row.getCell(ids.indexOf('year')).value).toBe(2018);
    expect(row.getCell(3).value).toBe(EVIL_AGENCY);
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    for (const candidate of sheet.getRows(1, sheet.rowCount)!) {
      candidate.eachCell((cell) => {
        if (typeof cell.value === 'string') expect(cell.value.startsWith("'")).toBe(false);
      });
    }
  });

  it('XLSX long keeps raw "-3" as text and values as numbers; header=label gives one frozen row', async () => {
    const { admin, id } = await committedStore();
    const workbook = await workbookOf(await admin.request('/api/export?format=xlsx&shape=long&template=gov-2014&header=label'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['gov-2014', 'dictionary']);
    const sheet = workbook.getWorksheet('gov-2014')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = sheet.getRow(1).values as unknown[];
    const budget = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(2).value === id && row.getCell(header.indexOf('字段')).value === 'org.budget')!;
    expect(budget.getCell(header.indexOf('数值')).value).toBe(-3);
    expect(budget.getCell(header.indexOf('原文')).value).toBe('-3');
    expect(budget.getCell(header.indexOf('置信度')).type).toBe(ExcelJS.ValueType.Number);
  });
});
