import type { Sql } from 'postgres';
import type { LlmTotals } from '../../review/sumLlmUsage.ts';
import type { DocumentCounts } from '../documentCounts.ts';

interface CountRow {
  readonly state: string;
  readonly dimension: string;
  readonly key: string;
  readonly documents: number;
  readonly review_fields: number;
  readonly llm_documents: number;
  readonly llm_calls: number;
  readonly llm_input_tokens: number;
  readonly llm_output_tokens: number;
  readonly llm_cost: number;
}

/**
 * The stats' counts from `document_counts` (migration 003: kept by a trigger as documents change), so they cost
 * a row per state × template, not a read of every document. The same answer as countSummaries over every
 * index entry (a test holds them equal).
 */
export async function countDocuments(sql: Sql): Promise<DocumentCounts> {
  const rows = await sql<CountRow[]>`
    SELECT state, dimension, key, documents::float8 AS documents, review_fields::float8 AS review_fields,
           llm_documents::float8 AS llm_documents, llm_calls, llm_input_tokens, llm_output_tokens, llm_cost
    FROM document_counts
    WHERE dimension IN ('all', 'template', 'currency', 'template-currency') AND (documents <> 0 OR review_fields <> 0 OR llm_documents <> 0)
    ORDER BY state COLLATE "C", dimension, key COLLATE "C"`;
  const byState: Record<string, number> = {};
  const byTemplate: Record<string, number> = {};
  const llmByTemplate = new Map<string, LlmTotals>();
  const currencies = new Set<string>();
  const currenciesOf = new Map<string, Set<string>>();
  let documents = 0;
  let fieldsInReview = 0;
  let llm = emptyTotals();
  for (const row of rows) {
    if (row.dimension === 'all') {
      if (row.documents > 0) byState[row.state] = row.documents;
      documents += row.documents;
      if (row.state === 'review') fieldsInReview += row.review_fields;
      llm = addRow(llm, row);
    } else if (row.dimension === 'template') {
      if (row.documents > 0) byTemplate[row.key] = (byTemplate[row.key] ?? 0) + row.documents;
      if (row.llm_documents > 0) llmByTemplate.set(row.key, addRow(llmByTemplate.get(row.key) ?? emptyTotals(), row));
    } else if (row.documents > 0 && row.dimension === 'currency') {
      currencies.add(row.key);
    } else if (row.documents > 0) {
      const [template = '', currency = ''] = splitOnce(row.key);
      currenciesOf.set(template, (currenciesOf.get(template) ?? new Set()).add(currency));
    }
  }
  return {
    documents,
    byState,
    byTemplate,
    fieldsInReview,
    llm: {
      ...rounded({ ...llm, currency: currencyOf(currencies) }),
      byTemplate: Object.fromEntries([...llmByTemplate].map(([template, totals]) => [template, rounded({ ...totals, currency: currencyOf(currenciesOf.get(template)) })])),
    },
  };
}

/** `gov-2014|USD` → template and currency (a template id has no `|`). */
function splitOnce(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** As sumLlmUsage: no usage → null, one currency → it, several → `mixed`. */
function currencyOf(currencies: ReadonlySet<string> | undefined): string | null {
  if (!currencies || currencies.size === 0) return null;
  return currencies.size === 1 ? [...currencies][0]! : 'mixed';
}

function emptyTotals(): LlmTotals {
  return { documents: 0, calls: 0, inputTokens: 0, outputTokens: 0, estimatedCost: 0, currency: null };
}

function addRow(totals: LlmTotals, row: CountRow): LlmTotals {
  return {
    documents: totals.documents + row.llm_documents,
    calls: totals.calls + row.llm_calls,
    inputTokens: totals.inputTokens + row.llm_input_tokens,
    outputTokens: totals.outputTokens + row.llm_output_tokens,
    estimatedCost: totals.estimatedCost + row.llm_cost,
    currency: totals.currency,
  };
}

/** Costs to 1e-8 of the unit, as sumLlmUsage rounds them (sums kept by the database differ only in float noise). */
function rounded(totals: LlmTotals): LlmTotals {
  return { ...totals, estimatedCost: Math.round(totals.estimatedCost * 1e8) / 1e8 };
}
