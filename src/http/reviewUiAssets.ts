import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** One static asset, with an ETag so browsers revalidate cheaply. */
export interface Asset {
  readonly body: string;
  readonly contentType: string;
  readonly etag: string;
}

/** The review UI's assets: the HTML shell, the stylesheet, and the script bundled from review-ui/main.ts. */
export interface ReviewUiAssets {
  get(name: 'index.html' | 'app.js' | 'app.css'): Promise<Asset>;
}

const contentTypes = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
} as const;

/**
 * Builds the review UI on first use: esbuild bundles review-ui/main.ts with the modules it imports from src/
 * (the same rules code the server runs: validate/evaluateRule, review/ruleImpact, templates/registry). Each
 * asset is built once per process.
 */
export function createReviewUiAssets(directory: URL = new URL('../../review-ui/', import.meta.url)): ReviewUiAssets {
  const cache = new Map<string, Promise<Asset>>();
  const load = async (name: keyof typeof contentTypes): Promise<Asset> => {
    const body = name === 'app.js' ? await bundle(directory) : await readFile(new URL(name, directory), 'utf8');
    return { body, contentType: contentTypes[name], etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  };
  return {
    get(name) {
      let asset = cache.get(name);
      if (!asset) {
        asset = load(name);
        cache.set(name, asset);
        asset.catch(() => cache.delete(name));
      }
      return asset;
    },
  };
}

async function bundle(directory: URL): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('main.ts', directory))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no review UI bundle');
  return output.text;
}
