import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/http/startServer.ts';
import { createDeterministicProcessor } from '../../src/pipeline/deterministicProcessor.ts';
import { E2E_ARTIFACTS, startBrowserSession, type BrowserSession } from '../support/startBrowserSession.ts';

/**
 * End-to-end: the source pane shows the original as a person sees it. A PDF's page is drawn by pdf.js in the
 * browser (served same-origin, strict CSP) with the selected field's cell box highlighted over the drawn figure;
 * a correction is saved. An HTML page (also HTML escaped inside a script) is shown as text and tables built
 * from cells, never as markup, with the value's cell highlighted and a blank cell visibly so. Debian's headless
 * Chromium; screenshots in test-artifacts/ (gitignored).
 */
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

let session: BrowserSession;
let server: RunningServer;
let page: Page;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  session = await startBrowserSession('source', createDeterministicProcessor());
  ({ server, page } = session);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // A CSP refusal (an eval, a blob worker, a remote load) is reported on the console.
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(server.url);
  await session.logIn();
}, 120_000);

afterAll(async () => {
  await session?.close();
});

async function uploadAndOpen(path: string): Promise<void> {
  await page.goto(`${server.url}/#/queue`);
  await page.waitForSelector('#upload-input');
  await page.setInputFiles('#upload-input', path);
  const link = page.locator('#upload-results li.ok a', { hasText: basename(path) });
  await link.waitFor();
  await link.click();
  await page.waitForFunction(() => {
    const state = document.querySelector<HTMLElement>('#document')?.dataset.state;
    return state !== undefined && state !== 'queued';
  });
  expect(await page.getAttribute('#document', 'data-state')).not.toBe('failed');
}

async function versionOf(): Promise<string> {
  return (await page.getAttribute('#document', 'data-version')) ?? '';
}

/** Waits until pdf.js has drawn the page the pane shows and the highlight is placed (or hidden). */
async function waitForDrawnPage(pageNumber: number): Promise<void> {
  await page.waitForFunction((wanted) => {
    const source = document.querySelector<HTMLElement>('#source');
    return source?.dataset.state === 'drawn' && source.dataset.page === String(wanted);
  }, pageNumber);
}

/** The highlight's box and the canvas's, and how many dark (drawn) pixels of the canvas lie under the highlight. */
function measureHighlight() {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#pdf-canvas')!;
    const highlight = document.querySelector<HTMLElement>('#pdf-highlight')!;
    const canvasBox = canvas.getBoundingClientRect();
    const box = highlight.getBoundingClientRect();
    const scale = canvas.width / canvasBox.width;
    const x = Math.floor((box.left - canvasBox.left) * scale);
    const y = Math.floor((box.top - canvasBox.top) * scale);
    const width = Math.max(1, Math.floor(box.width * scale));
    const height = Math.max(1, Math.floor(box.height * scale));
    const pixels = canvas.getContext('2d')!.getImageData(x, y, width, height).data;
    let dark = 0;
    for (let index = 0; index < pixels.length; index += 4) if (pixels[index]! + pixels[index + 1]! + pixels[index + 2]! < 300) dark++;
    let drawnAnywhere = 0;
    const whole = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let index = 0; index < whole.length; index += 4 * 97) if (whole[index]! + whole[index + 1]! + whole[index + 2]! < 300) drawnAnywhere++;
    return {
      hidden: highlight.hidden,
      canvas: { left: canvasBox.left, top: canvasBox.top, right: canvasBox.right, bottom: canvasBox.bottom, width: canvasBox.width, height: canvasBox.height },
      box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom, width: box.width, height: box.height },
      dark,
      drawnAnywhere,
    };
  });
}

