import type { DocumentFilter, DocumentPage } from '../review/documentFilter.ts';
import type { TemplateId } from '../record/ExtractionRecord.ts';
import type { DocumentCounts } from './documentCounts.ts';
import type { Account, ApiToken, DocumentSummary, Session, Settings, StoredDocument } from './storeSchemas.ts';

/** A document's index entry with its stored body (absent until extraction has produced one). */
export interface DocumentEntry {
  readonly summary: DocumentSummary;
  readonly document: StoredDocument | undefined;
}

/** What an update returns: the new entry, plus the decoded text when it is new (written once, with the body). */
/**
 * What else changes, in the same durable write, when an account is saved: a password change or reset ends the
 * account's sessions and revokes its API tokens, and the caller's own new session replaces the old ones.
 */
export interface AccountChangeEffects {
  readonly endSessions?: boolean;
  readonly revokeTokens?: boolean;
  /** A session saved with the change (the password changer stays logged in). */
  readonly newSession?: Session;
}

/** A document file the store could not read (quarantined: refused, never overwritten, listed by the stats). */
export interface QuarantinedDocument {
  readonly id: string;
  /** Path inside the data directory (never absolute: it may be shown to any reviewer). */
  readonly file: string;
  readonly problem: string;
}

export interface DocumentUpdate {
  readonly summary: DocumentSummary;
  readonly document: StoredDocument | undefined;
  readonly text?: string;
}

/**
 * Documents with their decisions and audit trail: everything a submission, an extraction and a review change.
 * They change together (a decision rewrites the record, the summary and the audit trail in one update), so one
 * interface holds them.
 */
export interface DocumentStore {
  /** Every document's index entry, in no particular order (callers sort). */
  listDocuments(): Promise<readonly DocumentSummary[]>;
  /** One document's index entry. */
  findDocument(id: string): Promise<DocumentSummary | undefined>;
  /**
   * Stores the raw bytes (content-addressed) and then the index entry, unless a document with this id exists:
   * then nothing is written and the existing entry is returned with `created: false`.
   */
  createDocument(summary: DocumentSummary, bytes: Uint8Array): Promise<{ readonly created: boolean; readonly summary: DocumentSummary }>;
  /**
   * The stored body of a processed document. Throws GongkaiError('store-corrupt') for an unreadable file, and
   * from then on lists it in quarantinedDocuments().
   */
  readDocument(id: string): Promise<StoredDocument | undefined>;
  /** The decoded text evidence offsets point into. */
  readText(id: string): Promise<string | undefined>;
  /** The raw bytes, exactly as submitted. */
  readBlob(id: string): Promise<Uint8Array | undefined>;
  /**
   * Reads the entry, applies `update` and writes the result (body and text first, then the index entry), one
   * update per document at a time. If `update` throws, nothing is written. Throws GongkaiError('not-found').
   * An adapter shared by several processes may call `update` again on a fresh entry when another process
   * changed the document in between (so `update` must be a function of its argument); a stale decision then
   * fails in `update` with the usual GongkaiError('conflict').
   */
  updateDocument(id: string, update: (current: DocumentEntry) => DocumentUpdate | Promise<DocumentUpdate>): Promise<DocumentEntry>;
  /** Document files found unreadable so far (see readDocument). */
  quarantinedDocuments(): Promise<readonly QuarantinedDocument[]>;
  /**
   * One page of the queue or document list, answered by the store itself (the PostgreSQL adapter, with its
   * indexes); the same answer as filterDocuments over listDocuments(), which callers use when it is absent.
   */
  queryDocuments?(filter: DocumentFilter): Promise<DocumentPage>;
  /**
   * The counts of the stats (per state, per template, fields in review, LLM usage), kept by the store itself (the
   * PostgreSQL adapter's counting trigger); the same answer as countSummaries over listDocuments(), which callers
   * use when it is absent.
   */
  countDocuments?(): Promise<DocumentCounts>;
  /**
   * The wide rows of the committed documents of a template (values in the order of `fieldIds`), in queue order,
   * streamed from the store in batches so memory stays flat however many there are. Absent: the export reads
   * the records (committedDocuments).
   */
  committedWideRows?(template: TemplateId, fieldIds: readonly string[]): AsyncIterable<CommittedWideRow>;
}

/** What a wide export needs of a committed document: its document columns and its values, in the asked order of fields. */
export interface CommittedWideRow {
  readonly document: string;
  readonly sha256: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly template: TemplateId;
  readonly values: readonly (number | null)[];
}

/** Who may use the service: accounts, their login sessions and API tokens (a password change touches all three). */
export interface AccountStore {
  listAccounts(): Promise<readonly Account[]>;
  findAccount(username: string): Promise<Account | undefined>;
  /**
   * Creates or replaces the account with this username, with its `effects`, in one durable write. Like every
   * write of accounts, sessions, tokens and settings: when the write fails, memory is left as it was.
   */
  saveAccount(account: Account, effects?: AccountChangeEffects): Promise<void>;
  /**
   * Creates the account unless one with this username exists (then changes nothing and returns false): the
   * first admin, when several servers start at once on one database, is created by exactly one of them.
   */
  createAccount(account: Account): Promise<boolean>;

  findSession(idHash: string): Promise<Session | undefined>;
  /** Saves a session and drops the sessions expired at `now`. */
  saveSession(session: Session, now: Date): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of an account (password reset, disabled account). */
  deleteSessionsOf(username: string): Promise<void>;

  listTokens(): Promise<readonly ApiToken[]>;
  findTokenByHash(tokenHash: string): Promise<ApiToken | undefined>;
  saveToken(token: ApiToken): Promise<void>;
  deleteToken(id: string): Promise<void>;
  /** Revokes every API token of an account; returns how many there were. */
  deleteTokensOf(username: string): Promise<number>;
}

/** The service's settings an admin changes (public downloads). */
export interface SettingsStore {
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
}

/**
 * The persistence the service depends on: the three parts composed into one object (composeStore), so the
 * rest of the code keeps one handle. Three adapters pass the same contract tests (store/storeContract.test.ts):
 * memory (tests, demos), file (sharded lowdb files with durable, batched writes; one process) and PostgreSQL
 * (several servers and workers on one database).
 *
 * Every write resolves only once it is durable. Returned objects are snapshots the caller must not mutate.
 */
export interface Store extends DocumentStore, AccountStore, SettingsStore {
  /** Waits for pending writes and releases the store (the file adapter's directory lock, a database pool). */
  close(): Promise<void>;
}
