import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config/loadConfig.ts';
import { GongkaiError } from '../errors/GongkaiError.ts';
import { configSecrets, createRedactor } from '../review/redactSecrets.ts';
import { ReviewService } from '../review/ReviewService.ts';
import type { ServiceProcessor } from '../review/ServiceProcessor.ts';
import { onExtractionThreads } from '../review/onExtractionThreads.ts';
import type { Store } from '../store/Store.ts';
import type { AppDependencies, AppEnv } from './AppEnv.ts';
import { authenticate } from './authenticate.ts';
import { csrfProtection } from './csrfProtection.ts';
import { errorToResponse } from './errorToResponse.ts';
import { hostCheck } from './hostCheck.ts';
import { pdfJsRoutes } from './pdfJsAssets.ts';
import { createReviewUiAssets, type ReviewUiAssets } from './reviewUiAssets.ts';
import { adminRoutes } from './routes/adminRoutes.ts';
import { authRoutes } from './routes/authRoutes.ts';
import { documentRoutes } from './routes/documentRoutes.ts';
import { exportRoutes } from './routes/exportRoutes.ts';
import { agencyRoutes } from './routes/agencyRoutes.ts';
import { overviewRoutes } from './routes/overviewRoutes.ts';
import type { AuditedAgencyIdentityStore } from '../panel/agency/AuditedAgencyIdentityStore.ts';
import { createMemoryAgencyIdentityStore } from '../panel/agency/createMemoryAgencyIdentityStore.ts';

/** What the app is built from; everything with an effect is injected. */
export interface AppOptions {
  readonly store: Store;
  /**
   * The LLM processor's durable queue, when it has one, is used and resumed (ReviewService.start). A processor
   * that can run on threads does, on GONGKAI_EXTRACTION_THREADS of them (review/onExtractionThreads).
   */
  readonly processor: ServiceProcessor;
  readonly config: Config;
  readonly clock?: () => Date;
  /** Operator log (stderr in the server; silent by default). */
  readonly log?: (line: string) => void;
  /** The review UI assets (built from review-ui/ by default). */
  readonly assets?: ReviewUiAssets;
  /** The reviewers' agency identities (agencies.json beside the file store; in memory by default). */
  readonly agencies?: AuditedAgencyIdentityStore;
}

/** The app and the service behind it (call `service.start()` to resume extractions left from a previous run). */
export interface GongkaiApp {
  readonly app: Hono<AppEnv>;
  readonly service: ReviewService;
}

/** Largest JSON body of the non-upload routes. */
const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * Builds the review service's hono app: the review UI at /, the API under /api. Tests call `app.request()`;
 * the server hands `app.fetch` to @hono/node-server. Every response carries a strict Content-Security-Policy;
 * every error becomes JSON through errorToResponse.
 */
export function createApp(options: AppOptions): GongkaiApp {
  const clock = options.clock ?? (() => new Date());
  const redact = createRedactor(configSecrets(options.config));
  const agencies = options.agencies ?? createMemoryAgencyIdentityStore();
  const rawLog = options.log ?? (() => {});
  const log = (line: string) => rawLog(redact(line));
  const service = new ReviewService({
    redact,
    store: options.store,
    processor: onExtractionThreads(options.processor, options.config),
    clock,
    maxDocumentBytes: options.config.service.maxDocumentBytes,
    extractionConcurrency: options.config.service.extractionConcurrency,
    // On PostgreSQL extraction runs as database jobs (worker/), never in this in-process queue; GONGKAI_EXTRACTION=off: not here.
    extractInBackground: options.config.service.extraction === 'on' && options.config.service.databaseUrl === undefined,
    log,
    agencyIdentities: () => agencies.list(),
  });
  const dependencies: AppDependencies = { store: options.store, service, config: options.config, clock, log, agencies };
  const assets = options.assets ?? createReviewUiAssets();

  const app = new Hono<AppEnv>();
  app.onError((error, c) => errorToResponse(error, log, c.req.raw));
  app.use('*', hostCheck(options.config));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        // pdf.js draws PDF pages in a module worker served from /assets/pdfjs/ (same origin, never a blob).
        workerSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      // A route that sets a stricter header itself (the raw download's sandbox CSP) keeps it.
      overwrite: false,
    }),
  );

  // A plain Response: HEAD through @hono/node-server failed (500) on the context's cached text response.
  app.on(['GET', 'HEAD'], '/healthz', (c) =>
    new Response(c.req.method === 'HEAD' ? null : 'ok', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/', (c) => serveAsset(c.req.raw, assets, 'index.html'));
  app.get('/assets/app.js', (c) => serveAsset(c.req.raw, assets, 'app.js'));
  app.get('/assets/app.css', (c) => serveAsset(c.req.raw, assets, 'app.css'));
  app.route('/assets/pdfjs', pdfJsRoutes());

  const api = new Hono<AppEnv>();
  api.use('*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });
  api.use('*', authenticate(dependencies));
  api.use('*', csrfProtection(dependencies));
  api.use('*', async (c, next) => {
    if (c.req.method === 'POST' && c.req.path === '/api/documents') return next();
    return bodyLimit({
      maxSize: JSON_BODY_LIMIT,
      onError: () => {
        throw new GongkaiError('body-too-large', `the request body is larger than the limit of ${JSON_BODY_LIMIT / 1024 / 1024} MB`, { limit: JSON_BODY_LIMIT });
      },
    })(c, next);
  });
  api.route('/auth', authRoutes(dependencies));
  api.route('/', documentRoutes(dependencies));
  api.route('/', exportRoutes(dependencies));
  api.route('/', agencyRoutes(dependencies));
  api.route('/', overviewRoutes(dependencies));
  api.route('/', adminRoutes(dependencies));
  app.route('/api', api);
  app.notFound((c) => (c.req.path.startsWith('/api/') ? errorToResponse(new GongkaiError('not-found', `no such API route: ${c.req.method} ${c.req.path}`)) : c.text('not found', 404)));
  return { app, service };
}

async function serveAsset(request: Request, assets: ReviewUiAssets, name: 'index.html' | 'app.js' | 'app.css'): Promise<Response> {
  const asset = await assets.get(name);
  const headers = { 'content-type': asset.contentType, etag: asset.etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  if (request.headers.get('if-none-match') === asset.etag) return new Response(null, { status: 304, headers });
  return new Response(asset.body, { headers });
}
