import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The extraction thread's task module (extractionTask.ts and the whole pipeline it imports) bundled by esbuild into
 * one ES module, written to node_modules/.cache/gongkai/ and named by its content's hash; its URL, to import.
 *
 * Why one module: the pipeline is some 200 small files, and loaded a file each (tsx, one ES module per file) it
 * reads fewer reports a second on a busy machine than the same code bundled: with both cores extracting at once (two
 * processes, the seed reports, 2,500 extractions each after 500 warm-up) 268–313 reports/s each against 363–404;
 * alone on an idle machine the two are within noise (417–420 against 415–445). Calls between ES modules go through
 * import bindings, which V8 loads from the exporting module and checks on every call (on Node 20 a loop calling an
 * imported function ran a quarter slower than the same function declared in its module); bundled, they are calls
 * within one scope, in less code. The code is the same TypeScript, transformed by the same esbuild tsx uses.
 *
 * Packages (zod, iconv-lite, chardet) stay imports, resolved from the project's node_modules: hence the file lives
 * under it. Undefined when the bundle cannot be built or written (a read-only checkout): the caller then loads the
 * TypeScript as before. Each call builds (about a quarter of a second); a thread calls it once, at start.
 */
export async function extractionTaskModule(): Promise<URL | undefined> {
  try {
    const result = await build({
      entryPoints: [fileURLToPath(entryPoint)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node}`,
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (!output) return undefined;
    const hash = createHash('sha256').update(output.contents).digest('hex').slice(0, 16);
    const file = new URL(`${PREFIX}${hash}.mjs`, cacheDirectory);
    // A bundle in use is kept fresh: removeOlderBundles takes only those nobody has built for an hour.
    if (existsSync(file)) utimesSync(file, new Date(), new Date());
    else {
      mkdirSync(cacheDirectory, { recursive: true });
      // Another thread or process may write the same file at once: each writes its own temporary and renames it
      // over the name, so an import never sees half a file.
      const temporary = new URL(`${PREFIX}${hash}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`, cacheDirectory);
      writeFileSync(temporary, output.contents);
      renameSync(temporary, file);
      removeOlderBundles(file);
    }
    return file;
  } catch {
    return undefined;
  }
}

const entryPoint = new URL('./extractionTask.ts', import.meta.url);
const cacheDirectory = new URL('../../../node_modules/.cache/gongkai/', import.meta.url);
const PREFIX = 'extraction-task-';

/** A bundle not written for this long is of earlier code. */
const STALE_MS = 60 * 60 * 1000;

/**
 * Bundles of earlier code: each change to the pipeline writes a new one. Only those an hour old go: a process that
 * built one a moment ago may not have imported it yet (a checkout beside this one sharing node_modules).
 */
function removeOlderBundles(current: URL): void {
  for (const name of readdirSync(cacheDirectory)) {
    const file = new URL(name, cacheDirectory);
    if (!name.startsWith(PREFIX) || file.href === current.href) continue;
    try {
      if (Date.now() - statSync(file).mtimeMs > STALE_MS) unlinkSync(file);
    } catch {
      // Gone already (another process removed it).
    }
  }
}
