import type { Sql, TransactionSql } from 'postgres';
import type { AccountStore } from '../Store.ts';
import type { Account, ApiToken, Session } from '../storeSchemas.ts';

/**
 * Accounts, sessions and API tokens in PostgreSQL. An account saved with its effects (sessions ended, tokens
 * revoked, the changer's new session) is one transaction: all of it or nothing.
 */
export function createPostgresAccountStore(sql: Sql): AccountStore {
  const insertSession = (transaction: TransactionSql, session: Session) => transaction`
    INSERT INTO sessions (id_hash, username, expires_at_ms, session)
    VALUES (${session.idHash}, ${session.username}, ${expiryOf(session)}, ${sql.json(session as never)})
    ON CONFLICT (id_hash) DO UPDATE SET username = EXCLUDED.username, expires_at_ms = EXCLUDED.expires_at_ms, session = EXCLUDED.session`;

  return {
    async listAccounts() {
      const rows = await sql<{ account: Account }[]>`SELECT account FROM accounts ORDER BY username`;
      return rows.map((row) => row.account);
    },
    async findAccount(username) {
      const [row] = await sql<{ account: Account }[]>`SELECT account FROM accounts WHERE username = ${username}`;
      return row?.account;
    },
    async saveAccount(account, effects = {}) {
      await sql.begin(async (transaction) => {
        await transaction`
          INSERT INTO accounts (username, account) VALUES (${account.username}, ${sql.json(account as never)})
          ON CONFLICT (username) DO UPDATE SET account = EXCLUDED.account`;
        if (effects.endSessions) await transaction`DELETE FROM sessions WHERE username = ${account.username}`;
        if (effects.revokeTokens) await transaction`DELETE FROM tokens WHERE username = ${account.username}`;
        if (effects.newSession) await insertSession(transaction, effects.newSession);
      });
    },
    async createAccount(account) {
      const inserted = await sql`
        INSERT INTO accounts (username, account) VALUES (${account.username}, ${sql.json(account as never)})
        ON CONFLICT (username) DO NOTHING`;
      return inserted.count === 1;
    },

    async findSession(idHash) {
      const [row] = await sql<{ session: Session }[]>`SELECT session FROM sessions WHERE id_hash = ${idHash}`;
      return row?.session;
    },
    async saveSession(session, now) {
      await sql.begin(async (transaction) => {
        await transaction`DELETE FROM sessions WHERE expires_at_ms <= ${now.getTime()} AND id_hash <> ${session.idHash}`;
        await insertSession(transaction, session);
      });
    },
    async deleteSession(idHash) {
      await sql`DELETE FROM sessions WHERE id_hash = ${idHash}`;
    },
    async deleteSessionsOf(username) {
      await sql`DELETE FROM sessions WHERE username = ${username}`;
    },

    async listTokens() {
      const rows = await sql<{ token: ApiToken }[]>`SELECT token FROM tokens ORDER BY id`;
      return rows.map((row) => row.token);
    },
    async findTokenByHash(tokenHash) {
      const [row] = await sql<{ token: ApiToken }[]>`SELECT token FROM tokens WHERE token_hash = ${tokenHash} LIMIT 1`;
      return row?.token;
    },
    async saveToken(token) {
      await sql`
        INSERT INTO tokens (id, username, token_hash, token)
        VALUES (${token.id}, ${token.username}, ${token.tokenHash}, ${sql.json(token as never)})
        ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, token_hash = EXCLUDED.token_hash, token = EXCLUDED.token`;
    },
    async deleteToken(id) {
      await sql`DELETE FROM tokens WHERE id = ${id}`;
    },
    async deleteTokensOf(username) {
      const deleted = await sql`DELETE FROM tokens WHERE username = ${username}`;
      return deleted.count;
    },
  };
}

/** When a session ends, in ms (an unreadable date counts as already expired, as Date.parse → NaN does in memory). */
function expiryOf(session: Session): number {
  const at = Date.parse(session.expiresAt);
  return Number.isFinite(at) ? at : 0;
}
