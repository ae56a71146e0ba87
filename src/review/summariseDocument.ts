import { findTemplate } from '../templates/registry.ts';
import type { DocumentSummary, StoredDocument } from '../store/storeSchemas.ts';
import { reasonsOfField } from './reviewReasons.ts';

/**
 * The index entry that goes with a stored document: state, counts and reasons. A document is `committed` when
 * no field remains in review (its values then enter the dataset); `review` while any does, while its
 * template is unknown, or while its agency or year is (a person must look at it); `rejected` once a reviewer rejects it.
 */
export function summariseDocument(previous: DocumentSummary, document: StoredDocument, now: Date): DocumentSummary {
  const { record } = document;
  const template = findTemplate(record.template);
  const inReview = record.fields.filter((field) => field.status === 'review');
  const reasons = new Set<string>();
  for (const field of inReview) for (const reason of reasonsOfField(template, field)) reasons.add(reason);
  if (record.template === 'unknown') reasons.add('unknown-template');
  // A dataset row needs its agency and year: without them nothing of the document can be committed.
  const metaMissing = record.meta.agency === null || record.meta.year === null;
  if (metaMissing) reasons.add('meta-missing');
  const state = document.rejected
    ? 'rejected'
    : inReview.length > 0 || record.template === 'unknown' || metaMissing
      ? 'review'
      : 'committed';
  const at = now.toISOString();
  return {
    ...previous,
    state,
    version: document.version,
    template: record.template,
    agency: record.meta.agency,
    year: record.meta.year,
    fieldCount: record.fields.length,
    reviewCount: inReview.length,
    reasons: [...reasons].sort(),
    updatedAt: at,
    committedAt: state === 'committed' ? (previous.committedAt ?? at) : null,
    error: null,
  };
}
