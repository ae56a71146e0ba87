import { sumLlmUsage, type LlmUsageTotals } from '../review/sumLlmUsage.ts';
import type { DocumentSummary } from './storeSchemas.ts';

/** Counts over every document, for the stats line of the queue page (GET /api/stats). */
export interface DocumentCounts {
  readonly documents: number;
  readonly byState: Readonly<Record<string, number>>;
  /** Documents per template, `pending` for those not extracted yet. */
  readonly byTemplate: Readonly<Record<string, number>>;
  /** Fields waiting for a person, over the documents in review. */
  readonly fieldsInReview: number;
  /** LLM usage over all documents, and per template. */
  readonly llm: LlmUsageTotals;
}

/** The counts from every index entry (what a store without counts of its own is asked for). */
export function countSummaries(summaries: readonly DocumentSummary[]): DocumentCounts {
  const byState: Record<string, number> = {};
  const byTemplate: Record<string, number> = {};
  let fieldsInReview = 0;
  for (const summary of summaries) {
    byState[summary.state] = (byState[summary.state] ?? 0) + 1;
    const template = summary.template ?? 'pending';
    byTemplate[template] = (byTemplate[template] ?? 0) + 1;
    fieldsInReview += summary.state === 'review' ? summary.reviewCount : 0;
  }
  return { documents: summaries.length, byState, byTemplate, fieldsInReview, llm: sumLlmUsage(summaries) };
}
