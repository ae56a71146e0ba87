import { resolve } from 'node:path';
import type { Config } from '../config/loadConfig.ts';
import { isGongkaiError } from '../errors/GongkaiError.ts';
import { generatePassword, hashPassword } from '../http/passwordHash.ts';
import { createFileStore } from '../store/createFileStore.ts';
import { openStore } from '../store/openStore.ts';
import type { CliStreams } from './runExtract.ts';

const USAGE = 'usage: npm run admin -- reset-password USERNAME';

/**
 * `admin`: operator commands on the file store while the server is stopped. `reset-password USER` gives the
 * account a new random password, printed once, re-enables it and ends its sessions: the way back in when the
 * only admin's password is lost (an admin who can still log in resets others' passwords in the UI).
 * Returns 0 on success, 1 when the store is locked or the account is unknown, 2 on a usage error.
 */
export async function runAdmin(args: readonly string[], config: Config, streams: CliStreams): Promise<number> {
  const [command, username, ...extra] = args;
  if (command !== 'reset-password' || username === undefined || extra.length > 0) {
    streams.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (config.service.store === 'memory') {
    streams.stderr.write('admin: GONGKAI_STORE=memory keeps no accounts after exit; nothing to reset\n');
    return 2;
  }
  const directory = resolve(config.dataDirectory);
  let store;
  try {
    store = config.service.databaseUrl ? await openStore(config) : await createFileStore(directory);
  } catch (error) {
    if (isGongkaiError(error, 'conflict')) {
      const pid = error.context['pid'];
      streams.stderr.write(
        `admin: the data directory ${directory} is held by ${typeof pid === 'number' ? `process ${pid}` : 'another process'} (a running gongkai server or ingest).\n` +
          `  Stop it first: Ctrl+C in the terminal running \`npm start\`${typeof pid === 'number' ? `, or \`kill ${pid}\`` : ''}; then run this command again.\n` +
          '  While the server runs, another admin can reset the password in the UI: 管理 → 账户列表 → 重置密码.\n',
      );
      return 1;
    }
    streams.stderr.write(`admin: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    const account = await store.findAccount(username);
    if (!account) {
      const known = (await store.listAccounts()).map((candidate) => candidate.username);
      streams.stderr.write(`admin: no account "${username}" in ${directory} (accounts: ${known.length > 0 ? known.join(', ') : 'none yet; start the server once to create admin'})\n`);
      return 1;
    }
    const password = generatePassword();
    await store.saveAccount({ ...account, passwordHash: await hashPassword(password), disabled: false });
    await store.deleteSessionsOf(username);
    streams.stdout.write(
      `new password of "${username}" (${account.role}): ${password}\n` +
        `  shown only this once; log in and change it under ${account.role === 'admin' ? '管理' : '我的账户'} → 我的密码. Its other sessions were logged out.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
