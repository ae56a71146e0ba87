import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (installed by scripts/ensureBrowser.sh); never a browser build of playwright's own. */
const CHROMIUM = '/usr/bin/chromium';

/**
 * Test helper: headless Chromium with its own profile, quiet (no background network, no first-run pages), at the
 * size the screenshots are taken at. `options` adds what a test needs (downloads, say).
 */
export function launchChromium(profileDirectory: string, options: { acceptDownloads?: boolean; downloadsPath?: string } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDirectory, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1400, height: 900 },
    ...options,
  });
}
