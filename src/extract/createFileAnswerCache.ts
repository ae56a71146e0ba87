import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { AnswerCache, CachedAnswer } from './AnswerCache.ts';

const entrySchema = z.object({
  key: z.string(),
  model: z.string(),
  promptVersion: z.string(),
  createdAt: z.string(),
  answer: z.object({ fields: z.array(z.object({ id: z.string(), value: z.number().nullable(), evidence: z.string() })) }),
});

/**
 * A file-backed answer cache: one JSON line per answer, appended (a crash loses at most the line being
 * written; a torn or foreign line is skipped when the file is read). Loaded once, on first use.
 */
export function createFileAnswerCache(path: string): AnswerCache & { readonly skippedLines: () => number } {
  let entries: Map<string, CachedAnswer> | undefined;
  let loading: Promise<Map<string, CachedAnswer>> | undefined;
  let skipped = 0;
  let writing: Promise<void> = Promise.resolve();

  const load = () => (loading ??= (async () => {
    const map = new Map<string, CachedAnswer>();
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const entry = entrySchema.parse(JSON.parse(line));
        map.set(entry.key, entry);
      } catch {
        skipped++;
      }
    }
    entries = map;
    return map;
  })());

  return {
    skippedLines: () => skipped,
    async get(key) {
      return (await load()).get(key);
    },
    async set(entry) {
      const map = entries ?? (await load());
      map.set(entry.key, entry);
      // Appends are chained so concurrent sections never interleave their lines.
      writing = writing.catch(() => undefined).then(async () => {
        await mkdir(dirname(path), { recursive: true });
        await appendFile(path, `${JSON.stringify(entry)}\n`, 'utf8');
      });
      await writing;
    },
  };
}
