import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentProcessor, ProcessedDocument } from '../pipeline/DocumentProcessor.ts';
import { createFileLlmWorkQueue, createMemoryLlmWorkQueue } from './LlmWorkQueue.ts';
import { processWithLlmQueue, resumeLlmWork } from './runLlmWork.ts';

const directories: string[] = [];
afterEach(async () => {
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});
async function temporaryFile(name: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'gongkai-queue-'));
  directories.push(directory);
  return join(directory, name);
}

function processed(pending: string[]): ProcessedDocument {
  return {
    record: { document: 'a.txt', sha256: 'x', template: 'gov-2019', meta: { agency: null, year: null }, fields: [] },
    decodedText: '', encoding: 'utf-8', llm: pending.length > 0 ? 'failed' : 'used', usage: null, messages: [], pendingLlmSections: pending,
  };
}

/** A processor whose LLM endpoint is down for the first `failures` documents. */
function flakyProcessor(failures: number): DocumentProcessor & { calls: number } {
  const processor = {
    calls: 0,
    async process() {
      processor.calls++;
      return processed(processor.calls <= failures ? ['gov-2019/三'] : []);
    },
  };
  return processor;
}

const input = { name: 'a.txt', bytes: new TextEncoder().encode('x') };

describe('the durable LLM work queue', () => {
  it('survives a restart: what was pending is there for the next process', async () => {
    const path = await temporaryFile('llm-queue.json');
    const before = createFileLlmWorkQueue(path);
    await before.enqueue('doc-1', 'a.txt');
    await before.enqueue('doc-2', 'b.txt');
    await before.complete('doc-2');
    const after = createFileLlmWorkQueue(path);
    expect((await after.list()).map((item) => item.key)).toEqual(['doc-1']);
  });

  it('backs off exponentially after a failure', async () => {
    const queue = createMemoryLlmWorkQueue();
    await queue.enqueue('doc-1', 'a.txt');
    const now = new Date('2025-01-01T00:00:00Z');
    expect((await queue.defer('doc-1', 'down', now))!.notBefore).toBe('2025-01-01T00:00:30.000Z');
    expect((await queue.defer('doc-1', 'down', now))!.notBefore).toBe('2025-01-01T00:01:00.000Z');
    expect(await queue.due(now)).toEqual([]);
    expect(await queue.due(new Date('2025-01-01T00:01:00Z'))).toHaveLength(1);
  });

  it('refuses a corrupt file instead of overwriting it', async () => {
    const path = await temporaryFile('llm-queue.json');
    await writeFile(path, '{"version": 1, "items": [ {');
    await expect(createFileLlmWorkQueue(path).list()).rejects.toThrow(/unreadable; it was not modified/);
  });

  it('an outage loses no document: deferred while the endpoint is down, completed once it answers', async () => {
    const path = await temporaryFile('llm-queue.json');
    const processor = flakyProcessor(1);
    const saved: string[] = [];
    const first = await processWithLlmQueue(createFileLlmWorkQueue(path), processor, 'doc-1', input, async () => {
      saved.push('first');
    });
    expect(first.pendingLlmSections).toEqual(['gov-2019/三']);
    // The process restarts: a new queue object reads the file.
    const queue = createFileLlmWorkQueue(path);
    expect(await queue.list()).toHaveLength(1);
    const summary = await resumeLlmWork({
      queue, processor, now: new Date(Date.now() + 3_600_000),
      load: async (key) => (key === 'doc-1' ? input : undefined),
      save: async () => {
        saved.push('resumed');
      },
    });
    expect(summary).toEqual({ processed: 1, stillPending: 0, dropped: 0, failed: 0 });
    expect(saved).toEqual(['first', 'resumed']);
    expect(await queue.list()).toEqual([]);
  });

  it('drops an item whose document is gone, and removes an unreadable document', async () => {
    const queue = createMemoryLlmWorkQueue();
    await queue.enqueue('gone', 'g.txt');
    expect(await resumeLlmWork({ queue, processor: flakyProcessor(0), load: async () => undefined, save: async () => undefined })).toMatchObject({ dropped: 1 });
    const broken: DocumentProcessor = { process: async () => { throw new Error('binary-document'); } };
    await expect(processWithLlmQueue(queue, broken, 'bad', input)).rejects.toThrow('binary-document');
    expect(await queue.list()).toEqual([]);
  });
});
