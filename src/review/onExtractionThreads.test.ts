import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/loadConfig.ts';
import { createProcessor } from '../extract/createProcessor.ts';
import { createDeterministicProcessor } from '../pipeline/deterministicProcessor.ts';
import { createGoldProcessor } from './goldProcessor.ts';
import { onExtractionThreads } from './onExtractionThreads.ts';

describe('onExtractionThreads', () => {
  it('reads GONGKAI_EXTRACTION_THREADS: 1 by default, 0 allowed (the main thread), no negatives or fractions', () => {
    expect(loadConfig({}).service.extractionThreads).toBe(1);
    expect(loadConfig({ GONGKAI_EXTRACTION_THREADS: '0' }).service.extractionThreads).toBe(0);
    expect(loadConfig({ GONGKAI_EXTRACTION_THREADS: ' 3 ' }).service.extractionThreads).toBe(3);
    expect(() => loadConfig({ GONGKAI_EXTRACTION_THREADS: '-1' })).toThrow();
    expect(() => loadConfig({ GONGKAI_EXTRACTION_THREADS: '1.5' })).toThrow();
    expect(() => loadConfig({ GONGKAI_EXTRACTION_THREADS: 'many' })).toThrow();
  });

  it('moves the deterministic and the LLM processor onto threads, keeps their status and queue, and leaves the rest as given', () => {
    const config = loadConfig({});
    const selected = createProcessor(config, { llm: false });
    const threaded = onExtractionThreads(selected, config);
    expect(threaded).not.toBe(selected);
    expect(threaded.status).toBe(selected.status);
    expect(threaded.llmEnabled).toBe(false);
    expect(onExtractionThreads(createDeterministicProcessor(), config)).not.toBe(undefined);

    const llm = createProcessor(loadConfig({ OPENAI_BASE_URL: 'http://llm.invalid/v1', GONGKAI_LLM_CACHE: 'off' }));
    const llmThreaded = onExtractionThreads(llm, config);
    expect(llmThreaded).not.toBe(llm);
    expect(llmThreaded).toMatchObject({ llmEnabled: true, status: llm.status });
    expect(llmThreaded.queue).toBe(llm.queue);

    const inThread = loadConfig({ GONGKAI_EXTRACTION_THREADS: '0' });
    expect(onExtractionThreads(selected, inThread)).toBe(selected);
    const gold = createGoldProcessor([]);
    expect(onExtractionThreads(gold, config)).toBe(gold);
  });
});
