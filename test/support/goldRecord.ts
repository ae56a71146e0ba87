import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readGoldFile, type GoldFile } from '../../src/eval/goldFile.ts';
import type { ExtractionRecord, FieldRecord } from '../../src/record/ExtractionRecord.ts';
import { findTemplate } from '../../src/templates/registry.ts';

/**
 * The record a perfect extraction and review would give a gold document: every gold value approved (raw as
 * printed, "" for a blank), every field the gold leaves out (truth unknown) in review with value null. The sha256
 * is of the document name, a stand-in that keeps records distinct.
 */
export function recordFromGold(gold: Pick<GoldFile, 'document' | 'template' | 'meta' | 'fields'>): ExtractionRecord {
  const template = findTemplate(gold.template);
  const fields: FieldRecord[] = (template?.fields ?? []).map((definition) => {
    const known = Object.hasOwn(gold.fields, definition.id);
    const value = known ? gold.fields[definition.id] ?? null : null;
    return {
      id: definition.id,
      value,
      raw: value === null ? '' : String(value),
      unit: definition.unit,
      method: 'table',
      confidence: known ? 1 : 0.5,
      status: known ? 'approved' : 'review',
      evidence: null,
      issues: [],
    };
  });
  return {
    document: gold.document,
    sha256: createHash('sha256').update(gold.document).digest('hex'),
    template: gold.template,
    meta: { agency: gold.meta.agency, year: gold.meta.year },
    fields,
  };
}

/** The wild set's gold files, in file-name order. */
export function readWildGold(): GoldFile[] {
  const directory = new URL('../fixtures/wild-gold/', import.meta.url);
  return readdirSync(directory).filter((name) => name.endsWith('.json')).sort().map((name) => readGoldFile(new URL(name, directory)));
}

/** A copy of `record` with some fields changed. */
export function withFields(record: ExtractionRecord, changes: Record<string, Partial<FieldRecord>>): ExtractionRecord {
  return { ...record, fields: record.fields.map((field) => (changes[field.id] ? { ...field, ...changes[field.id] } : field)) };
}
