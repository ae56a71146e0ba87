import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableWriter } from './DurableWriter.ts';

describe('DurableWriter', () => {
  let directory = '';
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gongkai-writer-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('lets concurrent writes share one batch and resolves them once the file is on disk', async () => {
    const writer = new DurableWriter();
    const path = join(directory, 'nested', 'file.json');
    const others = Array.from({ length: 20 }, (_, index) => join(directory, 'nested', `other-${index}.json`));
    const writes = Array.from({ length: 100 }, (_, index) => writer.write(path, `{"n":${index}}`).then(() => readFile(path, 'utf8')));
    const otherWrites = others.map((other) => writer.write(other, 'x'));
    const contents = await Promise.all(writes);
    await Promise.all(otherWrites);
    expect(writer.batchesFlushed).toBe(1);
    expect(new Set(contents)).toEqual(new Set(['{"n":99}']));
    expect((await readdir(join(directory, 'nested'))).filter((file) => file.includes('.tmp-'))).toEqual([]);
  });

  it('rejects the writes of a failed batch and keeps working afterwards', async () => {
    const writer = new DurableWriter();
    const blocked = join(directory, 'file.json');
    await writer.write(blocked, 'a');
    await expect(writer.write(join(blocked, 'inside'), 'b')).rejects.toThrow();
    await writer.write(blocked, 'c');
    expect(await readFile(blocked, 'utf8')).toBe('c');
  });
});
