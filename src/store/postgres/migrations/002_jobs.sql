-- Version 2: the work queue. Extraction of a document is a job, inserted by the store in the same transaction
-- that makes the document `queued` (submission, retry), so no queued document is ever without its job. Workers
-- take jobs with SELECT … FOR UPDATE SKIP LOCKED and hold them under a lease they renew (heartbeat): a job whose
-- worker died is taken again once its lease has run out.

CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  document_id text NOT NULL REFERENCES documents (id),
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  -- Times the job was taken (a retaken job after a worker died counts too).
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  -- Not before this time (backoff after a passing failure).
  run_after timestamptz NOT NULL DEFAULT now(),
  -- The worker holding a running job, and until when (renewed by its heartbeat).
  locked_by text,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

-- One open job per document and kind: a document queued again while its job waits gets no second one.
CREATE UNIQUE INDEX jobs_one_open_per_document ON jobs (kind, document_id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_due ON jobs (run_after, id) WHERE state = 'queued';
CREATE INDEX jobs_leases ON jobs (lease_until) WHERE state = 'running';
CREATE INDEX jobs_document ON jobs (document_id);

-- Documents already queued when the queue arrives get their job.
INSERT INTO jobs (kind, document_id) SELECT 'extract', id FROM documents WHERE state = 'queued';
