-- Version 4: the reviewers' agency identities (issue 12's confirm / merge / keep-apart decisions), shared by every
-- server on the database. The file store keeps them in agencies.json beside its data; on PostgreSQL a decision
-- taken on one server must be the one every other server and worker resolves agency keys with.

-- The current identities: one row, rewritten by each decision under a row lock (decisions are rare and small).
CREATE TABLE agency_identities (
  id integer PRIMARY KEY CHECK (id = 1),
  identities jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO agency_identities (id) VALUES (1);

-- Every decision, oldest first: the audit trail of identities, append-only like the documents' audit.
CREATE TABLE agency_decisions (
  id bigserial PRIMARY KEY,
  decision jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER agency_decisions_no_update_or_delete BEFORE UPDATE OR DELETE ON agency_decisions
  FOR EACH ROW EXECUTE FUNCTION gongkai_audit_is_append_only();
CREATE TRIGGER agency_decisions_no_truncate BEFORE TRUNCATE ON agency_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION gongkai_audit_is_append_only();
