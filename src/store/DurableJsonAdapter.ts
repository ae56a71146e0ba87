import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { GongkaiError } from '../errors/GongkaiError.ts';
import type { DurableWriter } from './DurableWriter.ts';
import { STORE_SCHEMA_VERSION } from './storeSchemas.ts';

/**
 * A lowdb adapter for one JSON file: reads are zod-validated (a corrupt or foreign file is refused with a clear
 * message and left untouched), writes go through the DurableWriter (temp + fsync + rename + directory fsync,
 * batched with other writes).
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly writer: DurableWriter,
    private readonly indent: number = 0,
  ) {}

  /** The file's data, or null when the file does not exist yet. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return parseStoreFile(this.path, text, this.schema);
  }

  /** Writes the data durably (resolves once on disk). */
  write(data: T): Promise<void> {
    return this.writer.write(this.path, this.indent > 0 ? `${JSON.stringify(data, null, this.indent)}\n` : JSON.stringify(data));
  }
}

/**
 * Parses and validates the text of a store file. Throws GongkaiError('store-corrupt') naming the file and what
 * is wrong, and saying that nothing was overwritten.
 */
export function parseStoreFile<T>(path: string, text: string, schema: z.ZodType<T>): T {
  const refuse = (problem: string) =>
    new GongkaiError(
      'store-corrupt',
      `store file ${path} ${problem}; gongkai refuses to use it and has not modified it. Restore it from a backup, or move it away to start without it.`,
      { path },
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw refuse(`is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const version = typeof json === 'object' && json !== null ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version !== STORE_SCHEMA_VERSION) {
    throw refuse(
      typeof version === 'number' && version > STORE_SCHEMA_VERSION
        ? `was written by a newer gongkai (schemaVersion ${version}; this one reads ${STORE_SCHEMA_VERSION})`
        : `has no valid schemaVersion (found ${JSON.stringify(version)}, expected ${STORE_SCHEMA_VERSION})`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw refuse(`does not match the store schema (${issues.join('; ')})`);
  }
  return parsed.data;
}
