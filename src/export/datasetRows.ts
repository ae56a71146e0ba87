import type { Store } from '../store/Store.ts';
import type { StoredDocument } from '../store/storeSchemas.ts';
import { compareQueueOrder } from '../review/documentFilter.ts';
import type { TemplateId } from '../record/ExtractionRecord.ts';
import { findTemplate, templates } from '../templates/registry.ts';
import type { Cell } from './csvCell.ts';

/** Dataset shapes: one row per document, one row per document × field, or the data dictionary. */
export type DatasetShape = 'wide' | 'long' | 'dictionary';

/** Columns every wide and long row starts with. */
const documentColumns = ['document', 'sha256', 'agency', 'year', 'template'] as const;

/** Columns of a long row after the document columns. */
const longColumns = ['field', 'label', 'value', 'unit', 'raw', 'method', 'confidence', 'status', 'reviewer', 'evidence_start', 'evidence_end', 'evidence_text'] as const;

/** Columns of the data dictionary. */
export const dictionaryColumns = ['template', 'id', 'label', 'unit', 'parent'] as const;

/** Field ids of a template, or of every template (registry order, each id once) when none is given. */
export function wideFieldIds(template?: TemplateId): string[] {
  const chosen = template ? [findTemplate(template)].filter((found) => found !== undefined) : templates;
  return [...new Set(chosen.flatMap((definition) => definition.fields.map((field) => field.id)))];
}

/** Header of a shape. */
export function headerOf(shape: DatasetShape, template?: TemplateId): string[] {
  if (shape === 'dictionary') return [...dictionaryColumns];
  if (shape === 'long') return [...documentColumns, ...longColumns];
  return [...documentColumns, ...wideFieldIds(template)];
}

/** The data dictionary rows (every template, or one). */
export function dictionaryRows(template?: TemplateId): Cell[][] {
  const chosen = template ? templates.filter((definition) => definition.id === template) : templates;
  return chosen.flatMap((definition) => definition.fields.map((field) => [definition.id, field.id, field.label, field.unit, field.parent ?? null]));
}

function documentCells(document: StoredDocument): Cell[] {
  const { record } = document;
  return [record.document, record.sha256, record.meta.agency, record.meta.year, record.template];
}

/** The wide row of a committed document, its values under `fieldIds` (null where blank or not in its template). */
export function wideRow(document: StoredDocument, fieldIds: readonly string[]): Cell[] {
  const values = new Map(document.record.fields.map((field) => [field.id, field.value]));
  return [...documentCells(document), ...fieldIds.map((id) => values.get(id) ?? null)];
}

/** The long rows of a committed document: one per field, with who settled it and where it was read. */
export function longRows(document: StoredDocument): Cell[][] {
  const reviewerOf = new Map<string, string>();
  for (const decision of document.decisions) if (decision.fieldId !== null) reviewerOf.set(decision.fieldId, decision.by);
  const labels = new Map(findTemplate(document.record.template)?.fields.map((field) => [field.id, field.label]) ?? []);
  const prefix = documentCells(document);
  return document.record.fields.map((field) => [
    ...prefix,
    field.id,
    labels.get(field.id) ?? null,
    field.value,
    field.unit,
    field.raw,
    field.method,
    field.confidence,
    field.status,
    reviewerOf.get(field.id) ?? null,
    field.evidence?.start ?? null,
    field.evidence?.end ?? null,
    field.evidence?.text ?? null,
  ]);
}

/** Documents read ahead while the current one is written: bounded, so memory does not grow with the store. */
const READ_AHEAD = 16;

/**
 * The committed documents (only their values belong in the dataset), oldest first, optionally of one template,
 * read one by one from the store with a small read-ahead.
 */
export async function* committedDocuments(store: Store, template?: TemplateId): AsyncGenerator<StoredDocument> {
  const ids = (await store.listDocuments())
    .filter((summary) => summary.state === 'committed' && summary.template !== 'unknown' && (template === undefined || summary.template === template))
    .sort(compareQueueOrder)
    .map((summary) => summary.id);
  const pending: Promise<StoredDocument | undefined>[] = [];
  let next = 0;
  const fill = () => {
    while (pending.length < READ_AHEAD && next < ids.length) {
      const read = store.readDocument(ids[next++]!);
      // Handled when its turn comes; this only stops an early failure counting as unhandled meanwhile.
      read.catch(() => undefined);
      pending.push(read);
    }
  };
  fill();
  while (pending.length > 0) {
    const document = await pending.shift()!;
    fill();
    if (document) yield document;
  }
}
