import { z } from 'zod';

/**
 * All configuration, zod-parsed from the environment in this one place. Sections: server/store (review
 * service) and llm (the OpenAI-compatible endpoint). Every setting has an embedded default, so the product
 * runs with no environment at all (and then without an LLM).
 */
export const configSchema = z.object({
  dataDirectory: z.string().default('data'),
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Review service and store settings (GONGKAI_* variables; see README "Review service"). */
  service: z.object({
    /** `file`: the sharded lowdb store under dataDirectory; `memory`: nothing persists (demos, tests). */
    store: z.enum(['file', 'memory']).default('file'),
    /**
     * PostgreSQL instead of the file store (GONGKAI_DATABASE_URL=postgres://user:password@host:port/database):
     * several servers and workers share it. Unset: the store named by `store`.
     */
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'a postgres:// URL').optional(),
    /**
     * Whether this server extracts submitted documents itself (GONGKAI_EXTRACTION=on|off). `off` with
     * PostgreSQL: the documents wait in the database's job queue for `npm run worker` processes.
     */
    extraction: z.enum(['on', 'off']).default('on'),
    /** The PostgreSQL work queue (servers with extraction on and `npm run worker`). */
    jobs: z.object({
      /** Seconds a worker holds a job without renewing it; a worker that died is replaced after this. */
      leaseSeconds: z.coerce.number().positive().max(3600).default(60),
      /** Milliseconds between looks at the queue when it is empty. */
      pollMs: z.coerce.number().int().min(10).max(60_000).default(1000),
      /** Backoff after the first passing failure, doubled after each (at most an hour). */
      backoffSeconds: z.coerce.number().nonnegative().max(3600).default(10),
    }),
    /** Largest accepted document in bytes (413 above it). */
    maxDocumentBytes: z.coerce.number().int().positive().default(20 * 1024 * 1024),
    /** Documents extracted at the same time in the background. */
    extractionConcurrency: z.coerce.number().int().min(1).max(64).default(2),
    /**
     * Threads the server runs the deterministic extraction on (GONGKAI_EXTRACTION_THREADS), so an ingest never
     * blocks the UI's requests; 0 runs it on the main thread (tests that need one thread, debugging).
     */
    extractionThreads: z.coerce.number().int().min(0).max(64).default(1),
    /** Password of the first admin account, created on first start; random and printed once when unset. */
    adminPassword: z.string().min(8).optional(),
    /** Hours a login session lasts. */
    sessionHours: z.coerce.number().positive().default(12),
    /** Secure cookie attribute: `auto` = over HTTPS and on loopback hosts (where browsers accept it on http). */
    cookieSecure: z.enum(['auto', 'always', 'never']).default('auto'),
    /** The origin browsers use to reach the service (behind a proxy); requests from any other origin are refused. */
    publicOrigin: z.string().url().optional(),
    /**
     * Host names (Host header, without port) the service answers to besides loopback names, the listening
     * host and publicOrigin's host; `*` answers to any. Comma-separated in GONGKAI_ALLOWED_HOSTS.
     */
    allowedHosts: z.array(z.string().trim().min(1).max(253).regex(/^(\*|[A-Za-z0-9.:\[\]-]+)$/, 'a host name, an IP address or *')).default([]),
    /** `ingest` submits to this running service (its API) instead of opening the store itself. */
    ingestServer: z.string().url().optional(),
    /** API token `ingest` sends to ingestServer. */
    apiToken: z.string().optional(),
  }),
  /**
   * The LLM path (OPENAI_* and GONGKAI_LLM_* variables; see README "LLM path"). The path is on when an endpoint
   * is configured: an API key, a base URL (a local server needs no key) or a replay directory.
   */
  llm: z.object({
    apiKey: z.string().optional(),
    baseUrl: z.string().url().optional(),
    model: z.string().default('gpt-4o-mini'),
    /** Milliseconds one HTTP attempt may take before it is abandoned (and retried, within maxRetries). */
    timeoutMs: z.coerce.number().int().positive().default(60_000),
    /** Retries of a failed attempt (429, 5xx, timeout, connection) by the SDK, with backoff. */
    maxRetries: z.coerce.number().int().min(0).max(10).default(2),
    /** Tokens (in + out, retries and repairs included) one document may spend; sections beyond it go to review. */
    tokenBudgetPerDocument: z.coerce.number().int().positive().default(60_000),
    /** Prices per million tokens, for the estimated cost (defaults: gpt-4o-mini list prices in USD). */
    priceInputPerMillion: z.coerce.number().nonnegative().default(0.15),
    priceOutputPerMillion: z.coerce.number().nonnegative().default(0.6),
    currency: z.string().default('USD'),
    /** LLM calls in flight at once, across all documents of a batch. */
    concurrency: z.coerce.number().int().min(1).max(64).default(4),
    /** Prompt version: a directory under promptDirectory. */
    promptVersion: z.string().regex(/^[\w.-]+$/).default('v1'),
    promptDirectory: z.string().default('prompts'),
    /** Answer cache (JSON lines): `off`, or a file; default dataDirectory/llm-cache.jsonl. */
    cacheFile: z.string().optional(),
    /** Pending LLM work (durable queue file); default dataDirectory/llm-queue.json. */
    queueFile: z.string().optional(),
    /** Record every real response as a fixture in this directory (request hash → response JSON). */
    recordDirectory: z.string().optional(),
    /** Answer from the fixtures in this directory instead of the network (no key needed). */
    replayDirectory: z.string().optional(),
    /** The request parameter that caps the answer's length: OpenAI's current name, or the older one some servers want. */
    outputLimitParameter: z.enum(['max_completion_tokens', 'max_tokens']).default('max_completion_tokens'),
  }),
});

