import { createHash } from 'node:crypto';
import type { ExtractionRecord } from '../record/ExtractionRecord.ts';
import { STORE_SCHEMA_VERSION, type DocumentSummary, type StoredDocument } from './storeSchemas.ts';

/** Test helper: the sha256 (hex) of a string. */
export function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Test helper: a queued document's index entry. */
export function sampleSummary(id: string, overrides: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id,
    name: `${id.slice(0, 8)}.txt`,
    size: 10,
    submittedAt: '2024-01-01T00:00:00.000Z',
    submittedBy: 'alice',
    state: 'queued',
    version: 0,
    template: null,
    agency: null,
    year: null,
    fieldCount: 0,
    reviewCount: 0,
    reasons: [],
    updatedAt: '2024-01-01T00:00:00.000Z',
    committedAt: null,
    error: null,
    ...overrides,
  };
}

/** Test helper: a small stored document with one field in review. */
export function sampleDocument(id: string, version = 1): StoredDocument {
  const record: ExtractionRecord = {
    document: `${id.slice(0, 8)}.txt`,
    sha256: id,
    template: 'gov-2014',
    meta: { agency: '某某局', year: 2018 },
    fields: [
      { id: 'requests.completed', value: 0, raw: '0', unit: '件', method: 'table', confidence: 0.4, status: 'review', evidence: { start: 0, end: 1, text: '0' }, issues: [] },
    ],
  };
  return {
    schemaVersion: STORE_SCHEMA_VERSION,
    id,
    version,
    record,
    processing: { encoding: 'utf-8', llm: 'off', usage: null, messages: [], processedAt: '2024-01-01T00:00:00.000Z' },
    rejected: null,
    decisions: [],
  };
}
