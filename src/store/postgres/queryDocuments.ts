import type { Sql } from 'postgres';
import type { DocumentFilter, DocumentPage } from '../../review/documentFilter.ts';
import type { DocumentSummary } from '../storeSchemas.ts';

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
function likeContaining(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The queue and document list in SQL, with the same answer as review/documentFilter's filterDocuments over every
 * index entry (a property test holds them equal), so a page costs the rows it shows, not the whole store:
 * the state, template and year filters and the queue order use the indexes of migration 001. Text is compared
 * in byte order (COLLATE "C"), as JavaScript compares the ISO dates and hex ids; facets are counted over the
 * documents in the state and listed in order of first appearance (queue order, then a document's own order of
 * reasons), as filterDocuments builds them.
 */
export async function queryDocuments(sql: Sql, filter: DocumentFilter): Promise<DocumentPage> {
  const inState = filter.state === undefined || filter.state === 'all' ? sql`TRUE` : sql`state = ${filter.state}`;
  const [afterRow] = filter.after === undefined
    ? []
    : await sql<{ submitted_at: string; id: string }[]>`SELECT submitted_at, id FROM documents WHERE id = ${filter.after}`;
  const conditions = [
    inState,
    filter.template === undefined ? sql`TRUE` : sql`template = ${filter.template}`,
    filter.year === undefined ? sql`TRUE` : sql`year = ${filter.year}`,
    filter.agency === undefined ? sql`TRUE` : sql`lower(coalesce(agency, '')) LIKE ${likeContaining(filter.agency)}`,
    filter.q === undefined ? sql`TRUE` : sql`lower(summary ->> 'name') LIKE ${likeContaining(filter.q)}`,
    filter.reason === undefined
      ? sql`TRUE`
      : sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(summary -> 'reasons') AS reason WHERE reason = ${filter.reason} OR starts_with(reason, ${`${filter.reason}:`}))`,
    afterRow === undefined
      ? sql`TRUE`
      : sql`(submitted_at COLLATE "C" > ${afterRow.submitted_at} OR (submitted_at = ${afterRow.submitted_at} AND id COLLATE "C" > ${afterRow.id}))`,
  ];
  const where = conditions.reduce((joined, condition) => sql`${joined} AND ${condition}`);
  const [counted] = await sql<{ total: number }[]>`SELECT count(*)::integer AS total FROM documents WHERE ${where}`;
  const rows = await sql<{ summary: DocumentSummary }[]>`
    SELECT summary FROM documents WHERE ${where}
    ORDER BY submitted_at COLLATE "C", id COLLATE "C"
    OFFSET ${filter.offset} LIMIT ${filter.limit}`;
  const facet = async (key: ReturnType<Sql>, from: ReturnType<Sql>, position: ReturnType<Sql> = sql`''`) => {
    const counts = await sql<{ key: string; count: number }[]>`
      SELECT ${key} AS key, count(*)::integer AS count FROM ${from} WHERE ${inState}
      GROUP BY 1 ORDER BY min(submitted_at || '|' || id || '|' || ${position}) COLLATE "C"`;
    return Object.fromEntries(counts.map((row) => [row.key, row.count]));
  };
  const [templates, years, reasons] = await Promise.all([
    facet(sql`coalesce(template, 'pending')`, sql`documents`),
    facet(sql`coalesce(year::text, 'unknown')`, sql`documents`),
    facet(
      sql`reason`,
      sql`documents CROSS JOIN LATERAL jsonb_array_elements_text(summary -> 'reasons') WITH ORDINALITY AS listed (reason, position)`,
      sql`lpad(position::text, 6, '0')`,
    ),
  ]);
  return {
    total: counted!.total,
    offset: filter.offset,
    limit: filter.limit,
    documents: rows.map((row) => row.summary),
    facets: { templates, years, reasons },
  };
}
