-- gongkai store on PostgreSQL, version 1: documents (index entry, record, decoded text), raw bytes, the audit
-- trail (append-only), accounts, sessions, API tokens and settings. Records are JSONB as the file store writes
-- them; the columns the queue filters and sorts on are generated from them, so they can never disagree.

CREATE TABLE documents (
  id text PRIMARY KEY,
  -- The index entry (DocumentSummary). Its version is what decisions name: UPDATE … WHERE version = $n.
  summary jsonb NOT NULL,
  -- The stored document without its decisions (they live in audit), NULL until the first extraction.
  document jsonb,
  -- The decoded text evidence offsets point into (NULL until extracted).
  text text,
  -- Bumped by every write, so a write that keeps the version still cannot overwrite a concurrent one.
  revision bigint NOT NULL DEFAULT 0,
  version integer GENERATED ALWAYS AS ((summary ->> 'version')::integer) STORED,
  state text GENERATED ALWAYS AS (summary ->> 'state') STORED,
  template text GENERATED ALWAYS AS (summary ->> 'template') STORED,
  year integer GENERATED ALWAYS AS ((summary ->> 'year')::integer) STORED,
  agency text GENERATED ALWAYS AS (summary ->> 'agency') STORED,
  submitted_at text GENERATED ALWAYS AS (summary ->> 'submittedAt') STORED
);

-- The queue's order (oldest submission first, then id) within a state tab, and its filters (documentFilter.ts).
CREATE INDEX documents_queue_order ON documents (state, submitted_at, id);
CREATE INDEX documents_template ON documents (template, state);
CREATE INDEX documents_year ON documents (year, state);
CREATE INDEX documents_agency ON documents (lower(agency));
CREATE INDEX documents_reasons ON documents USING gin ((summary -> 'reasons'));

-- Raw bytes exactly as submitted, content-addressed (the id is their sha256).
CREATE TABLE blobs (
  id text PRIMARY KEY REFERENCES documents (id),
  bytes bytea NOT NULL
);

-- Every decision on a document, in order. Rows are only ever inserted: UPDATE, DELETE and TRUNCATE are refused
-- by the database itself, whatever the application does.
CREATE TABLE audit (
  document_id text NOT NULL REFERENCES documents (id),
  position integer NOT NULL,
  decision jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, position)
);

CREATE FUNCTION gongkai_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only (% refused)', TG_OP;
END
$$;
CREATE TRIGGER audit_no_update_or_delete BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION gongkai_audit_is_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION gongkai_audit_is_append_only();

CREATE TABLE accounts (
  username text PRIMARY KEY,
  account jsonb NOT NULL
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  username text NOT NULL,
  -- Milliseconds since the epoch (Date.parse of expiresAt), for dropping expired sessions in SQL.
  expires_at_ms bigint NOT NULL,
  session jsonb NOT NULL
);
CREATE INDEX sessions_username ON sessions (username);

CREATE TABLE tokens (
  id text PRIMARY KEY,
  username text NOT NULL,
  token_hash text NOT NULL,
  token jsonb NOT NULL
);
CREATE INDEX tokens_username ON tokens (username);
CREATE INDEX tokens_hash ON tokens (token_hash);

CREATE TABLE settings (
  name text PRIMARY KEY,
  value jsonb NOT NULL
);
