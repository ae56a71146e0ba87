import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultyWriter } from '../../test/support/FaultyWriter.ts';
import { createFileStore } from './createFileStore.ts';
import { verifyStore } from './verifyStore.ts';
import { sampleDocument, sampleSummary, sha256Of } from './testFixtures.ts';

describe('file store recovery after a crash', () => {
  let directory = '';
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gongkai-recover-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('brings an index entry up to its document file when the process died between the two writes', async () => {
    const id = sha256Of('crash window');
    const writer = new FaultyWriter();
    const first = await createFileStore(directory, { writer });
    await first.createDocument(sampleSummary(id), new TextEncoder().encode('bytes'));
    await first.updateDocument(id, ({ summary }) => ({ summary: { ...summary, state: 'committed', version: 1 }, document: sampleDocument(id, 1) }));
    // The rejection's document file lands; its index shard write never happens (kill -9 in between).
    writer.hanging = (path) => path.includes(`${join('index', '')}`);
    const rejected = { ...sampleDocument(id, 2), rejected: { by: 'alice', at: '2024-01-02T00:00:00.000Z', reason: 'not a report' } };
    void first.updateDocument(id, ({ summary }) => ({ summary: { ...summary, state: 'rejected', version: 2 }, document: rejected }));
    await waitFor(async () => (await readFile(join(directory, 'documents', id.slice(0, 2), `${id}.json`), 'utf8')).includes('not a report'));
    await writer.settle();
    const shard = JSON.parse(await readFile(join(directory, 'index', `${id.slice(0, 2)}.json`), 'utf8')) as { documents: { state: string }[] };
    expect(shard.documents[0]?.state).toBe('committed');
    await first.close();

    const lines: string[] = [];
    const second = await createFileStore(directory, { log: (line) => lines.push(line) });
    expect((await second.findDocument(id))).toMatchObject({ state: 'rejected', version: 2 });
    expect((await second.readDocument(id))?.version).toBe(2);
    expect(await readdir(join(directory, 'journal'))).toEqual([]);
    expect(lines.join('\n')).toContain('1 index entry brought up to the document file');
    await second.close();
  });

  it('drops a write-ahead record whose document file never landed (the update was never acknowledged)', async () => {
    const id = sha256Of('stale record');
    const writer = new FaultyWriter();
    const first = await createFileStore(directory, { writer });
    await first.createDocument(sampleSummary(id), new Uint8Array([1]));
    await first.updateDocument(id, ({ summary }) => ({ summary: { ...summary, state: 'review', version: 1 }, document: sampleDocument(id, 1) }));
    writer.hanging = (path) => path.endsWith(`${id}.json`) && path.includes('documents');
    void first.updateDocument(id, ({ summary }) => ({ summary: { ...summary, state: 'committed', version: 2 }, document: sampleDocument(id, 2) }));
    await waitFor(async () => (await readdir(join(directory, 'journal')).catch(() => [])).length === 1);
    await first.close();

    const second = await createFileStore(directory);
    expect(await second.findDocument(id)).toMatchObject({ state: 'review', version: 1 });
    expect(await readdir(join(directory, 'journal'))).toEqual([]);
    await second.close();
  });

  it('removes temp files of interrupted writes and blobs of unacknowledged submissions at opening', async () => {
    const kept = sha256Of('kept');
    const orphan = sha256Of('orphan');
    const first = await createFileStore(directory);
    await first.createDocument(sampleSummary(kept), new Uint8Array([1]));
    await first.close();
    await mkdir(join(directory, 'blobs', orphan.slice(0, 2)), { recursive: true });
    await writeFile(join(directory, 'blobs', orphan.slice(0, 2), orphan), 'half a submission');
    await writeFile(join(directory, 'index', `${kept.slice(0, 2)}.json.tmp-123-4`), '{"sch');
    await writeFile(join(directory, 'gongkai.json.tmp-123-5'), '');
    await mkdir(join(directory, 'documents', 'ab'), { recursive: true });
    await writeFile(join(directory, 'documents', 'ab', `${'ab'.padEnd(64, '0')}.json.tmp-9-9`), '');

    const lines: string[] = [];
    const second = await createFileStore(directory, { log: (line) => lines.push(line) });
    expect(await second.readBlob(kept)).toBeDefined();
    expect(await second.readBlob(orphan)).toBeUndefined();
    const all = await listAll(directory);
    expect(all.filter((file) => file.includes('.tmp-'))).toEqual([]);
    expect(lines.join('\n')).toMatch(/3 temp file\(s\).*1 blob\(s\)/);
    await second.close();
  });
});

describe('verifyStore', () => {
  it('passes a consistent store and names an index entry out of step with its document, a temp file and an orphan blob', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gongkai-verify-'));
    try {
      const id = sha256Of('verified');
      const store = await createFileStore(directory);
      await store.createDocument(sampleSummary(id), new Uint8Array([1]));
      await store.updateDocument(id, ({ summary }) => ({ summary: { ...summary, state: 'committed', version: 1 }, document: sampleDocument(id, 1) }));
      await store.close();
      expect(await verifyStore(directory)).toEqual({ documents: 1, documentFiles: 1, problems: [] });
      const rejected = { ...sampleDocument(id, 2), rejected: { by: 'a', at: 'x', reason: 'r' } };
      await writeFile(join(directory, 'documents', id.slice(0, 2), `${id}.json`), JSON.stringify(rejected));
      await writeFile(join(directory, 'index', `${id.slice(0, 2)}.json.tmp-1-1`), '');
      const orphan = sha256Of('orphan blob');
      await mkdir(join(directory, 'blobs', orphan.slice(0, 2)), { recursive: true });
      await writeFile(join(directory, 'blobs', orphan.slice(0, 2), orphan), 'x');
      const { problems } = await verifyStore(directory);
      expect(problems.join('\n')).toContain('is behind its document file');
      expect(problems.join('\n')).toContain('says committed, its document file rejected');
      expect(problems.join('\n')).toContain('temp file left');
      expect(problems.join('\n')).toContain(`blob ${orphan} has no index entry`);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (await condition().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never held');
}

async function listAll(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}