describe('the source pane in headless Chromium', () => {
  it('draws a PDF page with pdf.js, highlights the field\'s cell box, turns pages, and saves a correction', async () => {
    await uploadAndOpen(fixture('pdf/p21_s65_2019_html_inconsistent_a4.pdf'));
    // The first field in review is 本年新收申请 · 自然人 (212), printed on page 2 of 4.
    await page.waitForSelector('.field.selected');
    const fieldId = (await page.getAttribute('.field.selected', 'data-field-id'))!;
    expect(fieldId).toBe('applications.newReceived.naturalPerson');
    await waitForDrawnPage(2);
    expect(await page.textContent('#pdf-page-number')).toBe('第 2 / 4 页');

    const drawn = await measureHighlight();
    expect(drawn.hidden).toBe(false);
    expect(drawn.canvas.width).toBeGreaterThan(200);
    expect(drawn.drawnAnywhere).toBeGreaterThan(0);
    expect(drawn.box.width).toBeGreaterThan(0);
    expect(drawn.box.height).toBeGreaterThan(0);
    expect(drawn.box.left).toBeGreaterThanOrEqual(drawn.canvas.left);
    expect(drawn.box.top).toBeGreaterThanOrEqual(drawn.canvas.top);
    expect(drawn.box.right).toBeLessThanOrEqual(drawn.canvas.right);
    expect(drawn.box.bottom).toBeLessThanOrEqual(drawn.canvas.bottom);
    // The box lies over the printed figure: pdf.js drew dark pixels inside it.
    expect(drawn.dark).toBeGreaterThan(0);
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-source-01-pdf-page.png') });

    // The toolbar names the pages holding fields in review, as links.
    const reviewPages = await page.$$eval('#pdf-review-pages button', (buttons) => buttons.map((button) => button.textContent));
    expect(reviewPages).toContain('2');

    // Page navigation: the next page has no highlight; selecting the field again turns back to its page.
    await page.click('#pdf-next');
    await waitForDrawnPage(3);
    expect(await page.textContent('#pdf-page-number')).toBe('第 3 / 4 页');
    expect(await page.evaluate(() => document.querySelector<HTMLElement>('#pdf-highlight')!.hidden)).toBe(true);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await waitForDrawnPage(2);
    expect((await measureHighlight()).hidden).toBe(false);

    // The switch shows the text the engine read, the evidence marked; and back to the page.
    await page.click('#source-mode-text');
    expect(await page.textContent('pre#source mark#evidence')).toBe('212');
    await page.click('#source-mode-pdf');
    await waitForDrawnPage(2);

    // Correct the value; a rule it would break asks for confirmation first. Saved: a new version, and after
    // a reload the field reads the corrected value.
    const before = await versionOf();
    await page.keyboard.press('e');
    await page.waitForSelector('#edit-value');
    await page.fill('#edit-value', '213');
    await page.press('#edit-value', 'Enter');
    await page.waitForFunction((previous) => document.querySelector<HTMLElement>('#document')?.dataset.version !== previous
      || document.querySelector<HTMLElement>('#status')?.dataset.kind === 'warning', before);
    if ((await versionOf()) === before) {
      await page.press('#edit-value', 'Enter');
      await page.waitForFunction((previous) => document.querySelector<HTMLElement>('#document')?.dataset.version !== previous, before);
    }
    await page.reload();
    await page.waitForSelector('#document[data-state]');
    await page.keyboard.press('f');
    const corrected = page.locator(`[data-field-id="${fieldId}"]`);
    await corrected.waitFor();
    expect(await corrected.getAttribute('data-status')).toBe('corrected');
    expect(await corrected.textContent()).toContain('213');
    await corrected.click();
    await waitForDrawnPage(2);
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-source-02-pdf-corrected.png') });
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 180_000);

  it('shows an HTML page as a table built from cells (never markup), the value\'s cell and a blank cell highlighted', async () => {
    await uploadAndOpen(fixture('variants/v08_001_page.html'));
    await page.waitForSelector('#source table td');
    const sourceText = (await page.textContent('#source')) ?? '';
    expect(sourceText).not.toContain('<td');
    expect(sourceText).not.toContain('<tr');
    expect(sourceText).toContain('政府信息公开');
    expect(await page.evaluate(() => document.querySelectorAll('#source script, #source img, #source iframe, #source a').length)).toBe(0);

    await page.keyboard.press('f');
    await page.click('[data-field-id="active.total"]');
    expect(await page.textContent('#source td.evidence-cell mark#evidence')).toBe('9351');
    // A blank cell (2.传真申请数, nothing printed): the whole cell is highlighted, wide enough to see.
    await page.click('[data-field-id="requests.fax"]');
    const blank = page.locator('#source td.evidence-blank');
    await blank.waitFor();
    expect(await blank.textContent()).toBe('');
    const size = await blank.boundingBox();
    expect(size!.width).toBeGreaterThanOrEqual(20);
    expect(size!.height).toBeGreaterThanOrEqual(10);
    const markSize = await page.locator('#source td.evidence-blank mark#evidence').boundingBox();
    expect(markSize!.width).toBeGreaterThanOrEqual(20);
    expect(await page.evaluate(() => document.querySelector('#source td.evidence-blank')!.previousElementSibling?.textContent)).toBe('件');
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-source-03-html-blank.png') });

    // HTML escaped inside a JavaScript string (today's worst case): tables, not escaped <td …> source.
    await uploadAndOpen(fixture('wild/13_shanghai_bgt_2019_html_escaped.txt'));
    await page.waitForSelector('#source table td');
    const escapedText = (await page.textContent('#source')) ?? '';
    expect(escapedText).not.toMatch(/<t[dr]\b/u);
    expect(escapedText).not.toContain('\\"');
    await page.keyboard.press('f');
    await page.click('[data-field-id="disclosure.rules.totalPublic"]');
    expect(await page.textContent('#source td.evidence-cell')).toBe('524');
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-source-04-html-escaped.png') });
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 180_000);

  it('marks a blank cell of a text document visibly (not a 1-px sliver)', async () => {
    await uploadAndOpen(fixture('corpus/002_2520afaa29647670.txt'));
    // The list shows the fields in review first; a document with none in review may already list them all.
    const field = page.locator('[data-field-id="reconsideration.upheld"]');
    if ((await field.count()) === 0) await page.keyboard.press('f');
    await field.click();
    const mark = page.locator('pre#source mark#evidence.blank');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('');
    const size = await mark.boundingBox();
    expect(size!.width).toBeGreaterThanOrEqual(20);
    expect(size!.height).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: join(E2E_ARTIFACTS, 'e2e-source-05-text-blank.png') });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
