import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/cli/runExtract.ts';
import { createReplayFetch } from '../../src/extract/recordReplayFetch.ts';
import { extractionRecordSchema } from '../../src/record/ExtractionRecord.ts';
import { REPLAY_DIRECTORY, replayCase } from './replayCase.ts';

const directories: string[] = [];
afterEach(async () => {
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

function buffers() {
  const out: string[] = [];
  const err: string[] = [];
  return { streams: { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) } }, out, err };
}

describe('extract with an injected LLM processor', () => {
  it('keeps the output contract (one JSON line per file, in argument order) and reports the LLM on stderr', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gongkai-extract-'));
    directories.push(directory);
    const testCase = replayCase();
    const messy = join(directory, 'b_messy.txt');
    const empty = join(directory, 'c_empty.txt');
    const again = join(directory, 'a_again.txt');
    await writeFile(messy, testCase.input.bytes);
    await writeFile(empty, '');
    await writeFile(again, testCase.input.bytes);
    const { streams, out, err } = buffers();
    const code = await runExtract(['--json', messy, empty, again], streams, testCase.processor(createReplayFetch(REPLAY_DIRECTORY)));
    expect(code).toBe(1);
    const lines = out.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const records = lines.map((line) => extractionRecordSchema.parse(JSON.parse(line)));
    expect(records.map((record) => record.document)).toEqual(['b_messy.txt', 'a_again.txt']);
    expect(records[0]!.fields.find((field) => field.id === 'applications.newReceived.total')).toMatchObject({ value: 35, method: 'llm' });
    const errors = err.join('');
    expect(errors).toMatch(/b_messy\.txt: LLM read gov-2019\/三/);
    expect(errors).toMatch(/b_messy\.txt: LLM usage: 1 call\(s\)/);
    expect(errors.trimEnd().split('\n').at(-1)).toMatch(/^error: .*c_empty\.txt: empty-document/);
  });
});
