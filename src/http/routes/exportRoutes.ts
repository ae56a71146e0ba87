import { Hono } from 'hono';
import { exportDataset, exportRequestSchema } from '../../export/exportDataset.ts';
import type { AppDependencies, AppEnv } from '../AppEnv.ts';
import { parseInput } from '../readJsonBody.ts';
import { requireAccess } from '../requireAccess.ts';

/**
 * - GET /api/export?format=xlsx|csv|jsonl&shape=wide|long|dictionary&template=&header=label|id|both — a
 *   session or token, or anyone when the admin made downloads public: the committed dataset, streamed as a
 *   download (XLSX by default; a wide CSV needs a template: 400 otherwise).
 */
export function exportRoutes({ store, clock }: AppDependencies): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/export', async (c) => {
    const { publicDownloads } = await store.getSettings();
    requireAccess(c, 'download', { publicDownloads });
    const request = parseInput(exportRequestSchema, c.req.query());
    const dataset = exportDataset(store, request, clock());
    return new Response(dataset.stream, {
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
