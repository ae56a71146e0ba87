import type { Sql, TransactionSql } from 'postgres';

/**
 * The kinds of work in the queue: a document's extraction, and its LLM work still pending (sections whose model
 * call failed for a passing reason: endpoint down, rate limit), run again with backoff until done.
 */
export type JobKind = 'extract' | 'llm';

/** Takes of an LLM job before it gives up: effectively never (the file queue retries for ever, at most hourly). */
const LLM_MAX_ATTEMPTS = 10_000;

/** States a job goes through: queued → running → done, or back to queued (backoff), or failed. */
export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** A job as a worker holds it. */
export interface Job {
  readonly id: string;
  readonly kind: JobKind;
  readonly documentId: string;
  /** Times taken so far, this one included. */
  readonly attempts: number;
  readonly maxAttempts: number;
}

/**
 * Queues the extraction of a document, inside the transaction that makes it `queued` (the store's), unless
 * an open job for it exists already.
 */
export async function enqueueExtraction(transaction: TransactionSql, documentId: string): Promise<void> {
  await transaction`
    INSERT INTO jobs (kind, document_id) VALUES ('extract', ${documentId})
    ON CONFLICT (kind, document_id) WHERE state IN ('queued', 'running') DO NOTHING`;
}

/**
 * Queues the LLM work of a document before its model calls start (unless it is queued already), due after
 * `delayMs`: a worker that dies in the middle leaves it queued, so no pending section is forgotten. The worker
 * that finishes the calls marks it done (finishLlmWork) or puts it back with backoff (deferJob).
 */
export async function enqueueLlmWork(sql: Sql, documentId: string, delayMs: number): Promise<void> {
  await sql`
    INSERT INTO jobs (kind, document_id, max_attempts, run_after)
    VALUES ('llm', ${documentId}, ${LLM_MAX_ATTEMPTS}, now() + make_interval(secs => ${delayMs / 1000}))
    ON CONFLICT (kind, document_id) WHERE state IN ('queued', 'running') DO NOTHING`;
}

/** The document's queued LLM work is done (nothing left pending). */
export async function finishLlmWork(sql: Sql, documentId: string): Promise<void> {
  await sql`
    UPDATE jobs SET state = 'done', finished_at = now(), updated_at = now()
    WHERE kind = 'llm' AND document_id = ${documentId} AND state = 'queued'`;
}

/** Why the document's queued LLM work waits (shown by the status). */
export async function noteLlmWork(sql: Sql, documentId: string, reason: string): Promise<void> {
  await sql`UPDATE jobs SET last_error = ${reason}, updated_at = now() WHERE kind = 'llm' AND document_id = ${documentId} AND state = 'queued'`;
}

/** A held job back in the queue, due after `delayMs` (work that is not finished but has not failed). */
export async function deferJob(sql: Sql, job: Job, workerId: string, reason: string, delayMs: number): Promise<void> {
  await sql`
    UPDATE jobs SET state = 'queued', last_error = ${reason}, lease_until = NULL, locked_by = NULL,
                    run_after = now() + make_interval(secs => ${delayMs / 1000}), updated_at = now()
    WHERE id = ${job.id}::bigint AND state = 'running' AND locked_by = ${workerId}`;
}

/**
 * Takes the next due job: a running one whose lease ran out (its worker died or lost the database) first, then
 * the queued one due first. SKIP LOCKED: workers taking at once never wait for each other nor take the same
 * job. Each probe reads the first entries of its partial index (jobs_leases, jobs_due), so taking a job costs
 * the same with 100,000 jobs waiting or done as with ten. The job is leased to `workerId` for `leaseMs`; the
 * worker must renew it (renewLease) while it works. Returns undefined when nothing is due.
 */
