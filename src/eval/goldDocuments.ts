import { readdirSync, readFileSync } from 'node:fs';
import { readGoldFile, type GoldFile } from './goldFile.ts';

/** A document with gold: its gold file and the bytes of the document it names. */
export interface GoldDocument {
  readonly gold: GoldFile;
  readonly bytes: Uint8Array;
}

/**
 * The documents of one set with gold, in file-name order of their gold files (*.json in `goldDirectory`), each
 * read from `documentDirectory` only when reached. A missing gold directory is an empty set.
 */
export function* goldDocuments(goldDirectory: URL, documentDirectory: URL): Generator<GoldDocument> {
  for (const file of listFiles(goldDirectory).filter((name) => name.endsWith('.json'))) {
    const gold = readGoldFile(new URL(file, goldDirectory));
    yield { gold, bytes: readFileSync(new URL(gold.document, documentDirectory)) };
  }
}

/** The names in a directory, sorted; none when it does not exist. */
export function listFiles(directory: URL): string[] {
  try {
    return readdirSync(directory).sort();
  } catch {
    return [];
  }
}
