import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { createLlmProcessor } from '../../src/extract/createLlmProcessor.ts';
import type { FetchFunction } from '../../src/extract/recordReplayFetch.ts';
import { columnOrderSectionThree, goldOracle, readSeed } from '../../src/eval/llm/buildLlmCases.ts';
import { findTemplate } from '../../src/templates/registry.ts';
import { documentOf, goldExtraction, SECTION_THREE, testPrompts } from './support.ts';
import { assessForTests } from '../support/testCalibration.ts';

/** Where the replay test's fixtures live (recorded by test/llm/recordFixtures.ts). */
export const REPLAY_DIRECTORY = fileURLToPath(new URL('../fixtures/llm/replay/', import.meta.url));

/**
 * The recorded case: seed 002 with section 三 printed in column order, the parser blind to the whole section,
 * the normalised text taken as the decoded text (so the requests, and their hashes, depend on nothing but
 * this document and prompts/v1).
 */
export function replayCase() {
  const seed = readSeed('002');
  const built = columnOrderSectionThree(seed.text, seed.gold);
  const template = findTemplate('gov-2019')!;
  const sectionThree = template.tables.find((table) => table.id === '三')!.rows.flatMap((row) => row.cells).filter((id): id is string => id !== null);
  return {
    gold: seed.gold,
    sectionThree,
    input: documentOf('002_section3_column_order.txt', built.text),
    oracle: goldOracle(seed.gold, built.cellOrder),
    processor: (fetch: FetchFunction) => createLlmProcessor({
      assess: assessForTests,
      client: new OpenAI({ apiKey: 'replay', baseURL: 'http://replay.invalid/v1', maxRetries: 0, fetch }),
      model: 'gpt-4o-mini',
      prompts: testPrompts(),
      tokenBudgetPerDocument: 60_000,
      prices: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
      extract: goldExtraction(seed.gold, sectionThree, SECTION_THREE, { identityText: true }),
    }),
  };
}
