import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ORIGIN, createTestApp, seedBytes, seedNames, type TestClient } from './testHarness.ts';

const seed000 = seedNames[0];
const completedRule = 'requests.completed = requests.completedOnTime + requests.completedExtended';

interface DocumentBody {
  summary: { id: string; state: string; version: number; reviewCount: number; reasons: string[] };
  document: { version: number; record: { fields: { id: string; value: number | null; status: string; issues: string[] }[] }; decisions: unknown[] } | null;
  text: string | null;
}

async function upload(client: TestClient, name: string, bytes: Uint8Array<ArrayBuffer>) {
  return client.request(`/api/documents?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: bytes });
}

async function submitSeed(test: Awaited<ReturnType<typeof createTestApp>>, client: TestClient, name: string = seed000) {
  const response = await upload(client, name, seedBytes(name));
  const body = (await response.json()) as { document: { id: string } };
  await test.service.idle();
  const view = (await (await client.request(`/api/documents/${body.document.id}`)).json()) as DocumentBody;
  return { response, id: body.document.id, view };
}

describe('access', () => {
  it('shows anonymous users only the login page, unless downloads are public', async () => {
    const test = await createTestApp();
    expect((await test.app.request('/')).status).toBe(200);
    for (const path of ['/api/documents', '/api/queue', '/api/export', '/api/stats', '/api/accounts']) {
      expect((await test.app.request(path)).status, path).toBe(401);
    }
    expect(await (await test.app.request('/api/auth/me')).json()).toEqual({ user: null, csrfToken: null, publicDownloads: false });
    const admin = await test.login('admin', 'admin-password-1');
    expect((await admin.json('/api/settings', { publicDownloads: true }, 'PUT')).status).toBe(200);
    expect((await test.app.request('/api/export')).status).toBe(200);
    expect((await test.app.request('/api/documents')).status).toBe(401);
  });

  it('logs in with a hashed password into an HttpOnly, SameSite=Strict, Secure cookie, and out again', async () => {
    const test = await createTestApp();
    const wrong = await test.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ username: 'admin', password: 'nope' }) });
    expect(wrong.status).toBe(401);
    const account = await test.store.findAccount('admin');
    expect(account?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const response = await test.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }) });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/gongkai_session=[\w-]{40,}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Secure');
    const admin = await test.login('admin', 'admin-password-1');
    expect(((await (await admin.request('/api/auth/me')).json()) as { user: { role: string } }).user.role).toBe('admin');
    expect((await admin.json('/api/auth/logout', {})).status).toBe(200);
    expect((await admin.request('/api/documents')).status).toBe(401);
  });

  it('locks a username out after repeated wrong passwords', async () => {
    const test = await createTestApp();
    const attempt = () => test.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ username: 'admin', password: 'wrong' }) });
    for (let index = 0; index < 5; index++) expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(429);
  });

  it('refuses a cross-origin JSON POST and a POST without the CSRF token', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const crossOrigin = await admin.request('/api/tokens', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ name: 'x' }) });
    expect(crossOrigin.status).toBe(403);
    expect(((await crossOrigin.json()) as { error: { message: string } }).error.message).toContain('cross-origin');
    const noToken = await admin.request('/api/tokens', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': '' }, body: JSON.stringify({ name: 'x' }) });
    expect(noToken.status).toBe(403);
    const crossSite = await admin.request('/api/tokens', { method: 'POST', headers: { 'content-type': 'application/json', origin: '', 'sec-fetch-site': 'cross-site' }, body: JSON.stringify({ name: 'x' }) });
    expect(crossSite.status).toBe(403);
    const login = await test.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }) });
    expect(login.status).toBe(403);
    expect((await admin.json('/api/tokens', { name: 'x' })).status).toBe(201);
  });

  it('lets an API token submit, read and download but not review; reviewers cannot administer', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const created = (await (await admin.json('/api/accounts', { username: 'rita', role: 'reviewer' })).json()) as { generatedPassword: string };
    expect(created.generatedPassword).toHaveLength(24);
    const rita = await test.login('rita', created.generatedPassword);
    expect((await rita.request('/api/accounts')).status).toBe(403);
    expect((await rita.json('/api/settings', { publicDownloads: true }, 'PUT')).status).toBe(403);

    const { token } = (await (await rita.json('/api/tokens', { name: 'nightly script' })).json()) as { token: string };
    const bearer = { authorization: `Bearer ${token}` };
    const submitted = await test.app.request('/api/documents?name=a.txt', { method: 'POST', headers: bearer, body: seedBytes(seed000) });
    expect(submitted.status).toBe(202);
    const { document } = (await submitted.json()) as { document: { id: string; submittedBy: string } };
    expect(document.submittedBy).toMatch(/^rita \(token /);
    await test.service.idle();
    expect((await test.app.request(`/api/documents/${document.id}`, { headers: bearer })).status).toBe(200);
    expect((await test.app.request('/api/export', { headers: bearer })).status).toBe(200);
    const decision = await test.app.request(`/api/documents/${document.id}/decisions`, {
      method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'approve', version: 1, fieldId: 'requests.completed' }),
    });
    expect(decision.status).toBe(403);
    expect((await test.app.request('/api/documents', { headers: { authorization: 'Bearer gk_wrong' } })).status).toBe(401);

    // Disabling the account ends its sessions and its tokens.
    expect((await admin.json('/api/accounts/rita', { disabled: true }, 'PATCH')).status).toBe(200);
    expect((await rita.request('/api/documents')).status).toBe(401);
    expect((await test.app.request('/api/documents', { headers: bearer })).status).toBe(401);
    // The last admin cannot be demoted.
    expect((await admin.json('/api/accounts/admin', { role: 'reviewer' }, 'PATCH')).status).toBe(409);
  });
});

describe('submission', () => {
  it('accepts a raw body with 202 and a Location, extracts in the background, and serves record, text and raw bytes', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const { response, id, view } = await submitSeed(test, admin);
    expect(response.status).toBe(202);
    expect(response.headers.get('location')).toBe(`/api/documents/${id}`);
    expect(view.summary).toMatchObject({ state: 'review', reviewCount: 3, reasons: ['rule:requests.completed'] });
    expect(view.text).toContain('银川经济技术开发区');
    const raw = await admin.request(`/api/documents/${id}/raw`);
    expect(raw.headers.get('content-disposition')).toContain('attachment');
    expect(new Uint8Array(await raw.arrayBuffer())).toEqual(seedBytes(seed000));
  });

  it('accepts multipart with the file name, and the same bytes twice are the same document', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const form = new FormData();
    form.append('file', new File([seedBytes(seed000)], '银川 2018 年报.txt', { type: 'text/plain' }));
    const first = await admin.request('/api/documents', { method: 'POST', body: form });
    expect(first.status).toBe(202);
    const firstBody = (await first.json()) as { document: { id: string; name: string } };
    expect(firstBody.document.name).toBe('银川 2018 年报.txt');
    const again = await upload(admin, 'copy.txt', seedBytes(seed000));
    expect(again.status).toBe(200);
    const againBody = (await again.json()) as { document: { id: string }; duplicate: boolean };
    expect(againBody).toMatchObject({ duplicate: true, document: { id: firstBody.document.id } });
    expect(((await (await admin.request('/api/documents')).json()) as { total: number }).total).toBe(1);
  });

  it('refuses an oversized document with 413 and stores nothing', async () => {
    const test = await createTestApp({ environment: { GONGKAI_MAX_DOCUMENT_BYTES: '1000' } });
    const admin = await test.login('admin', 'admin-password-1');
    const response = await upload(admin, 'big.txt', new TextEncoder().encode('报告'.repeat(2000)));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/larger than the limit|limit is/);
    expect(((await (await admin.request('/api/documents')).json()) as { total: number }).total).toBe(0);
  });

  it('names empty and binary input with a 4xx and stores nothing', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const empty = await upload(admin, 'empty.txt', new Uint8Array());
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('empty-document');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const binary = await upload(admin, 'scan.png', png);
    expect(binary.status).toBeGreaterThanOrEqual(400);
    expect(binary.status).toBeLessThan(500);
    expect(((await binary.json()) as { error: { code: string } }).error.code).toBe('binary-document');
    expect(((await (await admin.request('/api/documents')).json()) as { total: number }).total).toBe(0);
  });
});

describe('review', () => {
  it('filters the queue by template, year, agency and reason', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    for (const name of seedNames) await upload(admin, name, seedBytes(name));
    await test.service.idle();
    const queue = (await (await admin.request('/api/queue')).json()) as { total: number; facets: { reasons: Record<string, number> } };
    expect(queue.total).toBe(1);
    expect(queue.facets.reasons).toEqual({ 'rule:requests.completed': 1 });
    const count = async (query: string) => ((await (await admin.request(`/api/queue?${query}`)).json()) as { total: number }).total;
    expect(await count('reason=rule')).toBe(1);
    expect(await count('reason=rule:requests.completed')).toBe(1);
    expect(await count('reason=missing')).toBe(0);
    expect(await count('template=gov-2014&year=2018&agency=银川')).toBe(1);
    expect(await count('template=gov-2019')).toBe(0);
    expect(((await (await admin.request('/api/documents?state=committed')).json()) as { total: number }).total).toBe(4);
    expect((await admin.request('/api/queue?year=abc')).status).toBe(400);
  });

  it('commits a document once its last field is settled, with every decision audited', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const { id } = await submitSeed(test, admin);
    const response = await admin.json(`/api/documents/${id}/decisions`, { action: 'correct', version: 1, fieldId: 'requests.completed', value: 2 });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { summary: { state: string; version: number; committedAt: string | null }; cleared: string[] };
    expect(result.summary).toMatchObject({ state: 'committed', version: 2 });
    expect(result.summary.committedAt).not.toBeNull();
    expect(result.cleared.sort()).toEqual(['requests.completedExtended', 'requests.completedOnTime']);
    const history = (await (await admin.request(`/api/documents/${id}/history?field=requests.completed`)).json()) as { decisions: { by: string; action: string; old: { value: number }; new: { value: number }; reasonShown: string[] }[] };
    expect(history.decisions).toHaveLength(1);
    expect(history.decisions[0]).toMatchObject({ by: 'admin', action: 'correct', old: { value: 0 }, new: { value: 2 } });
    expect(history.decisions[0]!.reasonShown.join(' ')).toContain(completedRule);
  });

  it('answers 409 to a decision on a stale version (no lost update)', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const { id } = await submitSeed(test, admin);
    expect((await admin.json(`/api/documents/${id}/decisions`, { action: 'approve', version: 1, fieldId: 'requests.completedOnTime' })).status).toBe(200);
    const stale = await admin.json(`/api/documents/${id}/decisions`, { action: 'correct', version: 1, fieldId: 'requests.completed', value: 5 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { details: { currentVersion: number } } }).error.details.currentVersion).toBe(2);
  });

  it('refuses a rule-breaking correction until it is confirmed', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const { id } = await submitSeed(test, admin);
    const request = { action: 'correct', version: 1, fieldId: 'requests.online', value: 9 };
    const refused = await admin.json(`/api/documents/${id}/decisions`, request);
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { code: string; details: { rules: { id: string }[] } } };
    expect(body.error.code).toBe('rule-violation-unconfirmed');
    expect(body.error.details.rules.map((rule) => rule.id)).toContain('requests.received');
    const view = (await (await admin.request(`/api/documents/${id}`)).json()) as DocumentBody;
    expect(view.summary.version).toBe(1);
    expect((await admin.json(`/api/documents/${id}/decisions`, { ...request, confirm: true })).status).toBe(200);
  });

  it('rejects a document (reason required) and keeps it out of the queue and the dataset', async () => {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    const { id } = await submitSeed(test, admin);
    expect((await admin.json(`/api/documents/${id}/decisions`, { action: 'reject', version: 1, reason: '' })).status).toBe(400);
    expect((await admin.json(`/api/documents/${id}/decisions`, { action: 'reject', version: 1, reason: 'duplicate of another report' })).status).toBe(200);
    expect(((await (await admin.request('/api/queue')).json()) as { total: number }).total).toBe(0);
    const csv = await (await admin.request('/api/export?format=csv')).text();
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(1);
  });
});

describe('export', () => {
  async function committedStore() {
    const test = await createTestApp();
    const admin = await test.login('admin', 'admin-password-1');
    for (const name of seedNames) await upload(admin, name, seedBytes(name));
    await test.service.idle();
    const id = ((await (await admin.request('/api/queue')).json()) as { documents: { id: string }[] }).documents[0]!.id;
    await admin.json(`/api/documents/${id}/decisions`, { action: 'correct', version: 1, fieldId: 'requests.completed', value: 2 });
    await admin.json(`/api/documents/${id}/decisions`, { action: 'meta', version: 2, agency: '=HYPERLINK("http://evil.example","点我")', year: 2018 });
    await admin.json(`/api/documents/${id}/decisions`, { action: 'correct', version: 3, fieldId: 'org.budget', value: 3.25, confirm: true });
    return { test, admin, id };
  }

  it('streams wide CSV in UTF-8 with a BOM, numbers numeric and text neutralised against formulas', async () => {
    const { admin, id } = await committedStore();
    const response = await admin.request('/api/export?format=csv&shape=wide');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="gongkai-wide-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['document', 'sha256', 'agency', 'year', 'template']);
    expect(lines.filter((line) => line !== '')).toHaveLength(6);
    const row = lines.find((line) => line.includes(id))!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    const cells = parseCsvLine(row);
    expect(cells[2]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(cells[header.indexOf('requests.completed')]).toBe('2');
    expect(cells[header.indexOf('org.budget')]).toBe('3.25');
    expect(cells[header.indexOf('requests.completedOnTime')]).toBe('2');
  });

  it('streams long CSV with reviewer and evidence, the dictionary, and JSONL', async () => {
    const { admin, id } = await committedStore();
    const long = await (await admin.request('/api/export?format=csv&shape=long&template=gov-2014')).text();
    const longLines = long.replace(/^\uFEFF/, '').split('\r\n');
    expect(longLines[0]).toBe('document,sha256,agency,year,template,field,label,value,unit,raw,method,confidence,status,reviewer,evidence_start,evidence_end,evidence_text');
    const corrected = longLines.find((line) => line.includes(id) && line.includes(',requests.completed,'))!;
    expect(corrected).toContain(',2,件,0,reviewer,1,corrected,admin,');
    const dictionary = await (await admin.request('/api/export?shape=dictionary')).text();
    expect(dictionary).toContain('gov-2014,requests.completed,（二）申请办结数,件,');
    const jsonl = (await (await admin.request('/api/export?format=jsonl')).text()).trim().split('\n').map((line) => JSON.parse(line) as { sha256: string; values: Record<string, number | null> });
    expect(jsonl).toHaveLength(5);
    expect(jsonl.find((line) => line.sha256 === id)!.values['requests.completed']).toBe(2);
  });

  it('writes XLSX with one sheet per template plus the dictionary', async () => {
    const { admin, id } = await committedStore();
    const response = await admin.request('/api/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['gov-2014', 'gov-2019', 'gov-2021', 'dictionary']);
    const sheet = workbook.getWorksheet('gov-2014')!;
    const header = sheet.getRow(1).values as unknown[];
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((candidate) => candidate.getCell(2).value === id)!;
    expect(row.getCell(header.indexOf('requests.completed')).value).toBe(2);
    expect(row.getCell(header.indexOf('org.budget')).value).toBe(3.25);
    expect(String(row.getCell(3).value)).toMatch(/^'=HYPERLINK/);
    expect(workbook.getWorksheet('gov-2019')!.rowCount).toBe(2);
  });
});

/** Splits one CSV line (RFC 4180 quoting). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index]!;
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      cells.push(cell);
      cell = '';
    } else cell += character;
  }
  cells.push(cell);
  return cells;
}
