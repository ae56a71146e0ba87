import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createReplayFetch } from '../../src/extract/recordReplayFetch.ts';
import { REPLAY_DIRECTORY, replayCase } from './replayCase.ts';

describe('replay from recorded fixtures (no network)', () => {
  it('answers from test/fixtures/llm/replay exactly as recorded', async () => {
    expect(readdirSync(REPLAY_DIRECTORY).filter((name) => name.endsWith('.json')).length).toBeGreaterThan(0);
    const testCase = replayCase();
    const misses: string[] = [];
    const processed = await testCase.processor(createReplayFetch(REPLAY_DIRECTORY, { onMiss: (hash) => misses.push(hash) })).process(testCase.input);
    expect(misses, 'a request was not recorded: re-record with `npx tsx test/llm/recordFixtures.ts`').toEqual([]);
    expect(processed.llm).toBe('used');
    const byId = new Map(processed.record.fields.map((field) => [field.id, field]));
    for (const id of testCase.sectionThree) {
      expect(byId.get(id)!.value, id).toBe(testCase.gold.fields[id]);
      expect(byId.get(id)!.method, id).toBe('llm');
    }
    expect(processed.usage!.calls).toBe(1);
    expect(processed.usage!.inputTokens).toBeGreaterThan(0);
  });

  it('a request that was never recorded is a typed failure, not a network call', async () => {
    const testCase = replayCase();
    const empty = new URL('../fixtures/llm/', import.meta.url).pathname + 'no-such-directory';
    const processed = await testCase.processor(createReplayFetch(empty)).process(testCase.input);
    expect(processed.llm).toBe('failed');
    expect(processed.messages.join('\n')).toMatch(/no recorded response for this request \(replay mode\)/);
    expect(processed.pendingLlmSections).toEqual([]);
  });
});
