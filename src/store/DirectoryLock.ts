import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { GongkaiError } from '../errors/GongkaiError.ts';

const heldInThisProcess = new Set<string>();

/**
 * An exclusive lock on a data directory (a `.lock` file holding the owner's pid), so two processes (a server
 * and an ingest run, say) never write the same store: each keeps an in-memory index that the other would
 * silently overwrite. A lock left by a process that no longer runs is taken over.
 */
export class DirectoryLock {
  private constructor(private readonly path: string, private readonly directory: string) {}

  /** Takes the lock on `directory`, or throws GongkaiError('conflict') naming the process that holds it. */
  static async acquire(directory: string): Promise<DirectoryLock> {
    const absolute = resolve(directory);
    const path = join(absolute, '.lock');
    const inUse = (owner: number) =>
      new GongkaiError(
        'conflict',
        `the data directory ${absolute} is in use by ${owner === process.pid ? 'this process' : `process ${owner}`} (a running gongkai server or ingest). ` +
          'Stop it first, or submit through its API (ingest --server URL --token TOKEN).',
        { directory: absolute, pid: owner },
      );
    if (heldInThisProcess.has(absolute)) throw inUse(process.pid);
    await mkdir(absolute, { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(path, 'wx', 0o600);
        await handle.writeFile(`${process.pid}\n`);
        await handle.sync();
        await handle.close();
        heldInThisProcess.add(absolute);
        return new DirectoryLock(path, absolute);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
        if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) throw inUse(owner);
        await unlink(path).catch(() => undefined);
      }
    }
    throw new GongkaiError('conflict', `could not lock the data directory ${absolute}`, { directory: absolute });
  }

  /** Releases the lock. */
  async release(): Promise<void> {
    heldInThisProcess.delete(this.directory);
    await unlink(this.path).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
