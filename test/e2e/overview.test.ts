import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/http/startServer.ts';
import { E2E_ADMIN_PASSWORD, E2E_ARTIFACTS, startBrowserSession, type BrowserSession } from '../support/startBrowserSession.ts';
import { createRecordProcessor, fixtureDocument } from '../support/recordProcessor.ts';

/**
 * End-to-end: the overview page on a real server (temp data directory) in Debian's headless Chromium. One agency
 * reports in three years on the three forms (a seed and two synthetic reports given its name); another agency has
 * one report. Screenshots go to test-artifacts/ (gitignored, like every e2e screenshot).
 */
const fixtures = new URL('../fixtures/', import.meta.url);
const AGENCY = '上海市科学技术委员会';
const documents = [
  fixtureDocument(new URL('corpus/', fixtures), new URL('gold/003_325a78626e0cba12.json', fixtures), { agency: AGENCY, year: 2018 }),
  fixtureDocument(new URL('synthetic/', fixtures), new URL('synthetic/gold/s28_2019_tab.json', fixtures), { agency: '上海市科委', year: 2019 }),
  fixtureDocument(new URL('synthetic/', fixtures), new URL('synthetic/gold/s01_2021_tab.json', fixtures), { agency: AGENCY, year: 2021 }),
  fixtureDocument(new URL('synthetic/', fixtures), new URL('synthetic/gold/s02_2021_pipe.json', fixtures)),
  // The same agency without its city: a merge a reviewer must decide (region-prefix), never applied alone.
  fixtureDocument(new URL('synthetic/', fixtures), new URL('synthetic/gold/s03_2021_pipe_markers.json', fixtures), { agency: '市科学技术委员会', year: 2022 }),
];
const received = (index: number) => {
  const { record } = documents[index]!;
  return record.fields.find((field) => field.id === (record.template === 'gov-2014' ? 'requests.received' : 'applications.newReceived.total'))!.value;
};

let session: BrowserSession;
let server: RunningServer;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await startBrowserSession('overview', createRecordProcessor(documents), { downloads: true });
  ({ server, page } = session);
  for (const document of documents) await server.service.submit({ bytes: document.bytes, name: document.name, submittedBy: 'admin' });
  await server.service.idle();
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await session?.close();
});

/** Non-blank pixels of a canvas (the chart library drew something). */
function paintedPixels(selector: string): Promise<number> {
  return page.evaluate((query) => {
    const canvas = document.querySelector<HTMLCanvasElement>(query)!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let index = 3; index < data.length; index += 4) if (data[index]! > 0) painted++;
    return painted;
  }, selector);
}

describe('overview page in headless Chromium', () => {
  it('draws documents by year and form, review progress, and one agency\'s indicator across years as a line chart', async () => {
    await page.goto(server.url);
    await page.fill('#username', 'admin');
    await page.fill('#password', E2E_ADMIN_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('#nav-overview');
    expect(await page.textContent('#nav-overview')).toBe('概览');
    await page.click('#nav-overview');
    await page.waitForSelector('#series-chart[data-drawn="true"]');

    expect(await page.textContent('#review-progress-text')).toBe('已提交 5 / 5 份文件；待审核字段 0 个');
    const table = await page.locator('#documents-table tbody tr').allTextContents();
    // Year, then gov-2014 / gov-2019 / gov-2021, then the total.
    expect(table).toEqual(['20181001', '20190101', '20210011', '20220022']);
    expect(await paintedPixels('#documents-chart')).toBeGreaterThan(1000);

    // One agency: the names 上海市科学技术委员会 and 上海市科委 are one key; its three years on three forms.
    await page.selectOption('#series-agency', AGENCY);
    await page.waitForSelector(`#series-chart[data-agency="${AGENCY}"]`);
    expect(await page.getAttribute('#series-chart', 'data-lines')).toBe('1');
    expect(await page.getAttribute('#series-chart', 'data-years')).toBe('2018,2019,2021');
    expect(JSON.parse((await page.getAttribute('#series-chart', 'data-values'))!)).toEqual([[received(0), received(1), received(2)]]);
    expect(await paintedPixels('#series-chart')).toBeGreaterThan(1000);
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-overview-01-chart.png'), fullPage: true });
    await page.locator('#series-chart').screenshot({ path: join(E2E_ARTIFACTS, 'e2e-overview-02-series.png') });

    // The same figures as a download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#series-csv')]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/u, '').trim().split('\r\n');
    expect(csv[0]).toBe('agency_key,agency,indicator,unit,year,value,blank_reason,form,sha256');
    expect(csv.slice(1).map((line) => line.split(',').slice(4, 6).join(' '))).toEqual([`2018 ${received(0)}`, `2019 ${received(1)}`, `2021 ${received(2)}`]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the proposed merge with its evidence; the reviewer merges it and the chart gains the year', async () => {
    const proposal = page.locator(`#agency-proposals li[data-from="市科学技术委员会"][data-into="${AGENCY}"]`);
    await proposal.waitFor();
    expect(await proposal.textContent()).toContain('region-prefix');
    await page.locator('#overview-agencies').screenshot({ path: join(E2E_ARTIFACTS, 'e2e-overview-03-agencies.png') });
    await proposal.locator('button.merge').click();
    await page.waitForSelector('#agency-proposals', { state: 'detached' });
    await page.selectOption('#series-agency', AGENCY);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#series-chart')?.dataset.years === '2018,2019,2021,2022');
    expect(await page.getAttribute('#series-chart', 'data-lines')).toBe('1');
    expect(await page.textContent(`#agency-groups tr[data-key="${AGENCY}"]`)).toContain('已确认');
    const audit = JSON.parse(await readFile(join(session.dataDirectory, 'agencies.json'), 'utf8')) as { decisions: { kind: string; by: string; from: string; into: string }[] };
    expect(audit.decisions).toMatchObject([{ kind: 'merge', by: 'admin', from: '市科学技术委员会', into: AGENCY }]);
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-overview-04-merged.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
