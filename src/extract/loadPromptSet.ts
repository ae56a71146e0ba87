import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GongkaiError } from '../errors/GongkaiError.ts';
import { promptExamplesFileSchema, type PromptExample, type PromptSet } from './PromptSet.ts';

/**
 * Reads prompts/<version>/: system.md and examples/<template>.json (validated). Synchronous: it runs once, when
 * the processor is wired, so a wrong version fails at start-up. Throws GongkaiError('internal') naming the file
 * when the version does not exist or a file is malformed.
 */
export function loadPromptSet(directory: string, version: string): PromptSet {
  const root = join(directory, version);
  const hash = createHash('sha256').update(version);
  let system: string;
  try {
    system = readFileSync(join(root, 'system.md'), 'utf8').trim();
  } catch (error) {
    throw new GongkaiError('internal', `prompt version "${version}" not found (${join(root, 'system.md')})`, { directory, version }, { cause: error });
  }
  hash.update(system);
  const examples: Record<string, PromptExample[]> = {};
  const examplesDirectory = join(root, 'examples');
  let names: string[] = [];
  try {
    names = readdirSync(examplesDirectory).filter((name) => name.endsWith('.json')).sort();
  } catch {
    // No examples: the system message alone.
  }
  for (const name of names) {
    const path = join(examplesDirectory, name);
    const text = readFileSync(path, 'utf8');
    hash.update(name).update(text);
    let parsed;
    try {
      parsed = promptExamplesFileSchema.parse(JSON.parse(text));
    } catch (error) {
      throw new GongkaiError('internal', `prompt examples file ${path} is malformed: ${error instanceof Error ? error.message : String(error)}`, { path }, { cause: error });
    }
    examples[parsed.template] = [...(examples[parsed.template] ?? []), ...parsed.examples];
  }
  return { version, fingerprint: hash.digest('hex').slice(0, 16), system, examples };
}
