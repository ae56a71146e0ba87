import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { E2E_ADMIN_PASSWORD, E2E_ARTIFACTS, startBrowserSession, type BrowserSession } from '../support/startBrowserSession.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/http/startServer.ts';
import { createDeterministicProcessor } from '../../src/pipeline/deterministicProcessor.ts';

/**
 * End-to-end: the real server on an ephemeral port with a temp data directory, driven by Debian's headless
 * Chromium (never a downloaded browser). Screenshots go to test-artifacts/ (gitignored).
 */
const seedPath = fileURLToPath(new URL('../fixtures/corpus/000_b19e0a271049421c.txt', import.meta.url));
/** The rule of 申请办结数 in words, as the UI writes it with the values it holds. */
const completedRule = (completed: string, onTime: string, extended: string, relation: string) =>
  `申请办结数(${completed}) ${relation} 按时办结数(${onTime}) + 延期办结数(${extended})`;

let session: BrowserSession;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await startBrowserSession('flow', createDeterministicProcessor(), { downloads: true });
  ({ server, context, page } = session);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await session?.close();
});

async function versionOf(): Promise<string> {
  return (await page.getAttribute('#document', 'data-version')) ?? '';
}

/** Presses a decision key and waits for the new version (confirming once if the server asks to). */
async function decideWith(keyName: string): Promise<void> {
  const before = await versionOf();
  await page.keyboard.press(keyName);
  await page.waitForFunction(
    (previous) => document.querySelector<HTMLElement>('#document')?.dataset.version !== previous
      || document.querySelector<HTMLElement>('#status')?.dataset.kind === 'warning'
      || document.querySelector('#blank-question') !== null,
    before,
  );
  // Asked once per document whether printed blanks are 0: yes, then every proposed 0 is approved in turn.
  if (await page.$('#blank-question')) {
    await page.keyboard.press('y');
    await page.waitForFunction((previous) => document.querySelector<HTMLElement>('#document')?.dataset.version !== previous, before);
    return;
  }
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

async function login(): Promise<void> {
  await page.fill('#username', 'admin');
  await page.fill('#password', E2E_ADMIN_PASSWORD);
  await page.click('#login-submit');
}

describe('review flow in headless Chromium', () => {
  it('in Chinese: logs in, uploads seed 000, corrects 申请办结数 by keyboard with the rule in words, commits and downloads the CSV', async () => {
    await page.goto(server.url);
    expect(await page.textContent('#login-submit')).toBe('登录');
    await login();
    await page.waitForSelector('#current-user');
    await page.waitForSelector('#queue-rows', { state: 'attached' });
    expect(await page.textContent('nav.top')).toContain('审核队列');
    expect(await page.textContent('#queue-tabs')).toBe('待审核已提交全部');

    await uploadAndOpen(seedPath);
    const flagged = page.locator('[data-field-id="requests.completed"]');
    await flagged.waitFor();
    expect(await flagged.getAttribute('data-status')).toBe('review');
    const flaggedText = (await flagged.textContent()) ?? '';
    expect(flaggedText).toContain('申请办结数');
    expect(flaggedText).toContain('requests.completed');
    const printed = /申请办结数\((\d+)\) ≠ 按时办结数\((\d+)\) \+ 延期办结数\((\d+)\)/.exec(flaggedText);
    expect(printed).not.toBeNull();
    const [, completed, onTime, extended] = printed!;
    expect(await page.textContent('#failing-rules')).toContain(`勾稽关系：${completedRule(completed!, onTime!, extended!, '≠')}`);
    expect(await page.textContent('#failing-rules')).not.toContain('requests.completed =');

    for (let step = 0; step < 300; step++) {
      if ((await page.getAttribute('.field.selected', 'data-field-id')) === 'requests.completed') break;
      await page.keyboard.press('j');
    }
    expect(await page.getAttribute('.field.selected', 'data-field-id')).toBe('requests.completed');
    expect(await page.locator('#evidence').isVisible()).toBe(true);
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-02-document.png') });

    const right = String(Number(onTime) + Number(extended));
    await page.keyboard.press('e');
    await page.waitForSelector('#edit-value');
    await page.keyboard.type(right);
    // Live re-check with the server's rules code: the rule holds with the typed value before saving.
    await page.waitForSelector('.field.selected .rule-checks li.rule-pass');
    expect(await page.textContent('.field.selected .rule-checks')).toContain(`✓ 勾稽关系：${completedRule(right, onTime!, extended!, '=')}`);
    const before = await versionOf();
    await page.keyboard.press('Enter');
    await page.waitForFunction((previous) => document.querySelector<HTMLElement>('#document')?.dataset.version !== previous, before);

    for (let step = 0; step < 300 && (await page.getAttribute('#document', 'data-state')) !== 'committed'; step++) await decideWith('a');
    expect(await page.getAttribute('#document', 'data-state')).toBe('committed');
    expect(await page.textContent('#document-state')).toBe('已提交 ✓');
    expect(await page.isDisabled('#approve-auto')).toBe(true);
    await page.keyboard.press('f');
    expect(await page.getAttribute('[data-field-id="requests.completed"]', 'data-status')).toBe('corrected');
    await page.keyboard.press('h');
    await page.waitForSelector('#history-list li');
    expect(await page.textContent('#history-list')).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} · admin · 更正 · ${completed}（待确认） → ${right}（已更正）`));
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-03-committed.png') });

    await page.keyboard.press('q');
    await page.click('#tab-committed');
    await page.waitForSelector('#queue-rows tr[data-state="committed"]');
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-01-queue.png'), fullPage: true });
    await page.locator('#downloads').screenshot({ path: join(E2E_ARTIFACTS, 'e2e-04-downloads.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv-gov-2014')]);
    const bytes = await readFile((await download.path())!);
    await writeFile(join(E2E_ARTIFACTS, 'e2e-dataset-wide-gov-2014.csv'), bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter((line) => line !== '');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['文件名', 'SHA-256', '机关', '年度', '表式']);
    expect(lines).toHaveLength(2);
    const row = lines[1]!.split(',');
    expect(row[0]).toBe('000_b19e0a271049421c.txt');
    expect(row[header.indexOf('申请办结数(件)')]).toBe(right);
    expect(row[header.indexOf('按时办结数(件)')]).toBe(onTime);

    // The admin page names its menu items as the README does.
    await page.click('#nav-admin');
    await page.waitForSelector('#accounts table');
    const adminText = (await page.textContent('main.admin-page')) ?? '';
    for (const words of ['账户列表', '重置密码', '设置', 'API 令牌', '我的密码']) expect(adminText).toContain(words);
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-07-admin.png') });
    await page.click('a[href="#/queue"]');
    await page.waitForSelector('#queue-rows', { state: 'attached' });

    // English is a choice, remembered for this user; Chinese comes back the same way.
    await page.click('#language');
    await page.waitForFunction(() => document.querySelector('nav.top')?.textContent?.includes('Queue'));
    expect(await page.evaluate(() => localStorage.getItem('gongkai.locale.admin'))).toBe('en');
    await page.click('#language');
    await page.waitForFunction(() => document.querySelector('nav.top')?.textContent?.includes('审核队列'));
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('session ended in another tab mid-review: the login form, then back at the same document with the decision saved', async () => {
    await uploadAndOpen(fileURLToPath(new URL('../fixtures/corpus/001_f8ed6e34138a7c30.txt', import.meta.url)));
    const documentId = await page.getAttribute('#document', 'data-id');
    await page.waitForSelector('.field.selected');
    const fieldId = await page.getAttribute('.field.selected', 'data-field-id');
    const before = await versionOf();

    const otherTab = await context.newPage();
    await otherTab.goto(`${server.url}/#/queue`);
    await otherTab.click('#logout');
    await otherTab.waitForSelector('#login-submit');
    await otherTab.close();

    await page.keyboard.press('a');
    await page.waitForSelector('#login-overlay #session-ended, #blank-question');
    if (await page.$('#blank-question')) await page.keyboard.press('n');
    await page.waitForSelector('#login-overlay #session-ended');
    expect(await page.textContent('#session-ended')).toContain('登录已过期');
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-06-session-ended.png') });
    await page.fill('#login-overlay #password', E2E_ADMIN_PASSWORD);
    await page.click('#login-overlay #login-submit');
    await page.waitForFunction((previous) => document.querySelector<HTMLElement>('#document')?.dataset.version !== previous, before);
    expect(await page.$('#login-overlay')).toBeNull();
    expect(await page.getAttribute('#document', 'data-id')).toBe(documentId);
    expect(page.url()).toContain(`#/documents/${documentId}`);
    await page.keyboard.press('f');
    expect(await page.getAttribute(`[data-field-id="${fieldId}"]`, 'data-status')).not.toBe('review');

    // A download clicked after the session ended asks for the login first and then saves the real file.
    await page.keyboard.press('q');
    await page.waitForSelector('#download-dictionary');
    const other = await context.newPage();
    await other.goto(`${server.url}/#/queue`);
    await other.click('#logout');
    await other.waitForSelector('#login-submit');
    await other.close();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.click('#download-dictionary');
    await page.waitForSelector('#login-overlay #session-ended');
    expect(downloads).toBe(0);
    await page.fill('#login-overlay #password', E2E_ADMIN_PASSWORD);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#login-overlay #login-submit')]);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(3).toString('utf8').startsWith('表式,字段,指标,表中位置,单位,上级字段\r\n')).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 120_000);

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
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-05-inert.png') });
  }, 120_000);

  it('corrects agency and year in their inline form (a year that is no whole number refused), and Escape closes the reject form', async () => {
    await uploadAndOpen(fileURLToPath(new URL('../fixtures/corpus/002_2520afaa29647670.txt', import.meta.url)));
    await page.waitForSelector('.field.selected');
    await page.keyboard.press('m');
    await page.waitForSelector('#meta-agency');
    const before = await versionOf();
    await page.fill('#meta-agency', '测试市测试局');
    await page.fill('#meta-year', '2020.5');
    await page.press('#meta-year', 'Enter');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#status')?.dataset.kind === 'error');
    expect(await versionOf()).toBe(before);
    await page.fill('#meta-year', '2020');
    await page.press('#meta-year', 'Enter');
    await page.waitForFunction((previous) => document.querySelector<HTMLElement>('#document')?.dataset.version !== previous, before);
    expect(await page.textContent('#document .document-header .meta')).toContain('测试市测试局 · 2020');

    await page.keyboard.press('x');
    await page.waitForSelector('#reject-reason');
    // Typing in the form reaches no shortcut ('q' would leave for the queue).
    await page.type('#reject-reason', 'q');
    expect(page.url()).toContain('#/documents/');
    await page.press('#reject-reason', 'Escape');
    await page.waitForSelector('#reject-reason', { state: 'detached' });
    expect(await page.getAttribute('#document', 'data-state')).not.toBe('rejected');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
