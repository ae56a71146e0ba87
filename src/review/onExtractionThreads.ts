import type { Config } from '../config/loadConfig.ts';
import { sharedExtractionThreadPool } from '../pipeline/threads/ExtractionThreadPool.ts';
import type { ServiceProcessor } from './ServiceProcessor.ts';

/**
 * The processor a server extracts with: on the process's extraction threads (GONGKAI_EXTRACTION_THREADS, default
 * 1) when the processor can run there, so a large ingest never blocks the UI's requests; as given when the
 * setting is 0 or the processor has no threaded form (the tests' gold processor).
 */
export function onExtractionThreads(processor: ServiceProcessor, config: Config): ServiceProcessor {
  const threads = config.service.extractionThreads;
  if (threads === 0 || !processor.onThreads) return processor;
  return processor.onThreads(sharedExtractionThreadPool(threads));
}
