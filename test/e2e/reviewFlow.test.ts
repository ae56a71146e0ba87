import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { startServer, type RunningServer } from '../../src/http/startServer.ts';
import { createDeterministicProcessor } from '../../src/pipeline/deterministicProcessor.ts';

/**
 * End-to-end: the real server on an ephemeral port with a temp data directory, driven by Debian's headless
 * Chromium (never a downloaded browser). Screenshots go to test-artifacts/ (gitignored).
 */
const CHROMIUM = '/usr/bin/chromium';
const ADMIN_PASSWORD = 'e2e-admin-password';
const seedPath = fileURLToPath(new URL('../fixtures/corpus/000_b19e0a271049421c.txt', import.meta.url));
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const completedRule = 'requests.completed = requests.completedOnTime + requests.completedExtended';

let server: RunningServer;
let context: BrowserContext;
let page: Page;
let dataDirectory = '';
let profileDirectory = '';
let downloadDirectory = '';
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'gongkai-e2e-data-'));
  profileDirectory = await mkdtemp(join(tmpdir(), 'gongkai-e2e-profile-'));
  downloadDirectory = await mkdtemp(join(tmpdir(), 'gongkai-e2e-downloads-'));
  await mkdir(artifacts, { recursive: true });
  const config = loadConfig({ GONGKAI_DATA_DIR: dataDirectory, GONGKAI_PORT: '0', GONGKAI_ADMIN_PASSWORD: ADMIN_PASSWORD });
  server = await startServer(config, createDeterministicProcessor());
  context = await chromium.launchPersistentContext(profileDirectory, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    acceptDownloads: true,
    downloadsPath: downloadDirectory,
    viewport: { width: 1400, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  for (const directory of [dataDirectory, profileDirectory, downloadDirectory]) if (directory) await rm(directory, { recursive: true, force: true });
});

async function versionOf(): Promise<string> {
  return (await page.getAttribute('#document', 'data-version')) ?? '';
}

/** Presses a decision key and waits for the new version (confirming once if the server asks to). */
async function decideWith(keyName: string): Promise<void> {
  const before = await versionOf();
  await page.keyboard.press(keyName);
  await page.waitForFunction(
    (previous) => document.querySelector<HTMLElement>('#document')?.dataset.version !== previous || document.querySelector<HTMLElement>('#status')?.dataset.kind === 'warning',
    before,
  );
  if ((await versionOf()) === before) {
    await page.keyboard.press('Enter');
    await page.waitForFunction((previous) => document.querySelector<HTMLElement>('#document')?.dataset.version !== previous, before);
  }
}

async function uploadAndOpen(files: Parameters<Page['setInputFiles']>[1]): Promise<void> {
  await page.goto(`${server.url}/#/queue`);
  await page.waitForSelector('#upload-input');
  await page.setInputFiles('#upload-input', files);
  const link = page.locator('#upload-results li.ok a').first();
  await link.waitFor();
  await link.click();
  await page.waitForFunction(() => {
    const state = document.querySelector<HTMLElement>('#document')?.dataset.state;
    return state !== undefined && state !== 'queued';
  });
}

describe('review flow in headless Chromium', () => {
  it('logs in, uploads seed 000, corrects 申请办结数 with the keyboard, commits and downloads the CSV', async () => {
    await page.goto(server.url);
    await page.fill('#username', 'admin');
    await page.fill('#password', ADMIN_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('#current-user');
    await page.waitForSelector('#queue-rows', { state: 'attached' });
    await page.screenshot({ path: join(artifacts, 'e2e-01-queue.png'), fullPage: true });

    await uploadAndOpen(seedPath);
    const flagged = page.locator('[data-field-id="requests.completed"]');
    await flagged.waitFor();
    expect(await flagged.getAttribute('data-status')).toBe('review');
    expect(await flagged.textContent()).toContain('申请办结数');
    expect(await flagged.textContent()).toContain(completedRule);
    expect(await page.textContent('#failing-rules')).toContain(completedRule);

    for (let step = 0; step < 300; step++) {
      if ((await page.getAttribute('.field.selected', 'data-field-id')) === 'requests.completed') break;
      await page.keyboard.press('j');
    }
    expect(await page.getAttribute('.field.selected', 'data-field-id')).toBe('requests.completed');
    const evidence = await page.textContent('#evidence');
    expect(evidence).not.toBeNull();
    expect(await page.locator('#evidence').isVisible()).toBe(true);
    await page.screenshot({ path: join(artifacts, 'e2e-02-flagged.png') });

    await page.keyboard.press('e');
    await page.waitForSelector('#edit-value');
    await page.keyboard.type('2');
    // Live re-check with the server's rules code: the rule holds with the typed value before saving.
    await page.waitForSelector('.field.selected .rule-checks li.rule-pass');
    expect(await page.textContent('.field.selected .rule-checks')).toContain(`✓ ${completedRule} (2 = 2)`);
    await page.screenshot({ path: join(artifacts, 'e2e-03-editing.png') });
    const before = await versionOf();
    await page.keyboard.press('Enter');
    await page.waitForFunction((previous) => document.querySelector<HTMLElement>('#document')?.dataset.version !== previous, before);

    for (let step = 0; step < 300 && (await page.getAttribute('#document', 'data-state')) !== 'committed'; step++) await decideWith('a');
    expect(await page.getAttribute('#document', 'data-state')).toBe('committed');
    expect(await page.textContent('#document-state')).toContain('committed');
    await page.keyboard.press('f');
    expect(await page.getAttribute('[data-field-id="requests.completed"]', 'data-status')).toBe('corrected');
    await page.keyboard.press('h');
    await page.waitForSelector('#history-list li');
    expect(await page.textContent('#history-list')).toContain('admin · correct · 0 (review) → 2 (corrected)');
    await page.screenshot({ path: join(artifacts, 'e2e-04-committed.png') });

    await page.keyboard.press('q');
    await page.waitForSelector('a[data-export="format=csv&shape=wide"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-export="format=csv&shape=wide"]')]);
    const bytes = await readFile((await download.path())!);
    await writeFile(join(artifacts, 'e2e-dataset-wide.csv'), bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter((line) => line !== '');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['document', 'sha256', 'agency', 'year', 'template']);
    expect(lines).toHaveLength(2);
    const row = lines[1]!.split(',');
    expect(row[0]).toBe('000_b19e0a271049421c.txt');
    expect(row[4]).toBe('gov-2014');
    expect(row[header.indexOf('requests.completed')]).toBe('2');
    expect(row[header.indexOf('requests.completedOnTime')]).toBe('2');
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('renders a document containing <script> and onerror= attributes inert', async () => {
    const hostile = [
      '某某局2019年政府信息公开工作年度报告',
      '<script>window.__pwned = "script"; alert("script ran")</script>',
      '<img src=x onerror="window.__pwned = \'onerror\'; alert(\'onerror ran\')">',
      '<svg onload="window.__pwned = \'svg\'"></svg><iframe src="javascript:alert(1)"></iframe>',
      '一、总体情况 本年度收到申请 3 件。',
    ].join('\n');
    await uploadAndOpen({ name: '<img src=x onerror=alert(1)>.txt', mimeType: 'text/plain', buffer: Buffer.from(hostile, 'utf8') });
    await page.waitForSelector('#source');
    expect(await page.textContent('#source')).toContain('<script>window.__pwned = "script"; alert("script ran")</script>');
    expect(await page.textContent('#document-name')).toBe('<img src=x onerror=alert(1)>.txt');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('#document script, #document img, #document svg, #document iframe').length)).toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'e2e-05-inert.png') });
  }, 120_000);
});
