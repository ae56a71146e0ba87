-- Version 3: a queue page, the stats and an export whose cost does not grow with the number of documents.
--
-- 1. Queue order in byte order. The queue sorts by submitted_at, id COLLATE "C" (as JavaScript compares them);
--    the indexes of version 1 use the database's collation, which a database created with a locale (en_US.UTF-8)
--    cannot use for that order: every page sorted the whole state. These can, so a page reads its own rows.
--    (Created after the columns below are added: adding a stored column rewrites the table and its indexes.)
DROP INDEX documents_queue_order;
DROP INDEX documents_template;
DROP INDEX documents_year;
DROP INDEX documents_reasons;
DROP INDEX documents_agency;

-- 2. The reason filter (a key, `rule:requests.total`, or a kind before a colon, `rule`): every prefix of every
--    reason that ends at a colon, and the reason itself, so `reason = $1 OR starts_with(reason, $1 || ':')` is
--    `reason_prefixes @> ARRAY[$1]`, which a GIN index answers.
CREATE FUNCTION gongkai_reason_prefixes(reasons jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT array_to_string(parts[1:depth], ':')), '{}')
  FROM jsonb_array_elements_text(coalesce(reasons, '[]')) AS reason,
       LATERAL (SELECT string_to_array(reason, ':') AS parts) AS split,
       LATERAL generate_series(1, coalesce(array_length(parts, 1), 0)) AS depth
$$;

-- 3. What a wide export needs of a document, kept small beside the record (a record is 10–80 KB of JSONB with
--    evidence and findings): the document columns, the record's values in its order of fields, and an md5 of
--    that order of field ids (newline-separated). An export whose columns are in that order (a record lists its
--    template's fields in the template's order) takes the values as they are: 100,000 documents cost 100,000
--    rows of about 1 KB, not 100,000 records. Written with the record, so it can never disagree with it.
CREATE FUNCTION gongkai_export_row(document jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN document IS NULL THEN NULL ELSE (
    SELECT jsonb_build_object(
      'document', document -> 'record' -> 'document',
      'sha256', document -> 'record' -> 'sha256',
      'agency', document -> 'record' -> 'meta' -> 'agency',
      'year', document -> 'record' -> 'meta' -> 'year',
      'template', document -> 'record' -> 'template',
      'fieldsKey', md5(coalesce(string_agg(field ->> 'id', E'\n' ORDER BY position), '')),
      'values', coalesce(jsonb_agg(coalesce(field -> 'value', 'null') ORDER BY position), '[]'))
    FROM jsonb_array_elements(coalesce(document -> 'record' -> 'fields', '[]')) WITH ORDINALITY AS listed (field, position)
  ) END
$$;

-- One rewrite of the table for both columns.
ALTER TABLE documents
  ADD COLUMN reason_prefixes text[] GENERATED ALWAYS AS (gongkai_reason_prefixes(summary -> 'reasons')) STORED,
  ADD COLUMN export_row jsonb GENERATED ALWAYS AS (gongkai_export_row(document)) STORED;

CREATE INDEX documents_queue_order_c ON documents (state, submitted_at COLLATE "C", id COLLATE "C");
CREATE INDEX documents_all_order_c ON documents (submitted_at COLLATE "C", id COLLATE "C");
CREATE INDEX documents_template_order_c ON documents (state, template, submitted_at COLLATE "C", id COLLATE "C");
CREATE INDEX documents_year_order_c ON documents (state, year, submitted_at COLLATE "C", id COLLATE "C");
CREATE INDEX documents_reason_prefixes ON documents USING gin (reason_prefixes);
-- The agency filter is a substring: it is matched against the agencies' names in document_counts (far fewer
-- than documents), and the documents of the matching names are found here.
CREATE INDEX documents_agency_state ON documents (agency, state);

-- 4. Counts kept by the database as documents change, for the facets of the queue page, its totals and the
--    stats: reading them costs the number of keys, not of documents. One row per state × dimension × key;
--    dimensions: `all` (key ''), `template`, `year`, `template-year` ('gov-2014|2018'), `reason` (facet: one
--    per occurrence), `reason-prefix` (documents with a reason under that prefix), `agency` (the printed name), `currency` and
--    `template-currency` (documents whose LLM usage is priced in it). Review fields and LLM usage are summed
--    on the `all` and `template` rows.
CREATE TABLE document_counts (
  state text NOT NULL,
  dimension text NOT NULL,
  key text NOT NULL,
  documents bigint NOT NULL DEFAULT 0,
  review_fields bigint NOT NULL DEFAULT 0,
  llm_documents bigint NOT NULL DEFAULT 0,
  llm_calls double precision NOT NULL DEFAULT 0,
  llm_input_tokens double precision NOT NULL DEFAULT 0,
  llm_output_tokens double precision NOT NULL DEFAULT 0,
  llm_cost double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (state, dimension, key)
);

