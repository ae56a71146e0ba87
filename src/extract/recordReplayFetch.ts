import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The fetch signature the openai client accepts (its `fetch` option). */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A recorded exchange: what was asked (for people reading the fixture) and the response replayed for it. */
export interface RecordedExchange {
  readonly hash: string;
  readonly endpoint: string;
  /** The model and the last message of the request (the section asked); the hash covers the whole request. */
  readonly request: { readonly model?: unknown; readonly lastMessage?: unknown };
  readonly response: { readonly status: number; readonly body: unknown };
}

/**
 * The key of a request: its endpoint ("chat/completions") and its JSON body with keys sorted, hashed. The base
 * URL and headers (API key) are not part of it, so fixtures recorded against one server replay anywhere.
 */
export function hashRequest(url: string, body: string): { hash: string; endpoint: string; request: unknown } {
  const endpoint = new URL(url).pathname.split('/').filter(Boolean).slice(-2).join('/');
  let request: unknown = body;
  try {
    request = JSON.parse(body);
  } catch {
    // Not JSON: hashed as it is.
  }
  const hash = createHash('sha256').update(`${endpoint}\n${canonicalJson(request)}`).digest('hex').slice(0, 32);
  return { hash, endpoint, request };
}

/**
 * A fetch that passes requests to `base` and records every successful response as
 * `<directory>/<request hash>.json` (GONGKAI_LLM_RECORD): real answers become replayable fixtures.
 */
export function createRecordingFetch(directory: string, base: FetchFunction = globalThis.fetch): FetchFunction {
  return async (input, init) => {
    const { url, body } = await readRequest(input, init);
    const response = await base(input, init);
    if (response.ok) {
      const text = await response.clone().text();
      const { hash, endpoint, request } = hashRequest(url, body);
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Keep the text.
      }
      const exchange: RecordedExchange = { hash, endpoint, request: summariseRequest(request), response: { status: response.status, body: parsed } };
      await mkdir(directory, { recursive: true });
      await writeFile(join(directory, `${hash}.json`), `${JSON.stringify(exchange, null, 1)}\n`, 'utf8');
    }
    return response;
  };
}

/** What a replaying fetch does when a request was never recorded. */
export interface ReplayOptions {
  /** Answer misses with this fetch instead (the evaluation's stand-in model); by default a miss is a 400. */
  readonly fallback?: FetchFunction;
  readonly onMiss?: (hash: string) => void;
}

/**
 * A fetch that never touches the network (GONGKAI_LLM_REPLAY): it answers each request with the response
 * recorded for its hash. A miss answers 400 with `x-gongkai-replay: missing` (the LLM stage reports it as
 * `replay-missing`), or goes to `fallback`.
 */
export function createReplayFetch(directory: string, options: ReplayOptions = {}): FetchFunction {
  return async (input, init) => {
    const { url, body } = await readRequest(input, init);
    const { hash } = hashRequest(url, body);
    let exchange: RecordedExchange | undefined;
    try {
      exchange = JSON.parse(await readFile(join(directory, `${hash}.json`), 'utf8')) as RecordedExchange;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (exchange) {
      const text = typeof exchange.response.body === 'string' ? exchange.response.body : JSON.stringify(exchange.response.body);
      return new Response(text, { status: exchange.response.status, headers: { 'content-type': 'application/json' } });
    }
    options.onMiss?.(hash);
    if (options.fallback) return options.fallback(input, init);
    return new Response(JSON.stringify({ error: { message: `replay: no recorded response for request ${hash} in ${directory}`, type: 'replay_missing' } }), {
      status: 400,
      headers: { 'content-type': 'application/json', 'x-gongkai-replay': 'missing', 'x-should-retry': 'false' },
    });
  };
}

function summariseRequest(request: unknown): RecordedExchange['request'] {
  if (request === null || typeof request !== 'object') return {};
  const { model, messages } = request as { model?: unknown; messages?: unknown };
  const last = Array.isArray(messages) ? (messages.at(-1) as { content?: unknown } | undefined)?.content : undefined;
  return { model, lastMessage: last };
}

async function readRequest(input: string | URL | Request, init?: RequestInit): Promise<{ url: string; body: string }> {
  if (input instanceof Request) return { url: input.url, body: init?.body !== undefined ? String(init.body) : await input.clone().text() };
  return { url: String(input), body: typeof init?.body === 'string' ? init.body : init?.body ? String(init.body) : '' };
}

/** JSON with object keys sorted, so equal requests hash equal whatever order the SDK wrote them in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
