import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerCacheKey } from './AnswerCache.ts';
import { createFileAnswerCache } from './createFileAnswerCache.ts';

const directories: string[] = [];
afterEach(async () => {
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

describe('answerCacheKey', () => {
  const parts = { model: 'm', promptVersion: 'v1', promptFingerprint: 'f', templateId: 'gov-2019', sectionText: '三、…', fieldIds: ['a'] };
  it('changes with the model, the prompt, the section text and the fields asked', () => {
    const key = answerCacheKey(parts);
    expect(answerCacheKey({ ...parts })).toBe(key);
    for (const change of [{ model: 'n' }, { promptVersion: 'v2' }, { promptFingerprint: 'g' }, { sectionText: '三、…!' }, { fieldIds: ['a', 'b'] }]) {
      expect(answerCacheKey({ ...parts, ...change })).not.toBe(key);
    }
  });
});

describe('createFileAnswerCache', () => {
  it('persists answers across instances (a re-run costs nothing) and skips a torn line', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gongkai-cache-'));
    directories.push(directory);
    const path = join(directory, 'nested', 'llm-cache.jsonl');
    const first = createFileAnswerCache(path);
    const entry = { key: 'k1', model: 'm', promptVersion: 'v1', createdAt: '2025-01-01T00:00:00Z', answer: { fields: [{ id: 'a', value: 1, evidence: '1' }] } };
    await Promise.all([first.set(entry), first.set({ ...entry, key: 'k2' })]);
    await appendFile(path, '{"key":"torn", "mod');
    const second = createFileAnswerCache(path);
    expect(await second.get('k1')).toEqual(entry);
    expect(await second.get('k2')).toBeDefined();
    expect(await second.get('torn')).toBeUndefined();
    expect(second.skippedLines()).toBe(1);
    expect((await readFile(path, 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);
  });
});