-- The count rows one document contributes (sign 1) or takes back (sign -1).
CREATE FUNCTION gongkai_count_rows(summary jsonb, sign integer)
RETURNS TABLE (state text, dimension text, key text, documents bigint, review_fields bigint, llm_documents bigint,
               llm_calls double precision, llm_input_tokens double precision, llm_output_tokens double precision, llm_cost double precision)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH document AS (
    SELECT summary ->> 'state' AS state,
           coalesce(summary ->> 'template', 'pending') AS template,
           coalesce(summary ->> 'year', 'unknown') AS year,
           sign::bigint AS one,
           sign * coalesce((summary ->> 'reviewCount')::bigint, 0) AS review_fields,
           CASE WHEN summary ? 'llmUsage' THEN sign ELSE 0 END::bigint AS llm_documents,
           sign * coalesce((summary -> 'llmUsage' ->> 'calls')::double precision, 0) AS llm_calls,
           sign * coalesce((summary -> 'llmUsage' ->> 'inputTokens')::double precision, 0) AS llm_input_tokens,
           sign * coalesce((summary -> 'llmUsage' ->> 'outputTokens')::double precision, 0) AS llm_output_tokens,
           sign * coalesce((summary -> 'llmUsage' ->> 'estimatedCost')::double precision, 0) AS llm_cost,
           CASE WHEN summary ? 'llmUsage' THEN coalesce(summary -> 'llmUsage' ->> 'currency', 'USD') END AS currency
    WHERE summary IS NOT NULL
  )
  SELECT state, 'all', '', one, review_fields, llm_documents, llm_calls, llm_input_tokens, llm_output_tokens, llm_cost FROM document
  UNION ALL SELECT state, 'template', template, one, review_fields, llm_documents, llm_calls, llm_input_tokens, llm_output_tokens, llm_cost FROM document
  UNION ALL SELECT state, 'year', year, one, 0, 0, 0, 0, 0, 0 FROM document
  UNION ALL SELECT state, 'template-year', template || '|' || year, one, 0, 0, 0, 0, 0, 0 FROM document
  UNION ALL SELECT state, 'agency', summary ->> 'agency', one, 0, 0, 0, 0, 0, 0 FROM document WHERE summary ->> 'agency' IS NOT NULL
  UNION ALL SELECT state, 'currency', currency, one, 0, 0, 0, 0, 0, 0 FROM document WHERE currency IS NOT NULL
  UNION ALL SELECT state, 'template-currency', template || '|' || currency, one, 0, 0, 0, 0, 0, 0 FROM document WHERE currency IS NOT NULL
  UNION ALL SELECT state, 'reason', reason, one, 0, 0, 0, 0, 0, 0 FROM document, jsonb_array_elements_text(coalesce(summary -> 'reasons', '[]')) AS reason
  UNION ALL SELECT state, 'reason-prefix', prefix, one, 0, 0, 0, 0, 0, 0 FROM document, unnest(gongkai_reason_prefixes(summary -> 'reasons')) AS prefix
$$;

-- Applies a statement's changes to the counts, once per statement (transition tables): a write of one document
-- and a bulk UPDATE of many cost one upsert per key changed. Only keys whose net change is not zero are touched
-- (a decision that keeps state, template and year locks nothing but the review-field sums), in key order, so
-- concurrent writers lock count rows in one order and never deadlock on them.
CREATE FUNCTION gongkai_count_documents() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_summaries jsonb[] := '{}';
  new_summaries jsonb[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT coalesce(array_agg(summary), '{}') INTO old_summaries FROM old_rows; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT coalesce(array_agg(summary), '{}') INTO new_summaries FROM new_rows; END IF;
  INSERT INTO document_counts AS counts
    (state, dimension, key, documents, review_fields, llm_documents, llm_calls, llm_input_tokens, llm_output_tokens, llm_cost)
  SELECT change.state, change.dimension, change.key, sum(change.documents), sum(change.review_fields), sum(change.llm_documents),
         sum(change.llm_calls), sum(change.llm_input_tokens), sum(change.llm_output_tokens), sum(change.llm_cost)
  FROM (
    SELECT counted.* FROM unnest(old_summaries) AS previous (summary), gongkai_count_rows(previous.summary, -1) AS counted
    UNION ALL
    SELECT counted.* FROM unnest(new_summaries) AS current (summary), gongkai_count_rows(current.summary, 1) AS counted
  ) AS change
  GROUP BY change.state, change.dimension, change.key
  HAVING sum(change.documents) <> 0 OR sum(change.review_fields) <> 0 OR sum(change.llm_documents) <> 0
      OR sum(change.llm_calls) <> 0 OR sum(change.llm_input_tokens) <> 0 OR sum(change.llm_output_tokens) <> 0 OR sum(change.llm_cost) <> 0
  ORDER BY change.state, change.dimension, change.key
  ON CONFLICT (state, dimension, key) DO UPDATE SET
    documents = counts.documents + EXCLUDED.documents,
    review_fields = counts.review_fields + EXCLUDED.review_fields,
    llm_documents = counts.llm_documents + EXCLUDED.llm_documents,
    llm_calls = counts.llm_calls + EXCLUDED.llm_calls,
    llm_input_tokens = counts.llm_input_tokens + EXCLUDED.llm_input_tokens,
    llm_output_tokens = counts.llm_output_tokens + EXCLUDED.llm_output_tokens,
    llm_cost = counts.llm_cost + EXCLUDED.llm_cost;
  RETURN NULL;
END
$$;
CREATE TRIGGER documents_counted_insert AFTER INSERT ON documents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gongkai_count_documents();
CREATE TRIGGER documents_counted_update AFTER UPDATE ON documents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gongkai_count_documents();
CREATE TRIGGER documents_counted_delete AFTER DELETE ON documents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gongkai_count_documents();

-- The documents already there.
INSERT INTO document_counts (state, dimension, key, documents, review_fields, llm_documents, llm_calls, llm_input_tokens, llm_output_tokens, llm_cost)
SELECT change.state, change.dimension, change.key, sum(change.documents), sum(change.review_fields), sum(change.llm_documents),
       sum(change.llm_calls), sum(change.llm_input_tokens), sum(change.llm_output_tokens), sum(change.llm_cost)
FROM documents, gongkai_count_rows(documents.summary, 1) AS change
GROUP BY change.state, change.dimension, change.key;
