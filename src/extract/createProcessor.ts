import { join } from 'node:path';
import OpenAI from 'openai';
import type { Config } from '../config/loadConfig.ts';
import { GongkaiError } from '../errors/GongkaiError.ts';
import type { DocumentProcessor } from '../pipeline/DocumentProcessor.ts';
import type { DocumentInput, ExtractionResult } from '../pipeline/extractDocument.ts';
import type { ExtractionThreadPool } from '../pipeline/threads/ExtractionThreadPool.ts';
import { createDeterministicProcessor, type DeterministicProcessor } from '../pipeline/deterministicProcessor.ts';
import type { AnswerCache } from './AnswerCache.ts';
import { createConcurrencyLimit } from './createConcurrencyLimit.ts';
import { createFileAnswerCache } from './createFileAnswerCache.ts';
import { createLlmProcessor } from './createLlmProcessor.ts';
import type { LlmCallRecord } from './LlmCallRecord.ts';
import { createFileLlmWorkQueue, type LlmWorkQueue } from './LlmWorkQueue.ts';
import { loadPromptSet } from './loadPromptSet.ts';
import { createRecordingFetch, createReplayFetch, type FetchFunction } from './recordReplayFetch.ts';

/** Command-line choice: `--llm` (true: required), `--no-llm` (false: off for this run), neither (as configured). */
export interface ProcessorFlags {
  readonly llm?: boolean;
}

/** The processor main wires, with what the CLI prints on stderr and the UI shows. */
export interface SelectedProcessor extends DocumentProcessor {
  readonly llmEnabled: boolean;
  /** One sentence: which processor runs and why ("LLM on: gpt-4o-mini at …" / "LLM off: …"). */
  readonly status: string;
  /** The durable queue of pending LLM work (LLM on only), for the service to resume (extract/runLlmWork). */
  readonly queue?: LlmWorkQueue;
  /** The same processor with its deterministic extraction on threads (review/ServiceProcessor). */
  readonly onThreads?: (pool: ExtractionThreadPool) => SelectedProcessor;
}

/** What tests and special runs may replace. */
export interface ProcessorDependencies {
  /** The HTTP layer under the openai client (the evaluation's stand-in; msw needs nothing here). */
  readonly fetch?: FetchFunction;
  readonly cache?: AnswerCache;
  readonly onCall?: (call: LlmCallRecord) => void;
}

/**
 * Chooses and builds the processor for a run: the LLM processor when an endpoint is configured (an API key, a
 * base URL, or a replay directory) and `--no-llm` was not given; otherwise the deterministic one, and `status`
 * says so. `--llm` without an endpoint is an error (GongkaiError 'bad-request'), not a silent fallback.
 * The extract CLI, the ingest command and the server all call this.
 */
export function createProcessor(config: Config, flags: ProcessorFlags = {}, dependencies: ProcessorDependencies = {}): SelectedProcessor {
  const llm = config.llm;
  const configured = llm.apiKey !== undefined || llm.baseUrl !== undefined || llm.replayDirectory !== undefined;
  if (flags.llm === false) return deterministic('LLM off for this run (--no-llm): unresolved sections go to review');
  if (!configured) {
    if (flags.llm === true) {
      throw new GongkaiError('bad-request', '--llm needs an endpoint: set OPENAI_API_KEY (OpenAI, DeepSeek, Qwen …) or OPENAI_BASE_URL (a local server), or GONGKAI_LLM_REPLAY', {});
    }
    return deterministic('LLM off: no endpoint configured (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server): unresolved sections go to review');
  }

  const prompts = loadPromptSet(llm.promptDirectory, llm.promptVersion);
  let fetch = dependencies.fetch;
  let mode = '';
  if (llm.replayDirectory !== undefined) {
    fetch = createReplayFetch(llm.replayDirectory, dependencies.fetch ? { fallback: dependencies.fetch } : {});
    mode = `, replaying recorded responses from ${llm.replayDirectory}`;
  } else if (llm.recordDirectory !== undefined) {
    fetch = createRecordingFetch(llm.recordDirectory, dependencies.fetch ?? globalThis.fetch);
    mode = `, recording responses to ${llm.recordDirectory}`;
  }
  const client = new OpenAI({
    // A local server (Ollama, vLLM) needs no key; the SDK insists on one.
    apiKey: llm.apiKey ?? 'not-needed',
    baseURL: llm.baseUrl ?? 'https://api.openai.com/v1',
    timeout: llm.timeoutMs,
    maxRetries: llm.maxRetries,
    ...(fetch ? { fetch } : {}),
  });
  const cacheFile = llm.cacheFile ?? join(config.dataDirectory, 'llm-cache.jsonl');
  const cache = dependencies.cache ?? (cacheFile === 'off' ? undefined : createFileAnswerCache(cacheFile));
  // One limit for every form of this processor (on threads or not): calls in flight stay within the setting.
  const limit = createConcurrencyLimit(llm.concurrency);
  const build = (extract?: (input: DocumentInput) => Promise<ExtractionResult>) => createLlmProcessor({
    client,
    model: llm.model,
    prompts,
    tokenBudgetPerDocument: llm.tokenBudgetPerDocument,
    prices: { inputPerMillion: llm.priceInputPerMillion, outputPerMillion: llm.priceOutputPerMillion, currency: llm.currency },
    ...(cache ? { cache } : {}),
    limit,
    timeoutMs: llm.timeoutMs,
    maxRetries: llm.maxRetries,
    outputLimitParameter: llm.outputLimitParameter,
    ...(dependencies.onCall ? { onCall: dependencies.onCall } : {}),
    ...(extract ? { extract } : {}),
  });
  const processor = build();
  const where = llm.replayDirectory !== undefined ? 'recorded fixtures' : llm.baseUrl ? withoutCredentials(llm.baseUrl) : 'api.openai.com';
  const selected: SelectedProcessor = {
    process: (input) => processor.process(input),
    llmEnabled: true,
    status: `LLM on: ${llm.model} at ${where} (prompt ${prompts.version}, budget ${llm.tokenBudgetPerDocument} tokens/document, ${llm.concurrency} call(s) at once, cache ${cache ? cacheFile : 'off'}${mode})`,
    queue: createFileLlmWorkQueue(llm.queueFile ?? join(config.dataDirectory, 'llm-queue.json')),
    // The deterministic extraction on the threads; the calls (network I/O) stay on this thread.
    onThreads: (pool) => {
      const threaded = build((input) => pool.extract(input));
      return { ...selected, process: (input) => threaded.process(input), onThreads: undefined };
    },
  };
  return selected;
}

/** The endpoint as shown to operators and reviewers: a user or password in the URL is never shown. */
function withoutCredentials(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/u, '');
  } catch {
    return '(endpoint)';
  }
}

function deterministic(status: string, processor: DeterministicProcessor = createDeterministicProcessor()): SelectedProcessor {
  return {
    process: (input) => processor.process(input),
    llmEnabled: false,
    status,
    onThreads: (pool) => deterministic(status, processor.onThreads(pool)),
  };
}

/** Reads `--llm` / `--no-llm` out of command-line arguments; the other arguments are returned in order. */
export function readLlmFlags(args: readonly string[]): { flags: ProcessorFlags; rest: string[] } {
  let llm: boolean | undefined;
  const rest: string[] = [];
  for (const argument of args) {
    if (argument === '--llm') llm = true;
    else if (argument === '--no-llm') llm = false;
    else rest.push(argument);
  }
  return { flags: llm === undefined ? {} : { llm }, rest };
}
