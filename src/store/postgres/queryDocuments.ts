import type { Sql } from 'postgres';
import type { DocumentFilter, DocumentPage } from '../../review/documentFilter.ts';
import type { DocumentSummary } from '../storeSchemas.ts';

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
function likeContaining(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

type Fragment = ReturnType<Sql["unsafe"]>;

/**
 * The queue and document list in SQL, with the same answer as review/documentFilter's filterDocuments over every
 * index entry (a property test holds them equal), at a cost that does not grow with the store (migration 003):
 *
 * - the page's rows come from a C-collated index in queue order (state, then template or year when filtered),
 *   so a page reads its own rows (and the ones skipped by its offset), not the state's;
 * - the facets and, when the filter is only a state, template and/or year, a reason or an agency, the total are
 *   read from `document_counts`, which the database keeps as documents change: a row per key, however many
 *   documents. The agency substring is matched against the agencies' names there (few), then their documents
 *   are found by index. Other combinations (a reason with a template, `after`, …) count their matching rows;
 *   the name substring `q` (no index can serve a substring of unique names) reads the state.
 *
 * Text is compared in byte order (COLLATE "C"), as JavaScript compares the ISO dates and hex ids. Facet keys are
 * listed in key order (the queue page sorts them anyway).
 */
export async function queryDocuments(sql: Sql, filter: DocumentFilter): Promise<DocumentPage> {
  const allStates = filter.state === undefined || filter.state === 'all';
  const inState = allStates ? sql`TRUE` : sql`state = ${filter.state!}`;
  const [afterRow] = filter.after === undefined
    ? []
    : await sql<{ submitted_at: string; id: string }[]>`SELECT submitted_at, id FROM documents WHERE id = ${filter.after}`;
  // The printed agency names containing the text, with their documents in the state: few rows (names, not documents).
  const agencies = filter.agency === undefined ? [] : await sql<{ key: string; documents: number }[]>`
    SELECT key, sum(documents)::integer AS documents FROM document_counts
    WHERE ${inState} AND dimension = 'agency' AND lower(key) LIKE ${likeContaining(filter.agency)}
    GROUP BY key HAVING sum(documents) > 0`;
  const conditions: Fragment[] = [
    inState,
    ...(filter.template === undefined ? [] : [sql`template = ${filter.template}`]),
    ...(filter.year === undefined ? [] : [sql`year = ${filter.year}`]),
    ...(filter.agency === undefined ? [] : [sql`agency = ANY(${agencies.map((row) => row.key)}::text[])`]),
    ...(filter.q === undefined ? [] : [sql`lower(summary ->> 'name') LIKE ${likeContaining(filter.q)}`]),
    ...(filter.reason === undefined ? [] : [sql`reason_prefixes @> ARRAY[${filter.reason}]::text[]`]),
    ...(afterRow === undefined
      ? []
      : [sql`(submitted_at COLLATE "C", id COLLATE "C") > (${afterRow.submitted_at}::text COLLATE "C", ${afterRow.id}::text COLLATE "C")`]),
  ];
  const where = conditions.reduce((joined, condition) => sql`${joined} AND ${condition}`);

  // The page's ids first (an index-only walk past the offset), then their rows: a deep page skips index
  // entries, not records.
  const rowsQuery = sql<{ summary: DocumentSummary }[]>`
    SELECT summary FROM documents WHERE id IN (
      SELECT id FROM documents WHERE ${where}
      ORDER BY submitted_at COLLATE "C", id COLLATE "C"
      OFFSET ${filter.offset} LIMIT ${filter.limit})
    ORDER BY submitted_at COLLATE "C", id COLLATE "C"`;
  const countsQuery = sql<{ dimension: string; key: string; documents: number }[]>`
    SELECT dimension, key, sum(documents)::integer AS documents FROM document_counts
    WHERE ${inState} AND dimension IN ('template', 'year', 'reason', 'all', 'template-year', 'reason-prefix')
    GROUP BY dimension, key HAVING sum(documents) > 0
    ORDER BY dimension, key COLLATE "C"`;
  const [rows, counts] = await Promise.all([rowsQuery, countsQuery]);

  const facet = (dimension: string) => Object.fromEntries(counts.filter((row) => row.dimension === dimension).map((row) => [row.key, row.documents]));
  const counted = (dimension: string, key: string) => counts.find((row) => row.dimension === dimension && row.key === key)?.documents ?? 0;
  // An `after` naming no document is ignored, as filterDocuments ignores it.
  const onlyCounted = filter.q === undefined && afterRow === undefined;
  let total: number;
  if (onlyCounted && filter.agency !== undefined) {
    total = filter.template === undefined && filter.year === undefined && filter.reason === undefined
      ? agencies.reduce((sum, row) => sum + row.documents, 0)
      : (await sql<{ total: number }[]>`SELECT count(*)::integer AS total FROM documents WHERE ${where}`)[0]!.total;
  } else if (onlyCounted && filter.reason === undefined) {
    total = filter.template !== undefined && filter.year !== undefined ? counted('template-year', `${filter.template}|${filter.year}`)
      : filter.template !== undefined ? counted('template', filter.template)
        : filter.year !== undefined ? counted('year', String(filter.year))
          : counted('all', '');
  } else if (onlyCounted && filter.template === undefined && filter.year === undefined) {
    total = counted('reason-prefix', filter.reason!);
  } else {
    total = (await sql<{ total: number }[]>`SELECT count(*)::integer AS total FROM documents WHERE ${where}`)[0]!.total;
  }
  return {
    total,
    offset: filter.offset,
    limit: filter.limit,
    documents: rows.map((row) => row.summary),
    facets: { templates: facet('template'), years: facet('year'), reasons: facet('reason') },
  };
}
