import type { ExtractionRecord } from '../../record/ExtractionRecord.ts';
import type { Store } from '../../store/Store.ts';
import type { DocumentSummary, StoredDocument } from '../../store/storeSchemas.ts';
import type { AgencyIdentity } from '../agency/AgencyIdentity.ts';
import { resolveAgencyKey } from '../agency/resolveAgencyKey.ts';
import { applyCrossYear } from './applyCrossYear.ts';
import { checkCrossYear } from './checkCrossYear.ts';
import { crossYearWarnings } from './crossYearWarnings.ts';
import { runCrossYear } from './runCrossYear.ts';

/** What the store side of the cross-year rules needs: the store and the reviewers' agency identities. */
export interface CrossYearStoreContext {
  readonly store: Store;
  readonly identities: () => Promise<readonly AgencyIdentity[]>;
}

/** Documents whose record can take part: extracted, on a known form, with a year. */
function usable(summary: DocumentSummary): boolean {
  return summary.template !== null && summary.template !== 'unknown' && summary.year !== null && summary.state !== 'queued' && summary.state !== 'failed';
}

/** The index entries of the same agency key with year N−1 or N+1 (the reports a chain or a settlement can use). */
async function adjacentSummaries(context: CrossYearStoreContext, subject: DocumentSummary, summaries: readonly DocumentSummary[]): Promise<DocumentSummary[]> {
  if (!usable(subject)) return [];
  const identities = await context.identities();
  const key = resolveAgencyKey(subject.agency, identities).key;
  if (key === null) return [];
  // The year first: it is cheap, and leaves few names to resolve however large the store.
  return summaries.filter((other) => other.id !== subject.id && usable(other) && Math.abs(other.year! - subject.year!) === 1)
    .filter((other) => resolveAgencyKey(other.agency, identities).key === key);
}

async function recordsOf(store: Store, summaries: readonly DocumentSummary[]): Promise<ExtractionRecord[]> {
  const documents = await Promise.all(summaries.map((summary) => store.readDocument(summary.id)));
  return documents.filter((document): document is StoredDocument => document !== undefined && !document.rejected).map((document) => document.record);
}

/**
 * The record as shown: with the broken chains to the adjacent years of the same agency as `cross-year-broken`
 * findings. Computed when read, never stored — so a warning is always the current one, and a neighbour's arrival
 * or correction never bumps the version of a document a reviewer has open.
 */
export async function recordWithCrossYearWarnings(context: CrossYearStoreContext, summary: DocumentSummary, document: StoredDocument): Promise<ExtractionRecord> {
  const adjacent = await adjacentSummaries(context, summary, await context.store.listDocuments());
  if (adjacent.length === 0) return document.record;
  const neighbours = await recordsOf(context.store, adjacent);
  const group = [document.record, ...neighbours];
  const names = new Map(group.map((record) => [record.sha256, record.document]));
  // Only the chains: settling is done when documents are written, not on every read.
  const warnings = crossYearWarnings(checkCrossYear(group));
  return applyCrossYear(document.record, warnings.get(document.record.sha256) ?? [], [], (sha256) => names.get(sha256) ?? sha256).record;
}

/**
 * After a document's extraction: settles the ambiguous glued runs that a neighbouring year decides, on the new
 * document and on its adjacent years (the new report may be what settles theirs). Only cells still undecided — value
 * null, in review, read from the table — are given a value (applyCrossYear), so a reviewer's work is never
 * overwritten. Each changed document is written with a new version and a processing message. Returns the number of
 * fields settled.
 */
export async function settleAcrossYears(context: CrossYearStoreContext, id: string, update: (id: string, change: (record: ExtractionRecord) => { record: ExtractionRecord; settled: readonly string[] } | null) => Promise<void>): Promise<number> {
  const summaries = await context.store.listDocuments();
  const subject = summaries.find((summary) => summary.id === id);
  if (!subject) return 0;
  const subjects = [subject, ...(await adjacentSummaries(context, subject, summaries))];
  let settled = 0;
  for (const candidate of subjects) {
    const adjacent = await adjacentSummaries(context, candidate, summaries);
    if (adjacent.length === 0) continue;
    const neighbours = await recordsOf(context.store, adjacent);
    await update(candidate.id, (record) => {
      const report = runCrossYear([record, ...neighbours], () => 'one agency');
      const result = applyCrossYear(record, [], report.settlements.get(record.sha256) ?? [], (sha256) => sha256);
      if (result.settledFields.length === 0) return null;
      settled += result.settledFields.length;
      return { record: result.record, settled: result.settledFields };
    });
  }
  return settled;
}