/** The parsed configuration. */
export type Config = z.infer<typeof configSchema>;

/** Parses the configuration from an environment (process.env in main; a plain object in tests). */
export function loadConfig(environment: Record<string, string | undefined>): Config {
  const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);
  return configSchema.parse({
    dataDirectory: blankToUndefined(environment.GONGKAI_DATA_DIR),
    host: blankToUndefined(environment.GONGKAI_HOST),
    port: blankToUndefined(environment.GONGKAI_PORT ?? environment.PORT),
    service: {
      store: blankToUndefined(environment.GONGKAI_STORE),
      databaseUrl: blankToUndefined(environment.GONGKAI_DATABASE_URL),
      extraction: blankToUndefined(environment.GONGKAI_EXTRACTION),
      jobs: {
        leaseSeconds: blankToUndefined(environment.GONGKAI_JOB_LEASE_SECONDS),
        pollMs: blankToUndefined(environment.GONGKAI_JOB_POLL_MS),
        backoffSeconds: blankToUndefined(environment.GONGKAI_JOB_BACKOFF_SECONDS),
      },
      maxDocumentBytes: blankToUndefined(environment.GONGKAI_MAX_DOCUMENT_BYTES),
      extractionConcurrency: blankToUndefined(environment.GONGKAI_EXTRACTION_CONCURRENCY),
      extractionThreads: blankToUndefined(environment.GONGKAI_EXTRACTION_THREADS),
      adminPassword: blankToUndefined(environment.GONGKAI_ADMIN_PASSWORD),
      sessionHours: blankToUndefined(environment.GONGKAI_SESSION_HOURS),
      cookieSecure: blankToUndefined(environment.GONGKAI_COOKIE_SECURE),
      publicOrigin: blankToUndefined(environment.GONGKAI_PUBLIC_ORIGIN),
      allowedHosts: blankToUndefined(environment.GONGKAI_ALLOWED_HOSTS)?.split(',').map((host) => host.trim()).filter((host) => host !== ''),
      ingestServer: blankToUndefined(environment.GONGKAI_SERVER),
      apiToken: blankToUndefined(environment.GONGKAI_API_TOKEN),
    },
    llm: {
      apiKey: blankToUndefined(environment.OPENAI_API_KEY),
      baseUrl: blankToUndefined(environment.OPENAI_BASE_URL),
      model: blankToUndefined(environment.GONGKAI_LLM_MODEL ?? environment.OPENAI_MODEL),
      timeoutMs: blankToUndefined(environment.GONGKAI_LLM_TIMEOUT_MS),
      maxRetries: blankToUndefined(environment.GONGKAI_LLM_MAX_RETRIES),
      tokenBudgetPerDocument: blankToUndefined(environment.GONGKAI_LLM_TOKEN_BUDGET),
      priceInputPerMillion: blankToUndefined(environment.GONGKAI_LLM_PRICE_INPUT),
      priceOutputPerMillion: blankToUndefined(environment.GONGKAI_LLM_PRICE_OUTPUT),
      currency: blankToUndefined(environment.GONGKAI_LLM_CURRENCY),
      concurrency: blankToUndefined(environment.GONGKAI_LLM_CONCURRENCY),
      promptVersion: blankToUndefined(environment.GONGKAI_LLM_PROMPT_VERSION),
      promptDirectory: blankToUndefined(environment.GONGKAI_LLM_PROMPT_DIR),
      cacheFile: blankToUndefined(environment.GONGKAI_LLM_CACHE),
      queueFile: blankToUndefined(environment.GONGKAI_LLM_QUEUE),
      recordDirectory: blankToUndefined(environment.GONGKAI_LLM_RECORD),
      replayDirectory: blankToUndefined(environment.GONGKAI_LLM_REPLAY),
      outputLimitParameter: blankToUndefined(environment.GONGKAI_LLM_MAX_TOKENS_PARAM),
    },
  });
}
