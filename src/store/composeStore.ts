import type { AccountStore, DocumentStore, SettingsStore, Store } from './Store.ts';

/** The parts of a store and how to release what they share (a directory lock, a connection pool). */
export interface StoreParts {
  readonly documents: DocumentStore;
  readonly accounts: AccountStore;
  readonly settings: SettingsStore;
  close(): Promise<void>;
}

/**
 * One Store object over its three parts. Methods are bound to their part, so an adapter may implement a part
 * as a class; callers keep using the single handle (`store.findAccount`, `store.updateDocument`, …).
 */
export function composeStore(parts: StoreParts): Store {
  const { documents, accounts, settings } = parts;
  return {
    listDocuments: () => documents.listDocuments(),
    findDocument: (id) => documents.findDocument(id),
    createDocument: (summary, bytes) => documents.createDocument(summary, bytes),
    readDocument: (id) => documents.readDocument(id),
    readText: (id) => documents.readText(id),
    readBlob: (id) => documents.readBlob(id),
    updateDocument: (id, update) => documents.updateDocument(id, update),
    quarantinedDocuments: () => documents.quarantinedDocuments(),
    ...(documents.queryDocuments ? { queryDocuments: (filter: Parameters<NonNullable<DocumentStore['queryDocuments']>>[0]) => documents.queryDocuments!(filter) } : {}),
    ...(documents.countDocuments ? { countDocuments: () => documents.countDocuments!() } : {}),
    ...(documents.committedWideRows ? { committedWideRows: (...args: Parameters<NonNullable<DocumentStore['committedWideRows']>>) => documents.committedWideRows!(...args) } : {}),

    listAccounts: () => accounts.listAccounts(),
    findAccount: (username) => accounts.findAccount(username),
    saveAccount: (account, effects) => accounts.saveAccount(account, effects),
    createAccount: (account) => accounts.createAccount(account),
    findSession: (idHash) => accounts.findSession(idHash),
    saveSession: (session, now) => accounts.saveSession(session, now),
    deleteSession: (idHash) => accounts.deleteSession(idHash),
    deleteSessionsOf: (username) => accounts.deleteSessionsOf(username),
    listTokens: () => accounts.listTokens(),
    findTokenByHash: (tokenHash) => accounts.findTokenByHash(tokenHash),
    saveToken: (token) => accounts.saveToken(token),
    deleteToken: (id) => accounts.deleteToken(id),
    deleteTokensOf: (username) => accounts.deleteTokensOf(username),

    getSettings: () => settings.getSettings(),
    saveSettings: (next) => settings.saveSettings(next),
    close: () => parts.close(),
  };
}
