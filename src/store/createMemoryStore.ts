import { GongkaiError } from '../errors/GongkaiError.ts';
import { composeStore } from './composeStore.ts';
import { KeyedMutex } from './KeyedMutex.ts';
import type { AccountStore, DocumentEntry, DocumentStore, SettingsStore, Store } from './Store.ts';
import type { Account, ApiToken, DocumentSummary, Session, Settings, StoredDocument } from './storeSchemas.ts';

/**
 * A Store kept in memory: nothing survives the process. Values are copied in and out, so callers see the same
 * snapshot semantics as with the file store.
 */
export function createMemoryStore(): Store {
  return composeStore({
    documents: createMemoryDocumentStore(),
    accounts: createMemoryAccountStore(),
    settings: createMemorySettingsStore(),
    async close() {},
  });
}

/** Documents, decisions and audit trail in memory. */
export function createMemoryDocumentStore(): DocumentStore {
  const summaries = new Map<string, DocumentSummary>();
  const documents = new Map<string, StoredDocument>();
  const texts = new Map<string, string>();
  const blobs = new Map<string, Uint8Array>();
  const mutex = new KeyedMutex();
  return {
    async listDocuments() {
      return [...summaries.values()];
    },
    async findDocument(id) {
      return summaries.get(id);
    },
    async createDocument(summary, bytes) {
      const existing = summaries.get(summary.id);
      if (existing) return { created: false, summary: existing };
      blobs.set(summary.id, new Uint8Array(bytes));
      const copy = structuredClone(summary);
      summaries.set(summary.id, copy);
      return { created: true, summary: copy };
    },
    async readDocument(id) {
      const document = documents.get(id);
      return document ? structuredClone(document) : undefined;
    },
    async readText(id) {
      return texts.get(id);
    },
    async readBlob(id) {
      const bytes = blobs.get(id);
      return bytes ? new Uint8Array(bytes) : undefined;
    },
    updateDocument(id, update) {
      return mutex.run(id, async (): Promise<DocumentEntry> => {
        const summary = summaries.get(id);
        if (!summary) throw new GongkaiError('not-found', `no document ${id}`, { id });
        const existing = documents.get(id);
        const next = await update({ summary, document: existing ? structuredClone(existing) : undefined });
        const nextSummary = structuredClone(next.summary);
        if (next.document) documents.set(id, structuredClone(next.document));
        if (next.text !== undefined) texts.set(id, next.text);
        summaries.set(id, nextSummary);
        return { summary: nextSummary, document: next.document ? structuredClone(next.document) : undefined };
      });
    },
    async quarantinedDocuments() {
      return [];
    },
  };
}

/** Accounts, sessions and API tokens in memory. */
export function createMemoryAccountStore(): AccountStore {
  const accounts = new Map<string, Account>();
  let sessions: Session[] = [];
  let tokens: ApiToken[] = [];
  return {
    async listAccounts() {
      return [...accounts.values()];
    },
    async findAccount(username) {
      return accounts.get(username);
    },
    async saveAccount(account, effects = {}) {
      accounts.set(account.username, structuredClone(account));
      if (effects.endSessions) sessions = sessions.filter((session) => session.username !== account.username);
      if (effects.revokeTokens) tokens = tokens.filter((token) => token.username !== account.username);
      if (effects.newSession) sessions.push(structuredClone(effects.newSession));
    },
    async createAccount(account) {
      if (accounts.has(account.username)) return false;
      accounts.set(account.username, structuredClone(account));
      return true;
    },

    async findSession(idHash) {
      return sessions.find((session) => session.idHash === idHash);
    },
    async saveSession(session, now) {
      sessions = sessions.filter((other) => other.idHash !== session.idHash && Date.parse(other.expiresAt) > now.getTime());
      sessions.push(structuredClone(session));
    },
    async deleteSession(idHash) {
      sessions = sessions.filter((session) => session.idHash !== idHash);
    },
    async deleteSessionsOf(username) {
      sessions = sessions.filter((session) => session.username !== username);
    },

    async listTokens() {
      return [...tokens];
    },
    async findTokenByHash(tokenHash) {
      return tokens.find((token) => token.tokenHash === tokenHash);
    },
    async saveToken(token) {
      tokens = [...tokens.filter((other) => other.id !== token.id), structuredClone(token)];
    },
    async deleteToken(id) {
      tokens = tokens.filter((token) => token.id !== id);
    },
    async deleteTokensOf(username) {
      const count = tokens.filter((token) => token.username === username).length;
      tokens = tokens.filter((token) => token.username !== username);
      return count;
    },
  };
}

/** Settings in memory. */
export function createMemorySettingsStore(): SettingsStore {
  let settings: Settings = { publicDownloads: false };
  return {
    async getSettings() {
      return { ...settings };
    },
    async saveSettings(next) {
      settings = { ...next };
    },
  };
}
