import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { E2E_ARTIFACTS, startBrowserSession, type BrowserSession } from '../support/startBrowserSession.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/http/startServer.ts';
import { createDeterministicProcessor } from '../../src/pipeline/deterministicProcessor.ts';

/**
 * End-to-end: a PDF and a Word file uploaded in the browser are read and open for review; an old .doc is
 * refused and the upload list shows why. Debian's headless Chromium; screenshots in test-artifacts/.
 */
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

let session: BrowserSession;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession('pdf', createDeterministicProcessor());
  ({ server, page } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('PDF and Word upload in headless Chromium', () => {
  it('opens an uploaded PDF for review, and lists why an old .doc is refused', async () => {
    await page.goto(server.url);
    await session.logIn();
    await page.goto(`${server.url}/#/queue`);
    await page.waitForSelector('#upload-input');

    await page.setInputFiles('#upload-input', { name: 'old-report.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]) });
    const refused = page.locator('#upload-results li.error').first();
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/old-report\.doc — .*save it as \.docx/u);

    await page.setInputFiles('#upload-input', [fixture('docx/d02_s04_2021_html.docx'), fixture('pdf/hongze_2024.pdf')]);
    await page.locator('#upload-results li.ok a', { hasText: 'hongze_2024.pdf' }).waitFor();
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-pdf-01-upload.png'), fullPage: true });
    await page.locator('#upload-results li.ok a', { hasText: 'hongze_2024.pdf' }).click();
    await page.waitForFunction(() => {
      const state = document.querySelector<HTMLElement>('#document')?.dataset.state;
      return state !== undefined && state !== 'queued';
    });
    expect(await page.getAttribute('#document', 'data-state')).not.toBe('failed');
    // The source pane draws the PDF's page; its switch shows the text the PDF was read as: its table rows,
    // not PDF syntax.
    await page.waitForSelector('#source[data-state="drawn"]');
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-pdf-02-document.png'), fullPage: false });
    await page.click('#source-mode-text');
    expect(await page.textContent('#source')).toContain('行政规范性文件');
  });
});
