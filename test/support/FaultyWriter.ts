import { DurableWriter } from '../../src/store/DurableWriter.ts';

/**
 * Test helper: a DurableWriter whose writes fail (disk full, read-only) or never finish (the process died
 * before that batch) for the paths a predicate picks.
 */
export class FaultyWriter extends DurableWriter {
  /** Paths whose writes reject with EROFS. */
  failing: (path: string) => boolean = () => false;
  /** Paths whose writes never settle: as if the process were killed before writing them. */
  hanging: (path: string) => boolean = () => false;

  override write(path: string, content: string | Uint8Array): Promise<void> {
    if (this.hanging(path)) return new Promise<void>(() => {});
    if (this.failing(path)) {
      return Promise.reject(Object.assign(new Error(`EROFS: read-only file system, open '${path}'`), { code: 'EROFS' }));
    }
    return super.write(path, content);
  }
}
