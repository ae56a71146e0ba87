/**
 * Re-records test/fixtures/llm/replay from the deterministic stand-in model (no endpoint exists here): run
 * `npx tsx test/llm/recordFixtures.ts` after changing prompts/ or the request format. With GONGKAI_LLM_RECORD
 * set, a real endpoint records its own responses the same way (createProcessor).
 */
import { rm } from 'node:fs/promises';
import { createRecordingFetch } from '../../src/extract/recordReplayFetch.ts';
import { createStandInFetch } from '../../src/eval/llm/standInModel.ts';
import { REPLAY_DIRECTORY, replayCase } from './replayCase.ts';

const testCase = replayCase();
await rm(REPLAY_DIRECTORY, { recursive: true, force: true });
const processed = await testCase.processor(createRecordingFetch(REPLAY_DIRECTORY, createStandInFetch(testCase.oracle))).process(testCase.input);
process.stdout.write(`${processed.messages.join('\n')}\nrecorded into ${REPLAY_DIRECTORY}\n`);
