import type { ServerResponse } from 'node:http';
import { Hono } from 'hono';
import { GongkaiError, isGongkaiError } from '../../errors/GongkaiError.ts';
import { exportDataset, exportRequestSchema } from '../../export/exportDataset.ts';
import type { AppDependencies, AppEnv } from '../AppEnv.ts';
import { parseInput } from '../readJsonBody.ts';
import { guardStream } from '../guardStream.ts';
import { requireAccess } from '../requireAccess.ts';

/**
 * - GET /api/export?format=xlsx|csv|jsonl&shape=wide|long|dictionary|panel|panel-dictionary&template=&header=label|id|both
 *   — a session or token, or anyone when the admin made downloads public: the committed dataset, streamed as a
 *   download (XLSX by default; a wide CSV needs a template: 400 otherwise). `panel`: agency key × year ×
 *   harmonised indicator (src/panel), agency keys resolved with the reviewers' confirmed identities.
 *
 * A download never ends as a 200 with a truncated body: with a quarantined (corrupt) document file the export
 * is refused up front (500 naming the files); a failure before the first bytes is an ordinary JSON error; a
 * failure after them cuts the connection, so the client sees a broken transfer, not a short file.
 */
export function exportRoutes({ store, clock, log, agencies }: AppDependencies): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/export', async (c) => {
    const { publicDownloads } = await store.getSettings();
    requireAccess(c, 'download', { publicDownloads });
    const request = parseInput(exportRequestSchema, c.req.query());
    const quarantined = await store.quarantinedDocuments();
    if (quarantined.length > 0) {
      const files = quarantined.map((entry) => entry.file);
      throw new GongkaiError(
        'store-corrupt',
        `export refused: ${files.length} document file(s) are corrupt and quarantined (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}); ` +
          'the dataset would be silently incomplete. Restore the file(s) from a backup and restart the server.',
        { files },
      );
    }
    const dataset = exportDataset(store, request, clock(), { identities: await agencies.list() });
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    const body = await guardStream(dataset.stream, (error) => {
      log(`export ${request.format}/${request.shape} aborted after it started: ${isGongkaiError(error) ? error.message : error instanceof Error ? error.message : String(error)}`);
      // Destroying the socket leaves the chunked body without its terminator: every HTTP client reports the
      // transfer as failed. (Erroring the stream instead would let the adapter append an error text and end it.)
      outgoing?.destroy();
      return outgoing !== undefined;
    });
    return new Response(body, {
      headers: {
        'content-type': dataset.contentType,
        'content-disposition': `attachment; filename="${dataset.fileName}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  });
  return app;
}
