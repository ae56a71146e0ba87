import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isGongkaiError } from '../../errors/GongkaiError.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { createProcessor } from '../../extract/createProcessor.ts';
import { createDeterministicProcessor } from '../deterministicProcessor.ts';
import { extractDocument, type DocumentInput } from '../extractDocument.ts';
import { prepareDocumentInput } from '../prepareDocumentInput.ts';
import { ExtractionThreadPool } from './ExtractionThreadPool.ts';

const fixtures = new URL('../../../test/fixtures/', import.meta.url);
const crashingThread = new URL('../../../test/support/crashingExtractionThread.mjs', import.meta.url);

function fixture(folder: string, name: string): DocumentInput {
  return { name, bytes: new Uint8Array(readFileSync(new URL(`${folder}/${name}`, fixtures))) };
}

/** Every seed report, plus one PDF and one .docx (their prepared text crosses too). */
const inputs: DocumentInput[] = [
  ...readdirSync(new URL('corpus/', fixtures)).filter((name) => name.endsWith('.txt')).map((name) => fixture('corpus', name)),
  fixture('pdf', readdirSync(new URL('pdf/', fixtures)).find((name) => name.endsWith('.pdf'))!),
  fixture('docx', 'd01_s01_2021_tab.docx'),
];

const pools: ExtractionThreadPool[] = [];
function pool(options: ConstructorParameters<typeof ExtractionThreadPool>[0]): ExtractionThreadPool {
  const created = new ExtractionThreadPool(options);
  pools.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(pools.map((created) => created.close()));
});

describe('ExtractionThreadPool', () => {
  it('extracts every seed report (and a PDF, a .docx) exactly as the main thread does: the whole ExtractionResult, and the processed document', async () => {
    const threads = pool({ size: 2 });
    const prepared = await Promise.all(inputs.map((input) => prepareDocumentInput(input)));
    const offThread = await Promise.all(prepared.map((input) => threads.extract(input)));
    for (const [index, input] of prepared.entries()) {
      // Strict: the normalised text is a MappedText again and the template the registry's own definition.
      expect(offThread[index], input.name).toStrictEqual(extractDocument(input));
      expect(offThread[index]!.record.template, input.name).not.toBe('unknown');
    }
    const seed = inputs[0]!;
    expect(await createDeterministicProcessor(threads).process(seed)).toEqual(await createDeterministicProcessor().process(seed));
  });

  it('the LLM processor on threads reads as it does on the main thread (its calls stay here)', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'gongkai-threads-'));
    try {
      let requests = 0;
      // Every call refused at once (400): the rest of the LLM step (plan, merge, rescoring) runs on the extraction.
      const refuse = async () => {
        requests++;
        return new Response(JSON.stringify({ error: { message: 'refused by the test' } }), { status: 400, headers: { 'content-type': 'application/json' } });
      };
      const config = loadConfig({ GONGKAI_DATA_DIR: directory, OPENAI_BASE_URL: 'http://llm.invalid/v1', GONGKAI_LLM_CACHE: 'off', GONGKAI_LLM_MAX_RETRIES: '0' });
      const selected = createProcessor(config, {}, { fetch: refuse });
      const threaded = selected.onThreads!(pool({ size: 1 }));
      expect(threaded.llmEnabled).toBe(true);
      expect(threaded.queue).toBe(selected.queue);
      const variants = readdirSync(new URL('variants/', fixtures)).filter((name) => name.endsWith('.txt')).map((name) => fixture('variants', name));
      for (const input of [...inputs.slice(0, 5), ...variants.slice(0, 8)]) {
        expect(await threaded.process(input), input.name).toEqual(await selected.process(input));
      }
      expect(requests).toBeGreaterThan(0);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('carries the pipeline\'s own error back (an undecodable document), with its code', async () => {
    const threads = pool({ size: 1 });
    const binary = { name: 'binary.bin', bytes: new Uint8Array(4096).map((_, index) => (index * 7919) % 256) };
    const inThread = await createDeterministicProcessor().process(binary).then(() => undefined, (error: unknown) => error);
    const offThread = await threads.extract(binary).then(() => undefined, (error: unknown) => error);
    expect(isGongkaiError(inThread)).toBe(true);
    expect(isGongkaiError(offThread)).toBe(true);
    expect(offThread).toMatchObject({ code: (inThread as { code: string }).code, message: (inThread as Error).message });
  });

  it('a thread that exits, throws or runs past the time limit fails only its document; the next one extracts on a new thread', async () => {
    const threads = pool({ size: 1, threadFile: crashingThread, timeoutMs: 3_000 });
    const seed = inputs[0]!;
    const expected = (await createDeterministicProcessor().process(seed)).record;
    // Queued together, each failure followed by a good document: a failure must not take the next one down.
    const names = ['crash-exit.txt', 'crash-throw.txt', 'crash-hang.txt'];
    const outcomes = await Promise.allSettled(names.flatMap((name) => [threads.extract({ name, bytes: seed.bytes }), threads.extract(seed)]));
    const reasons = ['crash', 'crash', 'timeout'];
    for (const [index, name] of names.entries()) {
      const failed = outcomes[index * 2]!;
      const next = outcomes[index * 2 + 1]!;
      expect(failed.status, name).toBe('rejected');
      const error = (failed as PromiseRejectedResult).reason as unknown;
      expect(isGongkaiError(error, 'internal'), name).toBe(true);
      expect(error, name).toMatchObject({ context: { reason: reasons[index], document: name } });
      expect((error as Error).message, name).toMatch(/^the extraction (thread stopped unexpectedly \(exit 3\)|thread failed \(injected failure|took longer than 3 s)/u);
      expect(next.status, name).toBe('fulfilled');
      expect((next as PromiseFulfilledResult<{ record: unknown }>).value.record, name).toEqual(expected);
    }
  });

  it('refuses work once closed instead of hanging', async () => {
    const threads = new ExtractionThreadPool({ size: 1 });
    const running = threads.extract(inputs[0]!).then(() => undefined, (error: unknown) => error);
    await threads.close();
    expect(await running).toMatchObject({ code: 'unavailable' });
    await expect(threads.extract(inputs[0]!)).rejects.toMatchObject({ code: 'unavailable' });
  });
});
