import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GarbledVariant } from './generateVariants.ts';

/**
 * Writes variants as a labelled set: the documents in `directory`, their gold in `directory/gold/` (the layout of
 * test/fixtures/variants, so goldDocuments reads it back; the gold's `garbling` lists the transformation chain).
 */
export function writeVariants(directory: string, variants: readonly GarbledVariant[]): void {
  mkdirSync(join(directory, 'gold'), { recursive: true });
  for (const variant of variants) {
    writeFileSync(join(directory, variant.name), variant.bytes);
    writeFileSync(join(directory, 'gold', `${variant.name.replace(/\.[a-z]+$/u, '')}.json`), `${JSON.stringify(variant.gold, null, 1)}\n`);
  }
}