export async function takeJob(sql: Sql, workerId: string, leaseMs: number): Promise<Job | undefined> {
  const take = async (due: ReturnType<Sql['unsafe']>) => {
    const [row] = await sql<{ id: string; kind: JobKind; document_id: string; attempts: number; max_attempts: number }[]>`
      UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ${workerId},
                      lease_until = now() + make_interval(secs => ${leaseMs / 1000}), updated_at = now()
      WHERE id = (${due})
      RETURNING id::text AS id, kind, document_id, attempts, max_attempts`;
    return row && { id: row.id, kind: row.kind, documentId: row.document_id, attempts: row.attempts, maxAttempts: row.max_attempts };
  };
  return await take(sql`
      SELECT id FROM jobs WHERE state = 'running' AND lease_until < now() AND attempts < max_attempts
      ORDER BY lease_until FOR UPDATE SKIP LOCKED LIMIT 1`)
    ?? await take(sql`
      SELECT id FROM jobs WHERE state = 'queued' AND run_after <= now() AND attempts < max_attempts
      ORDER BY run_after, id FOR UPDATE SKIP LOCKED LIMIT 1`);
}

/** Renews a job's lease (heartbeat). False when the worker no longer holds it (its lease ran out and another took it). */
export async function renewLease(sql: Sql, job: Job, workerId: string, leaseMs: number): Promise<boolean> {
  const renewed = await sql`
    UPDATE jobs SET lease_until = now() + make_interval(secs => ${leaseMs / 1000}), updated_at = now()
    WHERE id = ${job.id}::bigint AND state = 'running' AND locked_by = ${workerId}`;
  return renewed.count === 1;
}

/** Marks a held job done. False when the worker no longer held it (another worker finishes it). */
export async function completeJob(sql: Sql, job: Job, workerId: string): Promise<boolean> {
  const done = await sql`
    UPDATE jobs SET state = 'done', finished_at = now(), lease_until = NULL, updated_at = now()
    WHERE id = ${job.id}::bigint AND state = 'running' AND locked_by = ${workerId}`;
  return done.count === 1;
}

/**
 * After a failure: queued again after a backoff (doubling from `baseBackoffMs`, at most an hour) while attempts
 * are left and the failure may pass; otherwise failed for good. The error text is kept for the status.
 */
export async function failJob(sql: Sql, job: Job, workerId: string, error: string, options: { readonly permanent: boolean; readonly baseBackoffMs: number }): Promise<JobState> {
  const final = options.permanent || job.attempts >= job.maxAttempts;
  const backoffMs = Math.min(options.baseBackoffMs * 2 ** (job.attempts - 1), 3_600_000);
  await sql`
    UPDATE jobs SET state = ${final ? 'failed' : 'queued'}, last_error = ${error}, lease_until = NULL, locked_by = NULL,
                    run_after = now() + make_interval(secs => ${backoffMs / 1000}), updated_at = now(),
                    finished_at = ${final ? sql`now()` : null}
    WHERE id = ${job.id}::bigint AND state = 'running' AND locked_by = ${workerId}`;
  return final ? 'failed' : 'queued';
}

/**
 * Jobs whose lease ran out with no attempt left (their worker died each time): failed, so they are visible and
 * the document can be marked failed. Returns their document ids.
 */
export async function failExhaustedJobs(sql: Sql): Promise<readonly string[]> {
  const rows = await sql<{ document_id: string }[]>`
    UPDATE jobs SET state = 'failed', last_error = 'the worker stopped during every attempt (lease ran out)', lease_until = NULL,
                    finished_at = now(), updated_at = now()
    WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts
    RETURNING document_id`;
  return rows.map((row) => row.document_id);
}

/** Jobs per state, for the status line (visible state of the queue). */
export async function countJobs(sql: Sql): Promise<Readonly<Record<JobState, number>>> {
  const rows = await sql<{ state: JobState; count: number }[]>`SELECT state, count(*)::integer AS count FROM jobs GROUP BY state`;
  const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.state] = row.count;
  return counts;
}
