import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readGoldFile, type GoldFile } from '../../src/eval/goldFile.ts';
import { decodeBytes } from '../../src/ingest/decodeBytes.ts';
import type { DocumentProcessor } from '../../src/pipeline/DocumentProcessor.ts';
import type { ExtractionRecord, FieldRecord } from '../../src/record/ExtractionRecord.ts';
import { findTemplate } from '../../src/templates/registry.ts';

/** A fixture file and the record a perfect extraction gives it. */
export interface FixtureDocument {
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly record: ExtractionRecord;
}

/**
 * Test helper: the record of a gold file as a processor would hand it over — every value the gold knows `auto`
 * (so the document commits on arrival), the fields the gold leaves out (truth unknown) left out of the record (the
 * panel names them `not-read`), `meta` as given (a fixture agency is made by overriding it).
 */
export function fixtureDocument(fixtureDirectory: URL, goldPath: URL, meta?: ExtractionRecord['meta']): FixtureDocument {
  const gold: GoldFile = readGoldFile(goldPath);
  const bytes = new Uint8Array(readFileSync(new URL(gold.document, fixtureDirectory)));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const template = findTemplate(gold.template);
  const fields: FieldRecord[] = (template?.fields ?? []).filter((definition) => Object.hasOwn(gold.fields, definition.id)).map((definition) => {
    const value = gold.fields[definition.id] ?? null;
    return {
      id: definition.id, value, raw: value === null ? '' : String(value), unit: definition.unit, method: 'table',
      confidence: 1, status: 'auto', evidence: null, issues: [], findings: [],
    };
  });
  return {
    name: gold.document,
    bytes,
    record: { document: gold.document, sha256, template: gold.template, meta: meta ?? { agency: gold.meta.agency, year: gold.meta.year }, fields },
  };
}

/** Test helper: a processor answering with the given fixtures' records (matched by sha256); other bytes are `unknown`. */
export function createRecordProcessor(fixtures: readonly FixtureDocument[]): DocumentProcessor {
  const bySha = new Map(fixtures.map((fixture) => [fixture.record.sha256, fixture.record]));
  return {
    async process(input) {
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      const decoded = decodeBytes(input.bytes);
      const known = bySha.get(sha256);
      const record: ExtractionRecord = known
        ? { ...structuredClone(known), document: input.name }
        : { document: input.name, sha256, template: 'unknown', meta: { agency: null, year: null }, fields: [] };
      return { record, decodedText: decoded.text, encoding: decoded.encoding, llm: 'off', usage: null, messages: ['record processor (tests)'] };
    },
  };
}
