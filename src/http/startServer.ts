import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Config } from '../config/loadConfig.ts';
import { GongkaiError } from '../errors/GongkaiError.ts';
import type { ReviewService } from '../review/ReviewService.ts';
import type { ServiceProcessor } from '../review/ServiceProcessor.ts';
import { onExtractionThreads } from '../review/onExtractionThreads.ts';
import { openStore } from '../store/openStore.ts';
import { openAgencyIdentityStore } from '../store/openAgencyIdentityStore.ts';
import { startServerWorker } from '../worker/startServerWorker.ts';
import type { Store } from '../store/Store.ts';
import { createApp } from './createApp.ts';
import { ensureFirstAdmin, type FirstAdmin } from './ensureFirstAdmin.ts';
import { createReviewUiAssets } from './reviewUiAssets.ts';

/** A running review server. */
export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8787 (the real port when 0 was asked for). */
  readonly url: string;
  readonly store: Store;
  readonly service: ReviewService;
  /** The admin account created at this start (with its generated password), if any. */
  readonly firstAdmin: FirstAdmin | undefined;
  /** Stops accepting requests, waits for pending store writes, releases the data directory. */
  close(): Promise<void>;
}

/**
 * Opens the store named by the configuration, creates the first admin if there is no account, bundles the
 * review UI (esbuild), builds the app,
 * resumes unfinished extractions (and pending LLM work) and listens on config.host:config.port. Throws GongkaiError for a corrupt or
 * locked store and for a port in use.
 */
export async function startServer(config: Config, processor: ServiceProcessor, log: (line: string) => void = () => {}): Promise<RunningServer> {
  const store = await openStore(config, { log });
  try {
    const firstAdmin = await ensureFirstAdmin(store, config.service.adminPassword, new Date());
    // Bundle the review UI now, so a broken build stops the start instead of the first page view.
    const assets = createReviewUiAssets();
    await Promise.all([assets.get('app.js'), assets.get('index.html'), assets.get('app.css')]);
    const agencies = await openAgencyIdentityStore(config, store);
    const { app, service } = createApp({ store, processor, config, log, assets, ...(agencies ? { agencies } : {}) });
    await service.start();
    const server = createAdaptorServer({ fetch: app.fetch, hostname: config.host, port: config.port });
    await new Promise<void>((listening, failed) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        failed(error.code === 'EADDRINUSE'
          ? new GongkaiError('conflict', `port ${config.port} on ${config.host} is in use; set GONGKAI_PORT to another port (0 picks a free one)`)
          : error));
      server.listen(config.port, config.host, () => listening());
    });
    // On PostgreSQL the server's own job worker extracts on the same threads as the app would (one pool per process).
    const worker = startServerWorker(config, store, onExtractionThreads(processor, config), log);
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${host}:${address.port}`,
      store,
      service,
      firstAdmin,
      async close() {
        service.stop();
        await worker?.stop();
        await new Promise<void>((closed) => {
          server.close(() => closed());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
