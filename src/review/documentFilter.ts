import { z } from 'zod';
import type { DocumentSummary } from '../store/storeSchemas.ts';
import { documentStateSchema } from '../store/storeSchemas.ts';
import { templateIdSchema } from '../record/ExtractionRecord.ts';
import { reasonMatches } from './reviewReasons.ts';

/** Filters of the document list and the review queue (query parameters). */
export const documentFilterSchema = z.object({
  state: z.union([documentStateSchema, z.literal('all')]).optional(),
  template: templateIdSchema.optional(),
  year: z.coerce.number().int().optional(),
  /** Substring of the agency, case-insensitive. */
  agency: z.string().trim().min(1).optional(),
  /** An agency key (src/panel/agency): every document filed under it, whatever name it prints. */
  agencyKey: z.string().trim().min(1).optional(),
  /** A reason key (`rule:requests.completed`) or kind (`rule`, `missing`, …). */
  reason: z.string().trim().min(1).optional(),
  /** Substring of the file name. */
  q: z.string().trim().min(1).optional(),
  /** Only documents after this id in queue order (for "next document"). */
  after: z.string().optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
/** Filters of the document list and the review queue. */
export type DocumentFilter = z.infer<typeof documentFilterSchema>;

/** One page of documents plus counts to build filter menus from. */
export interface DocumentPage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly documents: readonly DocumentSummary[];
  /** Counts over the documents in the filtered state (before the other filters), for filter menus. */
  readonly facets: {
    readonly templates: Readonly<Record<string, number>>;
    readonly years: Readonly<Record<string, number>>;
    readonly reasons: Readonly<Record<string, number>>;
    /** Documents per agency key (when the caller can resolve keys). */
    readonly agencyKeys?: Readonly<Record<string, number>>;
  };
}

/** Queue order: oldest submission first, then id (stable across calls). */
export function compareQueueOrder(a: DocumentSummary, b: DocumentSummary): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Applies the filters and paging to the documents (pure). */
export function filterDocuments(all: readonly DocumentSummary[], filter: DocumentFilter, agencyKeyOf?: (summary: DocumentSummary) => string | null): DocumentPage {
  const inState = filter.state === undefined || filter.state === 'all' ? [...all] : all.filter((summary) => summary.state === filter.state);
  inState.sort(compareQueueOrder);
  const facets = {
    templates: {} as Record<string, number>, years: {} as Record<string, number>, reasons: {} as Record<string, number>,
    ...(agencyKeyOf ? { agencyKeys: {} as Record<string, number> } : {}),
  };
  const bump = (counts: Record<string, number>, key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const summary of inState) {
    bump(facets.templates, summary.template ?? 'pending');
    bump(facets.years, summary.year === null ? 'unknown' : String(summary.year));
    for (const reason of summary.reasons) bump(facets.reasons, reason);
    const key = agencyKeyOf?.(summary);
    if (facets.agencyKeys && key) bump(facets.agencyKeys, key);
  }
  const agency = filter.agency?.toLowerCase();
  const q = filter.q?.toLowerCase();
  let matching = inState.filter((summary) =>
    (filter.template === undefined || summary.template === filter.template) &&
    (filter.year === undefined || summary.year === filter.year) &&
    (agency === undefined || (summary.agency ?? '').toLowerCase().includes(agency)) &&
    (filter.agencyKey === undefined || agencyKeyOf?.(summary) === filter.agencyKey) &&
    (filter.reason === undefined || summary.reasons.some((reason) => reasonMatches(reason, filter.reason!))) &&
    (q === undefined || summary.name.toLowerCase().includes(q)));
  const after = filter.after === undefined ? undefined : all.find((summary) => summary.id === filter.after);
  // Works also when that document has just left the queue (committed): order, not position, decides.
  if (after) matching = matching.filter((summary) => compareQueueOrder(summary, after) > 0);
  return {
    total: matching.length,
    offset: filter.offset,
    limit: filter.limit,
    documents: matching.slice(filter.offset, filter.offset + filter.limit),
    facets,
  };
}
