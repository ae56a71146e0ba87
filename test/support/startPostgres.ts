import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);

/** Where Debian's postgresql package puts the server binaries (installed by scripts/ensurePostgres.sh). */
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The newest Debian PostgreSQL bin directory holding initdb and pg_ctl, or undefined when none is installed. */
export function findPostgresBin(): string | undefined {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const majors = readdirSync(DEBIAN_ROOT).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = join(DEBIAN_ROOT, major, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

/**
 * Whether the PostgreSQL tests run here: when the binaries are installed, always; when they are absent, the
 * tests are skipped with the reason, except under CI=true, where a missing PostgreSQL is a failure (the test
 * command's pretest installs it).
 */
export function postgresTestsEnabled(): boolean {
  if (findPostgresBin()) return true;
  if (process.env.CI === 'true') throw new Error('CI=true but PostgreSQL is not installed: run scripts/ensurePostgres.sh (npm test does)');
  console.warn('PostgreSQL tests skipped: Debian\'s postgresql is not installed (sudo apt-get install -y postgresql)');
  return false;
}

/** A throwaway PostgreSQL cluster on a loopback port, owned by the test that started it. */
export interface TestPostgres {
  /** URL of the cluster's `postgres` database (superuser, trust authentication on loopback). */
  readonly url: string;
  readonly port: number;
  /** Creates a fresh empty database and returns its URL (one per store under test). */
  createDatabase(): Promise<string>;
  /** Stops the server fast (`-m immediate`, as a crash would) without removing the cluster. */
  kill(): Promise<void>;
  /** Starts the stopped server again on the same port and directory. */
  restart(): Promise<void>;
  /** Stops the server and deletes its directory. */
  stop(): Promise<void>;
}

let databaseCounter = 0;

/**
 * Test helper: initdb into a temp directory (owned by the `postgres` user when the tests run as root, since
 * the server refuses to run as root), then pg_ctl start on a free loopback port with the socket in that
 * directory. fsync is off (the cluster is deleted afterwards; a killed server loses nothing the OS has), commits stay synchronous so an acknowledged write survives kill().
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (scripts/ensurePostgres.sh)');
  const root = await mkdtemp(join(tmpdir(), 'gongkai-pg-'));
  const dataDirectory = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(root, Number(stdout.trim()), Number(group.trim()));
  }
  const asPostgres = (program: string, args: readonly string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), [...args]);
  await asPostgres('initdb', ['-D', dataDirectory, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
  const start = () => asPostgres('pg_ctl', ['-D', dataDirectory, '-o', options, '-l', join(root, 'server.log'), '-w', 'start']);
  await start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stopServer = async (mode: 'fast' | 'immediate') => {
    await asPostgres('pg_ctl', ['-D', dataDirectory, '-m', mode, '-w', 'stop']).catch(() => undefined);
  };
  return {
    url,
    port,
    async createDatabase() {
      databaseCounter += 1;
      const name = `gongkai_test_${process.pid}_${databaseCounter}`;
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    kill: () => stopServer('immediate'),
    async restart() {
      await start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopServer('immediate');
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A TCP port free on loopback right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
