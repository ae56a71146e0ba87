import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/loadConfig.ts';
import { createMemoryAnswerCache } from './AnswerCache.ts';
import { createProcessor, readLlmFlags } from './createProcessor.ts';

const prompts = fileURLToPath(new URL('../../prompts', import.meta.url));
const configFrom = (environment: Record<string, string>) => loadConfig({ GONGKAI_LLM_PROMPT_DIR: prompts, GONGKAI_DATA_DIR: '/nonexistent-gongkai-data', ...environment });

describe('LLM configuration', () => {
  it('has embedded defaults and no endpoint', () => {
    const { llm } = loadConfig({});
    expect(llm).toMatchObject({
      model: 'gpt-4o-mini', timeoutMs: 60_000, maxRetries: 2, tokenBudgetPerDocument: 60_000, concurrency: 4, promptVersion: 'v1',
      priceInputPerMillion: 0.15, priceOutputPerMillion: 0.6, currency: 'USD', outputLimitParameter: 'max_completion_tokens',
    });
    expect(llm.apiKey).toBeUndefined();
    expect(llm.baseUrl).toBeUndefined();
  });

  it('reads every setting from the environment, zod-checked', () => {
    const { llm } = loadConfig({
      OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_API_KEY: ' ', GONGKAI_LLM_MODEL: 'qwen2.5:7b', GONGKAI_LLM_TIMEOUT_MS: '120000',
      GONGKAI_LLM_MAX_RETRIES: '4', GONGKAI_LLM_TOKEN_BUDGET: '30000', GONGKAI_LLM_PRICE_INPUT: '0', GONGKAI_LLM_PRICE_OUTPUT: '0',
      GONGKAI_LLM_CONCURRENCY: '1', GONGKAI_LLM_RECORD: 'fixtures', GONGKAI_LLM_MAX_TOKENS_PARAM: 'max_tokens',
    });
    expect(llm).toMatchObject({
      baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5:7b', timeoutMs: 120_000, maxRetries: 4, tokenBudgetPerDocument: 30_000,
      priceInputPerMillion: 0, concurrency: 1, recordDirectory: 'fixtures', outputLimitParameter: 'max_tokens',
    });
    expect(llm.apiKey).toBeUndefined();
    expect(() => loadConfig({ GONGKAI_LLM_MAX_RETRIES: 'many' })).toThrow();
    expect(() => loadConfig({ OPENAI_BASE_URL: 'not a url' })).toThrow();
  });
});

describe('createProcessor', () => {
  it('without an endpoint: the deterministic processor, and it says so', () => {
    const processor = createProcessor(configFrom({}));
    expect(processor.llmEnabled).toBe(false);
    expect(processor.status).toMatch(/^LLM off: no endpoint configured/);
  });

  it('--llm without an endpoint is an error, not a silent fallback', () => {
    expect(() => createProcessor(configFrom({}), { llm: true })).toThrow(/--llm needs an endpoint/);
  });

  it('with a key or a local base URL: the LLM processor; --no-llm turns it off for the run', () => {
    const local = createProcessor(configFrom({ OPENAI_BASE_URL: 'http://localhost:11434/v1', GONGKAI_LLM_MODEL: 'qwen2.5:7b' }), {}, { cache: createMemoryAnswerCache() });
    expect(local.llmEnabled).toBe(true);
    expect(local.status).toMatch(/^LLM on: qwen2\.5:7b at http:\/\/localhost:11434\/v1 \(prompt v1/);
    expect(local.queue).toBeDefined();
    expect(createProcessor(configFrom({ OPENAI_API_KEY: 'sk-x' }), { llm: false }).status).toMatch(/--no-llm/);
    expect(createProcessor(configFrom({ OPENAI_API_KEY: 'sk-x', GONGKAI_LLM_CACHE: 'off' })).status).toMatch(/cache off/);
  });

  it('a replay directory is an endpoint that needs no key and no network', () => {
    const replay = createProcessor(configFrom({ GONGKAI_LLM_REPLAY: 'test/fixtures/llm/replay', GONGKAI_LLM_CACHE: 'off' }));
    expect(replay.llmEnabled).toBe(true);
    expect(replay.status).toMatch(/replaying recorded responses from test\/fixtures\/llm\/replay/);
  });

  it('reads --llm / --no-llm out of the arguments', () => {
    expect(readLlmFlags(['--json', '--no-llm', 'a.txt'])).toEqual({ flags: { llm: false }, rest: ['--json', 'a.txt'] });
    expect(readLlmFlags(['--llm', 'a.txt'])).toEqual({ flags: { llm: true }, rest: ['a.txt'] });
    expect(readLlmFlags(['a.txt'])).toEqual({ flags: {}, rest: ['a.txt'] });
  });
});
