import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExtractionTask } from './extractionTask.ts';
import { extractionTaskModule } from './extractionTaskModule.ts';

const corpus = new URL('../../../test/fixtures/corpus/', import.meta.url);

describe('extractionTaskModule', () => {
  it('bundles the task module into one file whose task answers every seed report exactly as the TypeScript does', async () => {
    const file = await extractionTaskModule();
    expect(file).toBeDefined();
    // One module: the pipeline's files are inside it, only packages are imported.
    const source = readFileSync(file!, 'utf8');
    const imported = [...source.matchAll(/^import .* from "([^"]+)";$/gmu)].map((match) => match[1]);
    expect(imported.every((specifier) => !specifier!.startsWith('.'))).toBe(true);
    const bundled: typeof import('./extractionTask.ts') = await import(file!.href);
    const names = readdirSync(corpus).filter((name) => name.endsWith('.txt'));
    expect(names.length).toBeGreaterThan(0);
    for (const [index, name] of names.entries()) {
      const task = { id: index, name, bytes: new Uint8Array(readFileSync(new URL(name, corpus))) };
      expect(bundled.runExtractionTask(task)).toEqual(runExtractionTask(task));
    }
  });

  it('names the file by its content: built twice, the same file', async () => {
    const first = await extractionTaskModule();
    const second = await extractionTaskModule();
    expect(second?.href).toBe(first?.href);
    expect(first?.pathname).toMatch(/\/node_modules\/\.cache\/gongkai\/extraction-task-[0-9a-f]{16}\.mjs$/u);
  });
});
