import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './AppEnv.ts';

/** The pdf.js files the review UI loads, with their content types. Anything else under /assets/pdfjs/ is 404. */
const SCRIPTS: Readonly<Record<string, string>> = {
  'pdf.min.mjs': 'build/pdf.min.mjs',
  'pdf.worker.min.mjs': 'build/pdf.worker.min.mjs',
};
/** Data folders pdf.js fetches from by file name: CJK cMaps and the standard fonts. */
const DATA_FOLDERS: Readonly<Record<string, { readonly pattern: RegExp; readonly contentType: string }>> = {
  cmaps: { pattern: /^[A-Za-z0-9_-]+\.bcmap$/, contentType: 'application/octet-stream' },
  standard_fonts: { pattern: /^[A-Za-z0-9_-]+\.(?:pfb|ttf)$/, contentType: 'application/octet-stream' },
};

/**
 * Mozilla pdf.js for the browser, served same-origin from the installed pdfjs-dist package (its browser build,
 * its worker, its cMaps and standard fonts): the review UI draws PDF pages with it, and no script, worker or
 * data file ever comes from a CDN. Public like the UI's own script (it is the published library, nothing of
 * the store). Files are read once and kept; names are matched against a fixed list or a strict pattern, so
 * no path outside the package's folders can be asked for.
 */
export function pdfJsRoutes(packageDirectory: string = defaultPackageDirectory()): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = new Map<string, Promise<Uint8Array>>();
  const load = (relativePath: string) => {
    let body = cache.get(relativePath);
    if (!body) {
      body = readFile(join(packageDirectory, relativePath)).then((buffer) => new Uint8Array(buffer));
      cache.set(relativePath, body);
      body.catch(() => cache.delete(relativePath));
    }
    return body;
  };
  const serve = async (relativePath: string, contentType: string) => {
    let body: Uint8Array;
    try {
      body = await load(relativePath);
    } catch {
      return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    return new Response(body as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': contentType,
        // The package's version is fixed per install; a restart after an upgrade serves the new files.
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      },
    });
  };

  app.get('/:file', (c) => {
    const relativePath = SCRIPTS[c.req.param('file')];
    return relativePath ? serve(relativePath, 'text/javascript; charset=utf-8') : c.text('not found', 404);
  });
  app.get('/:folder/:file', (c) => {
    const folder = c.req.param('folder');
    const file = c.req.param('file');
    const data = Object.hasOwn(DATA_FOLDERS, folder) ? DATA_FOLDERS[folder] : undefined;
    return data && data.pattern.test(file) ? serve(`${folder}/${file}`, data.contentType) : c.text('not found', 404);
  });
  return app;
}

function defaultPackageDirectory(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}
