import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { startServer, type RunningServer } from '../../src/http/startServer.ts';
import type { ServiceProcessor } from '../../src/review/ServiceProcessor.ts';
import { launchChromium } from './launchChromium.ts';

/** The first admin's password in every browser test. */
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';
/** Where browser tests keep their screenshots (gitignored). */
export const E2E_ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** A review server on a throwaway data directory and a headless Chromium on a throwaway profile. */
export interface BrowserSession {
  readonly server: RunningServer;
  readonly context: BrowserContext;
  readonly page: Page;
  /** The server's data directory (a test may read what the store wrote). */
  readonly dataDirectory: string;
  /** Where downloads land (empty when the session was started without downloads). */
  readonly downloadDirectory: string;
  /** Fills the login form as the admin and waits for the signed-in header. */
  logIn(): Promise<void>;
  /** Closes the browser and the server and deletes every directory the session made. */
  close(): Promise<void>;
}

/**
 * Test helper: starts the review server (data in a temporary directory, any free port) with `processor`, and
 * Debian's Chromium (test/support/launchChromium.ts), so each browser test sets up and tears down alike.
 */
export async function startBrowserSession(name: string, processor: ServiceProcessor, options: { downloads?: boolean } = {}): Promise<BrowserSession> {
  const dataDirectory = await mkdtemp(join(tmpdir(), `gongkai-e2e-${name}-data-`));
  const profileDirectory = await mkdtemp(join(tmpdir(), `gongkai-e2e-${name}-profile-`));
  const downloadDirectory = options.downloads ? await mkdtemp(join(tmpdir(), `gongkai-e2e-${name}-downloads-`)) : '';
  await mkdir(E2E_ARTIFACTS, { recursive: true });
  const config = loadConfig({ GONGKAI_DATA_DIR: dataDirectory, GONGKAI_PORT: '0', GONGKAI_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD });
  const server = await startServer(config, processor);
  const context = await launchChromium(profileDirectory, options.downloads ? { acceptDownloads: true, downloadsPath: downloadDirectory } : {});
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    server,
    context,
    page,
    dataDirectory,
    downloadDirectory,
    async logIn() {
      await page.fill('#username', 'admin');
      await page.fill('#password', E2E_ADMIN_PASSWORD);
      await page.click('#login-submit');
      await page.waitForSelector('#current-user');
    },
    async close() {
      await context.close();
      await server.close();
      for (const directory of [dataDirectory, profileDirectory, downloadDirectory]) if (directory) await rm(directory, { recursive: true, force: true });
    },
  };
}
