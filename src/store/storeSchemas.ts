import { z } from 'zod';
import { extractionRecordSchema, fieldMethodSchema, fieldStatusSchema, templateIdSchema } from '../record/ExtractionRecord.ts';

/** Version of every file the store writes; a file with another version is refused, never rewritten. */
export const STORE_SCHEMA_VERSION = 1;

/**
 * Where a document stands. `queued`: extraction pending; `review`: fields wait for a person (or
 * the template is unknown); `committed`: no field in review, its values are in the dataset; `rejected` by a
 * reviewer; `failed`: extraction threw (the error says why).
 */
export const documentStateSchema = z.enum(['queued', 'review', 'committed', 'rejected', 'failed']);
/** Where a document stands. */
export type DocumentState = z.infer<typeof documentStateSchema>;

/** The index entry of a document: everything the queue, the lists and the export filter on, kept small. */
export const documentSummarySchema = z.object({
  /** The sha256 of the raw bytes (hex): the same bytes are the same document. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  size: z.number().int().nonnegative(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  state: documentStateSchema,
  /** Bumped on every change; decisions name the version they were made on. */
  version: z.number().int().nonnegative(),
  template: templateIdSchema.nullable(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  fieldCount: z.number().int().nonnegative(),
  reviewCount: z.number().int().nonnegative(),
  /** Why fields need a person: `rule:<id>`, `warning:<id>`, `missing`, `proposed-zero`, `low-confidence`, `unknown-template`, … */
  reasons: z.array(z.string()),
  updatedAt: z.string(),
  committedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** What the LLM cost on this document, all runs together (absent when it made no call): summed by the stats. */
  llmUsage: z.object({
    calls: z.number(),
    inputTokens: z.number(),
    outputTokens: z.number(),
    estimatedCost: z.number(),
    currency: z.string().optional(),
  }).optional(),
});
/** The index entry of a document. */
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** A field's state before or after a decision. */
export const fieldSnapshotSchema = z.object({
  value: z.number().nullable(),
  status: fieldStatusSchema,
  method: fieldMethodSchema,
});
/** A field's state before or after a decision. */
export type FieldSnapshot = z.infer<typeof fieldSnapshotSchema>;

/** What a reviewer (or the service on their behalf) did. */
export const decisionActionSchema = z.enum(['approve', 'correct', 'blank', 'approve-auto', 'cleared', 'reject', 'meta']);
/** What a reviewer did. */
export type DecisionAction = z.infer<typeof decisionActionSchema>;

/** One audit entry: who, when, on which version, old → new, and what the reviewer was shown. */
export const decisionSchema = z.object({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  action: decisionActionSchema,
  /** The field decided on (null for document-level decisions: reject, meta). */
  fieldId: z.string().nullable(),
  /** The document version the decision was made on. */
  version: z.number().int().nonnegative(),
  old: fieldSnapshotSchema.nullable(),
  new: fieldSnapshotSchema.nullable(),
  /** The reasons on screen when the decision was made (the field's issues and the rules failing then). */
  reasonShown: z.array(z.string()),
  /** The reviewer's note (required for reject), or what the service did (cleared). */
  note: z.string(),
  /** Rules the reviewer confirmed breaking with this decision. */
  confirmedRules: z.array(z.string()),
  /** Old/new agency and year for `meta` decisions. */
  meta: z.object({ old: z.object({ agency: z.string().nullable(), year: z.number().int().nullable() }), new: z.object({ agency: z.string().nullable(), year: z.number().int().nullable() }) }).optional(),
});
/** One audit entry. */
export type Decision = z.infer<typeof decisionSchema>;

/** One LLM request made for a document (pipeline/DocumentProcessor's LlmCallUsage). */
export const llmCallSchema = z.object({
  section: z.string(),
  attempt: z.enum(['answer', 'repair']),
  inputTokens: z.number(),
  outputTokens: z.number(),
  estimatedCost: z.number(),
  cached: z.boolean(),
  usageReported: z.boolean(),
  outcome: z.enum(['ok', 'invalid', 'refused', 'empty', 'truncated', 'filtered', 'failed']),
});

/** How the document was processed (shown in the UI next to the record). */
export const processingInfoSchema = z.object({
  encoding: z.string(),
  llm: z.enum(['off', 'not-needed', 'used', 'failed']),
  /** LLM tokens and estimated cost, all runs on this document together (a resumed run adds to the first). */
  usage: z.object({
    calls: z.number(),
    inputTokens: z.number(),
    outputTokens: z.number(),
    estimatedCost: z.number(),
    model: z.string(),
    promptVersion: z.string(),
    currency: z.string().optional(),
    cachedSections: z.number().optional(),
    callDetails: z.array(llmCallSchema).optional(),
  }).nullable(),
  messages: z.array(z.string()),
  processedAt: z.string(),
});
/** How the document was processed. */
export type ProcessingInfo = z.infer<typeof processingInfoSchema>;

/** A processed document as stored: the record (updated by decisions), how it was made, and its audit trail. */
export const storedDocumentSchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  id: z.string(),
  version: z.number().int().nonnegative(),
  record: extractionRecordSchema,
  processing: processingInfoSchema,
  rejected: z.object({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
  decisions: z.array(decisionSchema),
});
/** A processed document as stored. */
export type StoredDocument = z.infer<typeof storedDocumentSchema>;

/** Account roles: reviewers review and download; admins also manage accounts, tokens and settings. */
export const roleSchema = z.enum(['reviewer', 'admin']);
/** An account role. */
export type Role = z.infer<typeof roleSchema>;

/** A person who can log in. */
export const accountSchema = z.object({
  username: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  role: roleSchema,
  /** `scrypt$N$r$p$salt$key` (base64url). */
  passwordHash: z.string(),
  createdAt: z.string(),
  disabled: z.boolean(),
});
/** A person who can log in. */
export type Account = z.infer<typeof accountSchema>;

/** A login session; the cookie carries the secret, the store only its sha256. */
export const sessionSchema = z.object({
  idHash: z.string(),
  username: z.string(),
  csrfToken: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
/** A login session. */
export type Session = z.infer<typeof sessionSchema>;

/** An API token for scripted submission; the store keeps only its sha256. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  tokenHash: z.string(),
  createdAt: z.string(),
});
/** An API token. */
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** Service-wide settings an admin changes. */
export const settingsSchema = z.object({
  /** When true, anyone (no login) may download the dataset. */
  publicDownloads: z.boolean(),
});
/** Service-wide settings. */
export type Settings = z.infer<typeof settingsSchema>;

/** The small meta file: accounts, sessions, tokens, settings. */
export const metaFileSchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  accounts: z.array(accountSchema),
  sessions: z.array(sessionSchema),
  tokens: z.array(apiTokenSchema),
  settings: settingsSchema,
});
/** The meta file. */
export type MetaFile = z.infer<typeof metaFileSchema>;

/** One shard of the document index (documents whose id starts with the shard's two hex digits). */
export const indexShardSchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  documents: z.array(documentSummarySchema),
});
/** One shard of the document index. */
export type IndexShard = z.infer<typeof indexShardSchema>;

/**
 * A write-ahead record of a document update (`journal/<id>.json`): the index entry about to be written, and the
 * sha256 of the document file written in the same batch. Opening the store finds the records a crash left and
 * brings the index entry up to the document file when that file is the one the record names (recoverStore).
 */
export const journalEntrySchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  summary: documentSummarySchema,
});
/** A write-ahead record of a document update. */
export type JournalEntry = z.infer<typeof journalEntrySchema>;
