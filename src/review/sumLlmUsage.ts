import type { DocumentSummary } from '../store/storeSchemas.ts';

/** LLM calls, tokens and estimated cost summed over documents. */
export interface LlmTotals {
  /** Documents on which the LLM spent something (calls or tokens). */
  readonly documents: number;
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly estimatedCost: number;
  /** Unit of estimatedCost (null with no usage; `mixed` when documents were priced in different currencies). */
  readonly currency: string | null;
}

/** The totals over all documents, and per template (`pending` for documents not extracted yet). */
export interface LlmUsageTotals extends LlmTotals {
  readonly byTemplate: Readonly<Record<string, LlmTotals>>;
}

/** Sums the LLM usage the index entries carry (GET /api/stats); no document body is read. */
export function sumLlmUsage(summaries: readonly DocumentSummary[]): LlmUsageTotals {
  let all = emptyTotals();
  const byTemplate = new Map<string, LlmTotals>();
  for (const summary of summaries) {
    const usage = summary.llmUsage;
    if (!usage) continue;
    const template = summary.template ?? 'pending';
    all = addTo(all, usage);
    byTemplate.set(template, addTo(byTemplate.get(template) ?? emptyTotals(), usage));
  }
  return { ...rounded(all), byTemplate: Object.fromEntries([...byTemplate].map(([template, totals]) => [template, rounded(totals)])) };
}

/** Costs to 1e-8 of the unit (as per document), so float noise from summing many small costs does not show. */
function rounded(totals: LlmTotals): LlmTotals {
  return { ...totals, estimatedCost: Math.round(totals.estimatedCost * 1e8) / 1e8 };
}

function emptyTotals(): LlmTotals {
  return { documents: 0, calls: 0, inputTokens: 0, outputTokens: 0, estimatedCost: 0, currency: null };
}

function addTo(totals: LlmTotals, usage: NonNullable<DocumentSummary['llmUsage']>): LlmTotals {
  const currency = usage.currency ?? 'USD';
  return {
    documents: totals.documents + 1,
    calls: totals.calls + usage.calls,
    inputTokens: totals.inputTokens + usage.inputTokens,
    outputTokens: totals.outputTokens + usage.outputTokens,
    estimatedCost: totals.estimatedCost + usage.estimatedCost,
    currency: totals.currency === null || totals.currency === currency ? currency : 'mixed',
  };
}
