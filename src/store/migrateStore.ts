import { createHash } from 'node:crypto';
import { GongkaiError } from '../errors/GongkaiError.ts';
import type { Store } from './Store.ts';
import type { StoredDocument } from './storeSchemas.ts';

/** What a copy did, and what the check afterwards found. */
export interface MigrationReport {
  /** Documents new in the target. */
  readonly copied: number;
  /** Documents the source had moved on (more decisions, a newer version): brought up to it. */
  readonly updated: number;
  /** Documents already identical in the target. */
  readonly unchanged: number;
  /** Documents the target has moved past or decided differently (worked on there): left alone, listed. */
  readonly newerInTarget: readonly string[];
  readonly accounts: number;
  readonly tokens: number;
  /** Counts and hashes compared after the copy (documents, decisions, accounts, tokens). */
  readonly verified: {
    readonly documents: number;
    readonly decisions: number;
    readonly accounts: number;
    readonly tokens: number;
    /** Documents whose hash differs between the stores (empty when the copy is whole). */
    readonly mismatched: readonly string[];
  };
}

/**
 * Copies one store into another (a file store into PostgreSQL): every document with its raw bytes, decoded
 * text, record and audit trail, every account, API token and the settings; then compares the two, counts and a
 * sha256 per document over its index entry, record, audit trail, text and bytes. Re-running is safe: identical
 * documents are skipped, documents the source has moved on are brought up to it (their audit trail only
 * grows), and a document the target has moved past is never overwritten. Sessions are not copied (everyone
 * logs in again on the new store).
 */
export async function migrateStore(source: Store, target: Store, log: (line: string) => void = () => {}): Promise<MigrationReport> {
  let copied = 0;
  let updated = 0;
  let unchanged = 0;
  const newerInTarget: string[] = [];
  const summaries = await source.listDocuments();
  for (const [index, summary] of summaries.entries()) {
    const [document, text, bytes] = await Promise.all([source.readDocument(summary.id), source.readText(summary.id), source.readBlob(summary.id)]);
    if (!bytes) throw new GongkaiError('store-corrupt', `the raw bytes of ${summary.id} are missing from the source store`, { id: summary.id });
    const { created } = await target.createDocument(summary, bytes);
    const existing = await target.readDocument(summary.id);
    const targetSummary = await target.findDocument(summary.id);
    const same = !created && hashOf(targetSummary, existing, await target.readText(summary.id), bytes) === hashOf(summary, document, text, bytes);
    if (same) {
      unchanged++;
    } else if (!created && targetSummary && targetSummary.version > summary.version) {
      newerInTarget.push(summary.id);
    } else if (created && !document && text === undefined) {
      copied++;
    } else {
      try {
        await target.updateDocument(summary.id, () => ({ summary, document, ...(text === undefined ? {} : { text }) }));
        if (created) copied++;
        else updated++;
      } catch (error) {
        // A target whose audit trail went another way (decided there at the same version) is not rewritten.
        if (created || !(error instanceof GongkaiError)) throw error;
        newerInTarget.push(summary.id);
      }
    }
    if ((index + 1) % 1000 === 0) log(`${index + 1} of ${summaries.length} documents`);
  }

  const targetAccounts = new Map((await target.listAccounts()).map((account) => [account.username, account]));
  let accounts = 0;
  for (const account of await source.listAccounts()) {
    if (JSON.stringify(canonical(targetAccounts.get(account.username))) === JSON.stringify(canonical(account))) continue;
    await target.saveAccount(account);
    accounts++;
  }
  const targetTokens = new Set((await target.listTokens()).map((token) => token.id));
  let tokens = 0;
  for (const token of await source.listTokens()) {
    if (targetTokens.has(token.id)) continue;
    await target.saveToken(token);
    tokens++;
  }
  await target.saveSettings(await source.getSettings());

  return { copied, updated, unchanged, newerInTarget, accounts, tokens, verified: await verifyCopy(source, target, new Set(newerInTarget)) };
}

/** Counts and per-document hashes of the source found again in the target (documents newer there excepted). */
async function verifyCopy(source: Store, target: Store, skipped: ReadonlySet<string>): Promise<MigrationReport['verified']> {
  const mismatched: string[] = [];
  let decisions = 0;
  const summaries = await source.listDocuments();
  for (const summary of summaries) {
    if (skipped.has(summary.id)) continue;
    const [document, text, bytes] = await Promise.all([source.readDocument(summary.id), source.readText(summary.id), source.readBlob(summary.id)]);
    const [copySummary, copyDocument, copyText, copyBytes] = await Promise.all([
      target.findDocument(summary.id), target.readDocument(summary.id), target.readText(summary.id), target.readBlob(summary.id),
    ]);
    decisions += document?.decisions.length ?? 0;
    if (!copyBytes || hashOf(summary, document, text, bytes) !== hashOf(copySummary, copyDocument, copyText, copyBytes)) mismatched.push(summary.id);
  }
  const targetAccounts = new Set((await target.listAccounts()).map((account) => account.username));
  const targetTokens = new Set((await target.listTokens()).map((token) => token.id));
  const sourceAccounts = await source.listAccounts();
  const sourceTokens = await source.listTokens();
  for (const account of sourceAccounts) if (!targetAccounts.has(account.username)) mismatched.push(`account ${account.username}`);
  for (const token of sourceTokens) if (!targetTokens.has(token.id)) mismatched.push(`token ${token.id}`);
  return { documents: summaries.length, decisions, accounts: sourceAccounts.length, tokens: sourceTokens.length, mismatched };
}

/** sha256 over a document's parts in a key-order-free form (JSONB does not keep key order). */
function hashOf(summary: unknown, document: StoredDocument | undefined, text: string | undefined, bytes: Uint8Array | undefined): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(canonical({ summary, document: document ?? null, text: text ?? null })));
  if (bytes) hash.update(bytes);
  return hash.digest('hex');
}

/** The value with object keys sorted (and undefined members dropped, as JSON does), for comparison. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, member]) => [key, canonical(member)]));
}
